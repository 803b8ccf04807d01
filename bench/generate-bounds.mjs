// Records at the bounds of the format, for the benchmark's worst-case rows and
// the test that bounds them loosely (test/e2e/record-bounds.test.ts): every
// free text at the schema's 20,000 characters, two such records whose texts
// all differ, and a 2 MB file of unknown keys.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const VOCABULARY = 'food kitchen school uniform tired breakfast teacher nursery visit mother father bedtime routine homework dentist worried settled friends support plan'.split(' ');

function words(seed, length) {
  let s = seed;
  const out = [];
  for (let n = 0; n < length; ) {
    s = (s * 16807) % 2147483647;
    const w = VOCABULARY[s % VOCABULARY.length];
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ').slice(0, length).trimEnd();
}

/** Every text field of the record replaced by its own 20,000 characters. */
function longTexts(record, seed) {
  let n = seed;
  const text = () => words((n += 7919), 20_000);
  for (const area of Object.values(record.areas)) {
    for (const field of ['impact', 'strengths', 'concerns']) area[field] = text();
    for (const section of Object.values(area.sections)) section.evidence = text();
  }
  for (const key of ['working_well', 'worried_about', 'needs_to_happen']) record.child_voice[key] = text();
  record.summary.analysis = text();
  return record;
}

/** Writes old.yaml and new.yaml (valid, every text long and different) and unknown-keys.yaml (2 MB) into `dir`. */
export async function writeBoundRecords(dir, root) {
  const source = await readFile(join(root, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml'), 'utf8');
  await writeFile(join(dir, 'old.yaml'), stringify(longTexts(parse(source), 1), { lineWidth: 0 }));
  await writeFile(join(dir, 'new.yaml'), stringify(longTexts(parse(source), 2), { lineWidth: 0 }).replace('completed: 2020-09-29', 'completed: 2020-09-30'));
  const keys = [];
  for (let i = 0, size = source.length; size < 2 * 1024 * 1024 - 64; i++) {
    const line = `x${i.toString(36)}: 1\n`;
    keys.push(line);
    size += line.length;
  }
  await writeFile(join(dir, 'unknown-keys.yaml'), source + keys.join(''));
}
