import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHistoryRepo } from '../../bench/generate-history-repo.mjs';
import { makeHistoryRepo, runGit } from '../support/history-repo.js';
import { ntk, repoRoot } from './run-ntk.js';

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

/**
 * A file named alone is read through its own `ls-files` and `git log
 * --follow`, a folder through the log of every commit: the two must give
 * each file the same changes, whether git tracks it, renamed it, deleted it
 * and added it again, or has never heard of it; and a name that would match
 * other files as a pattern is only ever itself.
 */
describe('ntk history of one file gives its changes as history of its folder does', () => {
  type Change = { source: { file: string; commit: string | null } };
  const changesOf = (stdout: string): Change[] => (JSON.parse(stdout) as { children: { changes: Change[] }[] }).children.flatMap((c) => c.changes);

  it.each(['records/old/MJ-01-2020-09-29.yaml', 'records/MJ-01-2020-12-15.yaml', 'records/MJ-02.yaml', 'records/untracked.yaml'])('%s', async (file) => {
    const folder = changesOf((await ntk(['history', 'records', '--format', 'json'], { cwd: repo })).stdout).filter((c) => c.source.file === file);
    const alone = await ntk(['history', file, '--format', 'json'], { cwd: repo });
    expect(alone.exitCode).toBe(0);
    expect(changesOf(alone.stdout)).toEqual(folder);
  });

  it('a name with pattern characters, outside a repository and through a linked folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ntk-history-alone-'));
    try {
      const tracked = await readFile(join(repo, 'records/MJ-02.yaml'), 'utf8');
      // `MJ-0[2].yaml` is untracked; as a pattern it would name the tracked MJ-02.yaml.
      await writeFile(join(repo, 'records/MJ-0[2].yaml'), tracked.replace('ref: MJ-02', 'ref: MJ-08'));
      const pattern = await ntk(['history', 'records/MJ-0[2].yaml', '--format', 'json'], { cwd: repo });
      expect(changesOf(pattern.stdout).map((c) => c.source.commit)).toEqual([]);
      await writeFile(join(dir, 'MJ-02.yaml'), tracked);
      const outside = await ntk(['history', 'MJ-02.yaml', '--format', 'json'], { cwd: dir });
      expect([outside.exitCode, changesOf(outside.stdout)]).toEqual([0, []]);
      await symlink(join(repo, 'records'), join(dir, 'linked'));
      const linked = await ntk(['history', 'linked/MJ-02.yaml', '--format', 'json'], { cwd: dir });
      const direct = await ntk(['history', 'records/MJ-02.yaml', '--format', 'json'], { cwd: repo });
      expect(changesOf(linked.stdout).map((c) => c.source.commit)).toEqual(changesOf(direct.stdout).map((c) => c.source.commit));
      expect(changesOf(direct.stdout).filter((c) => c.source.commit !== null).length).toBeGreaterThan(3);
    } finally {
      await rm(join(repo, 'records/MJ-0[2].yaml'), { force: true });
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The file as it is now is compared whole with its newest valid commit; only
 * that commit's content is digested up front, so when the newest commit is
 * not a valid record the older one is read again for its digest.
 */
describe('ntk history compares the file on disk with its newest valid commit', () => {
  const changesNow = async (edit: (text: string) => string) => {
    const dir = await mkdtemp(join(tmpdir(), 'ntk-history-newest-'));
    try {
      const mj1 = await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml'), 'utf8');
      const at = (day: number) => ({ GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org', GIT_AUTHOR_DATE: `2021-01-0${day}T10:00:00+00:00`, GIT_COMMITTER_DATE: `2021-01-0${day}T10:00:00+00:00` });
      await runGit(dir, ['init', '--quiet', '--initial-branch=main']);
      await writeFile(join(dir, 'MJ-01.yaml'), mj1);
      await runGit(dir, ['add', '-A']);
      await runGit(dir, ['commit', '--quiet', '-m', 'Valid'], at(1));
      await writeFile(join(dir, 'MJ-01.yaml'), mj1.replace('completed: 2020-09-29', 'completed: 2020-02-30'));
      await runGit(dir, ['commit', '--quiet', '-am', 'Not valid'], at(2));
      await writeFile(join(dir, 'MJ-01.yaml'), edit(mj1));
      const r = await ntk(['history', 'MJ-01.yaml', '--format', 'json'], { cwd: dir });
      expect(r.stderr).toContain('is not a valid record');
      return (JSON.parse(r.stdout) as { children: { changes: { source: { commit: string | null } }[] }[] }).children[0]!.changes.filter((c) => c.source.commit === null);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('a comment-only edit is no change', async () => {
    expect(await changesNow((text) => `# Checked again\n${text}`)).toEqual([]);
  });

  it('an edit no score, text or decision shows is a change', async () => {
    expect(await changesNow((text) => text.replace('lead_consulted: 2020-09-30', 'lead_consulted: 2020-09-28'))).toHaveLength(1);
  });
});

/**
 * A long audit trail: each content is read once however many commits hold
 * it, while the log is still being walked (readCommitted). The output over
 * a trail of hundreds of commits, invalid revisions among them, is kept
 * byte for byte: reading git faster must not change what users see.
 */
describe('ntk history over a long audit trail', () => {
  let trail: string;

  beforeAll(async () => {
    trail = await mkdtemp(join(tmpdir(), 'ntk-history-trail-'));
    writeHistoryRepo(trail, { children: 3, commits: 360 });
    const file = join(trail, 'records/C-000001.yaml');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace(/score: \d\n/, 'score: 9\n'));
    await runGit(trail, ['commit', '--quiet', '-am', 'Scored off the scale'], { GIT_AUTHOR_DATE: '2020-12-01T10:00:00+00:00', GIT_COMMITTER_DATE: '2020-12-01T10:00:00+00:00', GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org' });
    await writeFile(file, good);
    await runGit(trail, ['commit', '--quiet', '-am', 'Scored again'], { GIT_AUTHOR_DATE: '2020-12-02T10:00:00+00:00', GIT_COMMITTER_DATE: '2020-12-02T10:00:00+00:00', GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org' });
  });

  afterAll(async () => {
    await rm(trail, { recursive: true, force: true });
  });

  it.each([
    ['trail-folder-json', ['history', 'records', '--format', 'json']],
    ['trail-file-terminal', ['history', 'records/C-000001.yaml', '--no-color']],
  ])('%s', async (name, args) => {
    const r = await ntk(args, { cwd: trail, env: { NO_COLOR: '1', COLUMNS: '100' } });
    await expect(`exit ${r.exitCode}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`).toMatchFileSnapshot(`__snapshots__/history-git/${name}.txt`);
  });
});
