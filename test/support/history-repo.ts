import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { repoRoot } from '../e2e/run-ntk.js';

/** git isolated from the machine's own configuration, with fixed dates so commit ids are the same every run. */
export const gitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_PAGER: 'cat', NO_COLOR: '1' };

export async function runGit(repo: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const r = await execa('git', args, { cwd: repo, env: { ...gitEnv, ...env } });
  return String(r.stdout);
}

/**
 * A repository with what an audit trail holds over time: edits, a rename with
 * changes, a file deleted and added again, a branch merged back, a revision
 * that is not a valid record, two commits on one day, uncommitted edits (one
 * a comment only, so the same record) and an untracked file. Every date is
 * fixed, so the commit ids are too.
 */
export async function makeHistoryRepo(): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), 'ntk-history-'));
  const fixture = (name: string) => readFile(join(repoRoot, 'fixtures/mary-jo', name), 'utf8');
  const [mj1, mj2, mj3, tyler] = await Promise.all(['MJ-01-2020-09-29.yaml', 'MJ-01-2020-12-15.yaml', 'MJ-01-2021-03-16.yaml', 'MJ-02-2020-09-29.yaml'].map(fixture));
  let day = 0;
  const commit = async (message: string, author = 'Test Practitioner') => {
    day += 1;
    const date = `2021-01-${String(Math.min(day, 28)).padStart(2, '0')}T10:00:00+00:00`;
    await runGit(repo, ['add', '-A']);
    await runGit(repo, ['commit', '--quiet', '--allow-empty', '-m', message], { GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: author, GIT_COMMITTER_EMAIL: 'a@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  };
  const write = (path: string, text: string) => writeFile(join(repo, path), text);
  await runGit(repo, ['init', '--quiet', '--initial-branch=main']);
  await mkdir(join(repo, 'records/old'), { recursive: true });
  await write('records/MJ-01.yaml', mj1!);
  await write('records/MJ-02.yaml', tyler!);
  await commit('Initial toolkits for MJ-01 and MJ-02');
  await write('records/MJ-01.yaml', mj1!.replace('score: 4\n', 'score: 2\n'));
  await commit('Rescore food after the breakfast club started', 'Health Visitor');
  // Not a valid record: history notes it and leaves it out.
  await write('records/MJ-02.yaml', `${tyler!.replace('completed: 2020-09-29', 'completed: 2020-02-30')}`);
  await commit('Half-finished edit');
  await write('records/MJ-02.yaml', tyler!.replace('score: 3\n', 'score: 2\n'));
  await commit('Fix the date and rescore');
  // Renamed and changed in one commit.
  await runGit(repo, ['mv', 'records/MJ-01.yaml', 'records/old/MJ-01-2020-09-29.yaml']);
  await write('records/old/MJ-01-2020-09-29.yaml', mj1!.replace('score: 4\n', 'score: 3\n'));
  await commit('File the first toolkit by date');
  // A branch that adds the review while main edits Tyler's record, merged back.
  await runGit(repo, ['checkout', '--quiet', '-b', 'review']);
  await write('records/MJ-01-2020-12-15.yaml', mj2!);
  await commit('Review for MJ-01');
  await runGit(repo, ['checkout', '--quiet', 'main']);
  await write('records/MJ-02.yaml', tyler!.replace('score: 3\n', 'score: 1\n'));
  await commit('Rescore Tyler');
  day += 1;
  await runGit(repo, ['merge', '--quiet', '--no-ff', '-m', 'Merge the review', 'review'], { GIT_AUTHOR_DATE: `2021-01-${day}T10:00:00+00:00`, GIT_COMMITTER_DATE: `2021-01-${day}T10:00:00+00:00`, GIT_AUTHOR_NAME: 'Lead', GIT_AUTHOR_EMAIL: 'l@example.org', GIT_COMMITTER_NAME: 'Lead', GIT_COMMITTER_EMAIL: 'l@example.org' });
  // Deleted, then added again under the same name with the next review.
  await rm(join(repo, 'records/MJ-02.yaml'));
  await commit('Remove Tyler by mistake');
  await write('records/MJ-02.yaml', tyler!);
  await commit('Restore Tyler');
  // One file per child rewritten at each review: the file now holds a later toolkit.
  await write('records/MJ-01-2020-12-15.yaml', mj3!);
  await commit('Third toolkit replaces the review file');
  // The same day as the last commit, by someone else.
  day -= 1;
  await write('records/MJ-01-2020-12-15.yaml', mj3!.replace('score: 2\n', 'score: 1\n'));
  await commit('Same-day correction', 'Social Worker');
  // Uncommitted edit and an untracked file.
  await write('records/MJ-02.yaml', tyler!.replace('score: 3\n', 'score: 4\n'));
  // Uncommitted: a comment only (the same record: no change), and a date no score, text or decision shows (a change).
  await write('records/old/MJ-01-2020-09-29.yaml', `# Filed by date\n${mj1!.replace('score: 4\n', 'score: 3\n')}`);
  await write('records/MJ-01-2020-12-15.yaml', mj3!.replace('score: 2\n', 'score: 1\n').replace('lead_consulted: 2021-03-12', 'lead_consulted: 2021-03-13'));
  await write('records/untracked.yaml', mj1!.replace('ref: MJ-01', 'ref: MJ-09'));
  return repo;
}
