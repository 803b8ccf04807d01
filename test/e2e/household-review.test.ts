import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ntk, repoRoot } from './run-ntk.js';

/**
 * A household reviewed without a terminal: an answers file with a document
 * per child reviews Mary Jo and Tyler together; their files are written
 * together or not at all. (At a terminal: household-terminal.test.ts.)
 */
describe('ntk review of a household from an answers file', () => {
  const folders: string[] = [];
  afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

  /** Mary Jo's and Tyler's initial toolkits, alone in a folder of their own. */
  const household = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ntk-household-review-'));
    folders.push(dir);
    for (const name of ['MJ-01-2020-09-29.yaml', 'MJ-02-2020-09-29.yaml']) await copyFile(join(repoRoot, 'fixtures/mary-jo', name), join(dir, name));
    return dir;
  };
  const answers = (second: Record<string, unknown>) =>
    [
      {
        assessment: { completed: '2020-12-15', sessions: [{ date: '2020-12-01', type: 'announced-visit', by: 'hv1', seen: true, seen_alone: true }] },
        review: { significant_harm: 'No indication for Mary Jo.' },
        summary: { next_review: '2021-03-16' },
      },
      second,
    ]
      .map((doc) => stringify(doc))
      .join('---\n');
  const tyler = { child: { ref: 'MJ-02' }, assessment: { sessions: [{ seen: true, seen_alone: false }] }, review: { significant_harm: 'No indication for Tyler.' }, summary: { next_review: '2021-03-16' } };
  const review = (dir: string) => ntk(['review', join(dir, 'MJ-01-2020-09-29.yaml'), '--answers', join(dir, 'answers.yaml'), '--today', '2021-04-01']);

  it('writes a review for each child, with the session shared and seen alone only where it was, and prints both review diffs', async () => {
    const dir = await household();
    await writeFile(join(dir, 'answers.yaml'), answers(tyler));
    const r = await review(dir);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(`wrote ${join(dir, 'MJ-01-2020-12-15.yaml')}\nwrote ${join(dir, 'MJ-02-2020-12-15.yaml')}`);
    expect(r.stdout).toContain('Review diff - Mary Jo (MJ-01)');
    expect(r.stdout).toContain('Review diff - Tyler (MJ-02)');
    const [maryJo, ty] = await Promise.all(['MJ-01', 'MJ-02'].map(async (ref) => parse(await readFile(join(dir, `${ref}-2020-12-15.yaml`), 'utf8')) as Record<string, any>));
    expect(maryJo?.assessment.sessions).toEqual([{ date: '2020-12-01', type: 'announced-visit', by: 'hv1', seen: true, seen_alone: true }]);
    expect(ty?.assessment.sessions).toEqual([{ date: '2020-12-01', type: 'announced-visit', by: 'hv1', seen: true, seen_alone: false }]);
    expect(ty?.assessment).toMatchObject({ type: 'review', previous: '2020-09-29' });
    // Each keeps their own areas and plan carried forward.
    const before = parse(await readFile(join(dir, 'MJ-02-2020-09-29.yaml'), 'utf8')) as Record<string, any>;
    expect(ty?.areas).toEqual(before.areas);
    expect(ty?.summary.actions).toEqual(before.summary.actions);
    expect((await ntk(['check', join(dir, 'MJ-01-2020-12-15.yaml'), join(dir, 'MJ-02-2020-12-15.yaml'), '--today', '2021-04-01'])).exitCode).toBe(0);
  });

  it('refuses a document that names no sibling, saying which can be reviewed', async () => {
    const dir = await household();
    await writeFile(join(dir, 'answers.yaml'), answers({ ...tyler, child: { ref: 'MJ-09' } }));
    const r = await review(dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('document 2 must name a sibling by child.ref');
    expect(r.stderr).toContain('are MJ-02');
    expect((await readdir(dir)).sort()).toEqual(['MJ-01-2020-09-29.yaml', 'MJ-02-2020-09-29.yaml', 'answers.yaml']);
  });

  it('writes the children\'s files together or not at all: one already there leaves neither', async () => {
    const dir = await household();
    await writeFile(join(dir, 'answers.yaml'), answers(tyler));
    await writeFile(join(dir, 'MJ-02-2020-12-15.yaml'), 'someone else\'s file\n');
    const r = await review(dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`removed ${join(dir, 'MJ-01-2020-12-15.yaml')} again`);
    expect((await readdir(dir)).sort()).toEqual(['MJ-01-2020-09-29.yaml', 'MJ-02-2020-09-29.yaml', 'MJ-02-2020-12-15.yaml', 'answers.yaml']);
    expect(await readFile(join(dir, 'MJ-02-2020-12-15.yaml'), 'utf8')).toBe("someone else's file\n");
  });
});
