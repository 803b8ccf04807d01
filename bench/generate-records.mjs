// Realistic toolkit records for the benchmark and the batch tests: all seven
// areas of the default template, every section scored with evidence, sessions,
// contributors, the child's voice and a summary - about 9-10 KB each, like the
// records practitioners write. Deterministic for a given seed.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const AREAS = [
  ['physical-care', ['1.1', '1.2', '1.3', '1.4']],
  ['health-development', ['2.1', '2.2', '2.3']],
  ['safety-supervision', ['3.1', '3.2', '3.3']],
  ['emotional-warmth', ['4.1', '4.2', '4.3']],
  ['family-relationships', ['5.1', '5.2', '5.3']],
  ['boundaries-values', ['6.1', '6.2', '6.3']],
  ['commitment-change', ['7.1', '7.2', '7.3', '7.4']],
];
const DECISIONS = ['single-agency', 'community-services', 'early-help', 'mash', 'mash-urgent'];
const SESSION_TYPES = ['announced-visit', 'unannounced-visit', 'meeting', 'phone', 'observation'];
const WORDS = (
  'food kitchen clean cluttered school attendance uniform tired breakfast teacher nursery visit mother father ' +
  'partner grandmother brother sister bedtime routine homework reading dentist glasses appointment health visitor ' +
  'warm praise cuddled worried quiet watchful settled friends club weekend money support plan review ' +
  'meeting agreed kept missed improved slipped sustained home garden stairs medicine gate phone screen late early'
).split(' ');

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, '0');

/** Text of about `words` words, folded as a YAML block scalar under `indent` spaces. */
function block(r, words, indent) {
  const out = [];
  let line = '';
  for (let i = 0; i < words; i++) {
    let w = WORDS[Math.floor(r() * WORDS.length)];
    if (i === 0 || r() < 0.08) w = w[0].toUpperCase() + w.slice(1);
    if (r() < 0.06) w += ',';
    if (r() < 0.05) w += `; "${WORDS[Math.floor(r() * WORDS.length)]}"`;
    if (line.length + w.length > 96) {
      out.push(line);
      line = '';
    }
    line = line ? `${line} ${w}` : w;
  }
  out.push(`${line}.`);
  return `>-\n${out.map((l) => `${' '.repeat(indent)}${l}`).join('\n')}`;
}

/**
 * One record as YAML text. `index` picks the child, `visit` which of its toolkits (0 = initial).
 * `findings`: the parent's own score is often 2 or more away from the practitioner's, so a
 * record carries about ten findings, as the caseloads analysts check do.
 */
export function recordYaml(index, visit = 0, seed = 1, { findings = false } = {}) {
  const r = rng(seed * 7919 + index * 104729 + visit * 31 + 1);
  const year = 2021 + (index % 4);
  const month = 1 + (index % 8) + visit;
  const completed = `${year}-${pad(month)}-${pad(10 + (index % 15))}`;
  const next = `${year}-${pad(month + 3)}-${pad(10 + (index % 15))}`;
  const ref = `C-${String(index).padStart(6, '0')}`;
  // Most children's care is good enough with a few worries; some have mainly 3s and 4s.
  const level = index % 10 === 9 ? 2 : index % 10 >= 7 ? 1 : 0;
  const score = () => Math.min(4, 1 + level + Math.floor(r() * 2));
  const near = (s) => (findings && r() < 0.45 ? (s <= 2 ? s + 2 : s - 2) : Math.max(1, Math.min(4, s + (r() < 0.5 ? 0 : r() < 0.5 ? -1 : 1))));
  const lines = [
    'format: neglect-toolkit/1',
    'template: nscp-ncscp/2021',
    'child:',
    `  ref: ${ref}`,
    `  name: Child ${index}`,
    `  born: ${year - 3 - (index % 12)}-${pad(1 + (index % 12))}-${pad(1 + (index % 28))}`,
    `  household: H-${Math.floor(index / 2)}`,
    `  front_door: ${index % 2 ? 'city' : 'county'}`,
    '  family:',
    '    - name: Parent',
    '      relationship: mother',
    '      lives_with_child: true',
    'assessment:',
    `  type: ${visit === 0 ? 'initial' : 'review'}`,
    ...(visit === 0 ? [] : [`  previous: ${year}-${pad(month - 1)}-${pad(10 + (index % 15))}`]),
    `  completed: ${completed}`,
    '  sessions:',
  ];
  for (let s = 0; s < 4; s++) {
    lines.push(
      `    - date: ${year}-${pad(month)}-${pad(1 + s * 2)}`,
      `      type: ${SESSION_TYPES[s]}`,
      `      by: w${s}`,
      `      seen_alone: ${s === 2}`,
      `      note: ${block(r, 18, 8)}`,
    );
  }
  lines.push('  contributors:');
  for (let s = 0; s < 4; s++) lines.push(`    - id: w${s}`, `      role: Worker ${s}`, `      agency: Agency ${s}`);
  lines.push(`  background: ${block(r, 40, 4)}`);
  lines.push('child_voice:', `  working_well: ${block(r, 25, 4)}`, `  worried_about: ${block(r, 25, 4)}`, 'areas:');
  for (const [area, sections] of AREAS) {
    lines.push(`  ${area}:`, '    sections:');
    for (const key of sections) {
      const own = score();
      lines.push(`      "${key}":`, `        score: ${own}`, `        parent_score: ${near(own)}`, `        evidence: ${block(r, 12, 10)}`, `        by: w${key.length % 4}`);
    }
    lines.push(`    strengths: ${block(r, 10, 6)}`, `    concerns: ${block(r, 10, 6)}`, `    impact: ${block(r, 14, 6)}`);
  }
  lines.push(
    'summary:',
    `  analysis: ${block(r, 50, 4)}`,
    `  lead_consulted: ${completed}`,
    `  decision: ${DECISIONS[index % DECISIONS.length]}`,
    '  actions:',
    `    - action: ${block(r, 12, 8)}`,
    '      who: Worker 0',
    `      by: ${next}`,
    `  next_review: ${next}`,
  );
  return `${lines.join('\n')}\n`;
}

/** Ways a file in a real folder goes wrong, for the tests' invalid files. */
export function brokenYaml(index) {
  const good = recordYaml(index);
  switch (index % 4) {
    case 0:
      return good.replace(/score: \d/, 'score: 7');
    case 1:
      return good.replace('format: neglect-toolkit/1', 'format: neglect-toolkit/1\nformat: neglect-toolkit/1');
    case 2:
      return good.replace('  household:', '\thousehold:');
    default:
      return good.replace(/completed: (\S+)/, 'completed: 2021-02-30');
  }
}

/**
 * Writes `count` records into `dir` (one per child, with every fifth child
 * also having a review file). `invalidEvery` > 0 makes every n-th file broken; `findings` makes
 * records that carry about ten findings each.
 */
export async function writeRecords(dir, count, { seed = 1, invalidEvery = 0, findings = false } = {}) {
  await mkdir(dir, { recursive: true });
  const batch = [];
  let written = 0;
  for (let i = 0; written < count; i++) {
    const visits = i % 5 === 0 ? 2 : 1;
    for (let v = 0; v < visits && written < count; v++) {
      written++;
      const text = invalidEvery > 0 && written % invalidEvery === 0 ? brokenYaml(i) : recordYaml(i, v, seed, { findings });
      batch.push(writeFile(join(dir, `C-${String(i).padStart(6, '0')}-${v}.yaml`), text));
      if (batch.length >= 64) await Promise.all(batch.splice(0));
    }
  }
  await Promise.all(batch);
}
