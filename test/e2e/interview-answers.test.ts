import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk } from './run-ntk.js';
import { SAM_ANSWERS as answers } from '../support/answers.js';


describe('interviews without a terminal', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-answers-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('ntk new --answers writes <ref>-<completed>.yaml that passes ntk check, asking nothing', async () => {
    const out = join(dir, 'new');
    await rm(out, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(out));
    await writeFile(join(dir, 'answers.yaml'), answers);
    const r = await ntk(['new', '--answers', join(dir, 'answers.yaml'), '--out', out, '--today', '2021-04-01']);
    expect(r.stderr).toBe(`wrote ${join(out, 'AB-01-2021-03-01.yaml')}`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(await readdir(out)).toEqual(['AB-01-2021-03-01.yaml']);
    const check = await ntk(['check', out, '--today', '2021-04-01']);
    expect(check.exitCode).toBe(0);

    const again = await ntk(['new', '--answers', join(dir, 'answers.yaml'), '--out', out, '--today', '2021-04-01']);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('already exists; choose another name or add --force to replace it');
    expect((await ntk(['new', '--answers', join(dir, 'answers.yaml'), '--out', out, '--today', '2021-04-01', '--force'])).exitCode).toBe(0);
  });

  it('exits 2 naming what is missing when there is no terminal to ask', async () => {
    const r = await ntk(['new', '--out', dir, '--today', '2021-04-01']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('child.ref, assessment.completed');
    await writeFile(join(dir, 'bad.yaml'), 'child:\n  ref: AB-02\nassessment:\n  completed: 2021-02-30\n');
    const bad = await ntk(['new', '--answers', join(dir, 'bad.yaml'), '--out', dir, '--today', '2021-04-01']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('assessment.completed (2021-02-30 is not a real date (February 2021 has 28 days))');
    await writeFile(join(dir, 'typo.yaml'), 'chlid:\n  ref: AB-02\n');
    const typo = await ntk(['new', '--answers', join(dir, 'typo.yaml'), '--out', dir]);
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toContain('chlid');
  });

  it('ntk new --household writes one file per child with the shared answers identical', async () => {
    const out = join(dir, 'household');
    await import('node:fs/promises').then((fs) => fs.mkdir(out));
    const second = 'child:\n  ref: AB-02\n  name: Ali\nchild_voice:\n  working_well: Playing cars with Mum.\n';
    await writeFile(join(dir, 'household.yaml'), `${answers.replace('child:\n', 'child:\n  household: H-1\n')}---\n${second}`);
    const r = await ntk(['new', '--household', '--answers', join(dir, 'household.yaml'), '--out', out, '--today', '2021-04-01']);
    expect(r.exitCode).toBe(0);
    expect(await readdir(out)).toEqual(['AB-01-2021-03-01.yaml', 'AB-02-2021-03-01.yaml']);
    const [a, b] = await Promise.all(['AB-01', 'AB-02'].map(async (ref) => parse(await readFile(join(out, `${ref}-2021-03-01.yaml`), 'utf8')) as Record<string, any>));
    // The home's answers are the same; whether the child was seen alone is the first child's alone.
    const { sessions: sa, ...restA } = a?.assessment ?? {};
    const { sessions: sb, ...restB } = b?.assessment ?? {};
    expect(restB).toEqual(restA);
    expect(sa).toEqual([{ date: '2021-02-20', type: 'unannounced-visit', by: 'hv1', seen_alone: true }]);
    expect(sb).toEqual([{ date: '2021-02-20', type: 'unannounced-visit', by: 'hv1' }]);
    expect(b?.child.household).toBe('H-1');
    expect(b?.child_voice).toEqual({ working_well: 'Playing cars with Mum.' });
    expect(b?.areas).toBeUndefined();
    expect((await ntk(['check', out, '--today', '2021-04-01'])).exitCode).toBe(0);
  });

  it('ntk review --answers carries the record forward and prints the review diff', async () => {
    const out = join(dir, 'MJ-01-2020-12-15.yaml');
    // Whether there is any indication of significant harm must be answered: without it nothing is written.
    await writeFile(join(dir, 'review.yaml'), 'assessment:\n  completed: 2020-12-15\nreview:\n  celebrated: Certificate for the fridge.\n');
    const unanswered = await ntk(['review', 'fixtures/mary-jo/MJ-01-2020-09-29.yaml', '--answers', join(dir, 'review.yaml'), '--out', out, '--today', '2021-04-01']);
    expect(unanswered.exitCode).toBe(2);
    expect(unanswered.stderr).toContain('review.significant_harm');
    await writeFile(join(dir, 'review.yaml'), 'assessment:\n  completed: 2020-12-15\nreview:\n  significant_harm: No indication.\n  celebrated: Certificate for the fridge.\n');
    const r = await ntk(['review', 'fixtures/mary-jo/MJ-01-2020-09-29.yaml', '--answers', join(dir, 'review.yaml'), '--out', out, '--today', '2021-04-01']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(`wrote ${out}`);
    // Nothing was changed in the answers, so every section carried forward is unchanged.
    expect(r.stdout).toContain('Initial toolkit, 29 September 2020 -> Review, 15 December 2020 (77 days)');
    expect(r.stdout).toContain('23 sections: 0 improved, 0 deteriorated, 23 unchanged');
    const review = parse(await readFile(out, 'utf8')) as Record<string, any>;
    const before = parse(await readFile('fixtures/mary-jo/MJ-01-2020-09-29.yaml', 'utf8')) as Record<string, any>;
    expect(review.assessment.type).toBe('review');
    expect(review.assessment.previous).toBe('2020-09-29');
    expect(review.areas).toEqual(before.areas);
    expect(review.summary.actions).toEqual(before.summary.actions);
    expect(review.review).toEqual({ significant_harm: 'No indication.', celebrated: 'Certificate for the fridge.' });
    expect((await ntk(['check', out, '--today', '2021-04-01'])).exitCode).toBe(0);
  });

  it('a household edit of a shared section updates every sibling\'s file of the same date, and nothing else', async () => {
    const out = join(dir, 'household-edit');
    await import('node:fs/promises').then((fs) => fs.mkdir(out));
    const shared = answers
      .replace('child:\n', 'child:\n  household: H-2\n')
      .replace('  completed: 2021-03-01\n', '  completed: 2021-03-01\n  household_shared:\n    - "1.2"\n')
      .replace('        by: hv1\n    impact:', '        by: hv1\n      "1.2":\n        score: 3\n        evidence: Damp in both bedrooms.\n        by: hv1\n    impact:');
    const second = 'child:\n  ref: AB-02\n  name: Ali\nareas:\n  physical-care:\n    sections:\n      "1.2":\n        score: 3\n        evidence: Damp in both bedrooms.\n        by: hv1\nchild_voice:\n  working_well: Cars.\nsummary:\n  decision: early-help\n  next_review: 2021-06-01\n';
    await writeFile(join(dir, 'household-edit.yaml'), `${shared}---\n${second}`);
    expect((await ntk(['new', '--household', '--answers', join(dir, 'household-edit.yaml'), '--out', out, '--today', '2021-04-01'])).exitCode).toBe(0);
    const first = join(out, 'AB-01-2021-03-01.yaml');
    const sibling = join(out, 'AB-02-2021-03-01.yaml');
    const siblingBefore = await readFile(sibling, 'utf8');
    await writeFile(join(dir, 'landlord.yaml'), 'areas:\n  physical-care:\n    sections:\n      "1.2":\n        score: 2\n        evidence: Landlord fixed the damp 25/3.\n');
    const r = await ntk(['edit', first, '--by', 'ew1', '--area', 'physical-care', '--answers', join(dir, 'landlord.yaml'), '--today', '2021-04-01']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(`wrote ${first}\nupdated ${sibling} (shared by the household)`);
    const [a, b] = await Promise.all([first, sibling].map(async (f) => parse(await readFile(f, 'utf8')) as Record<string, any>));
    expect(b?.areas['physical-care'].sections['1.2']).toEqual({ score: 2, evidence: 'Landlord fixed the damp 25/3.', by: 'ew1' });
    expect(b?.areas['physical-care'].sections['1.2']).toEqual(a?.areas['physical-care'].sections['1.2']);
    expect(b?.assessment.contributors.map((c: { id: string }) => c.id)).toEqual(['hv1', 'ew1']);
    // Only the shared section and the new contributor changed in the sibling's file.
    const changed = (await readFile(sibling, 'utf8')).split('\n').filter((l) => !siblingBefore.split('\n').includes(l));
    expect(changed.sort()).toEqual(['    - id: ew1', '        by: ew1', '        evidence: Landlord fixed the damp 25/3.', '        score: 2'].sort());
    expect((await ntk(['check', first, sibling, '--today', '2021-04-01'])).exitCode).toBe(0);
  });

  it('ntk edit changes only the edited area and adds the editor as a contributor', async () => {
    const file = join(dir, 'MJ-01-2020-09-29.yaml');
    await copyFile('fixtures/mary-jo/MJ-01-2020-09-29.yaml', file);
    const original = await readFile(file, 'utf8');
    await writeFile(join(dir, 'dentist.yaml'), 'areas:\n  health-development:\n    sections:\n      "2.1":\n        score: 2\n        evidence: Filling done 2/10.\n');
    const r = await ntk(['edit', file, '--by', 'dent1', '--answers', join(dir, 'dentist.yaml'), '--today', '2021-04-01']);
    expect(r.stderr).toBe(`wrote ${file}`);
    expect(r.exitCode).toBe(0);
    const edited = await readFile(file, 'utf8');
    const start = original.indexOf('  health-development:');
    const end = original.indexOf('  safety-supervision:');
    expect(edited.endsWith(original.slice(end))).toBe(true);
    expect(edited.startsWith(original.slice(0, original.indexOf('  involvement:')))).toBe(true);
    // The record says who last changed what, and when.
    expect(edited).toContain('    - id: dent1\n      last_edit:\n        date: 2021-04-01\n        sections:\n          - "2.1"\n  involvement:');
    const area = (parse(edited) as Record<string, any>).areas['health-development'];
    // What the answers leave out of the edited section (the parent's score) stays as it was.
    expect(area.sections['2.1']).toEqual({ score: 2, parent_score: 3, evidence: 'Filling done 2/10.', by: 'dent1' });
    expect(area.sections['2.2'].by).toBe('sn1');
    expect(original.slice(start, end)).not.toBe(edited.slice(edited.indexOf('  health-development:'), edited.indexOf('  safety-supervision:')));
    expect((await ntk(['check', file, '--today', '2021-04-01'])).exitCode).toBe(0);
  });
});
