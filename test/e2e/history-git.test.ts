import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHistoryRepo } from '../support/history-repo.js';
import { ntk } from './run-ntk.js';

let repo: string;

beforeAll(async () => {
  repo = await makeHistoryRepo();
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

/**
 * The output of history over a repository with renames, deletions, a merge,
 * an invalid revision, an uncommitted edit and an untracked file, kept as
 * files: reading git differently must not change a byte of what users see.
 */
describe('ntk history over git is the same whatever way git is read', () => {
  const runs: [string, string[]][] = [
    ['folder-terminal', ['history', 'records', '--no-color']],
    ['folder-json', ['history', 'records', '--format', 'json']],
    ['folder-csv', ['history', 'records', '--format', 'csv']],
    ['folder-markdown', ['history', 'records', '--format', 'markdown']],
    ['renamed-file-json', ['history', 'records/old/MJ-01-2020-09-29.yaml', '--format', 'json']],
    ['deleted-file-json', ['history', 'records/MJ-02.yaml', '--format', 'json']],
    ['merged-file-csv', ['history', 'records/MJ-01-2020-12-15.yaml', '--format', 'csv']],
  ];
  it.each(runs)('%s', async (name, args) => {
    const r = await ntk(args, { cwd: repo, env: { NO_COLOR: '1', COLUMNS: '100' } });
    await expect(`exit ${r.exitCode}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`).toMatchFileSnapshot(`__snapshots__/history-git/${name}.txt`);
  });

  it('from a subfolder, the same as from the top', async () => {
    const top = await ntk(['history', 'records/old', '--format', 'json'], { cwd: repo });
    const sub = await ntk(['history', 'old', '--format', 'json'], { cwd: `${repo}/records` });
    expect(sub.stdout.replaceAll('"old/', '"records/old/')).toBe(top.stdout);
  });
});
