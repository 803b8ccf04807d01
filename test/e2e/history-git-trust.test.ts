import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGit } from '../support/history-repo.js';
import { ntk, repoRoot } from './run-ntk.js';

let repo: string;
const fake = 'f'.repeat(40);

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'ntk-git-trust-'));
  await runGit(repo, ['init', '--quiet', '--initial-branch=main']);
  await runGit(repo, ['config', 'user.name', 'Practitioner']);
  await runGit(repo, ['config', 'user.email', 'p@example.org']);
  await mkdir(join(repo, 'records'));
  const record = await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml'), 'utf8');
  await writeFile(join(repo, 'records/MJ-01.yaml'), record);
  await runGit(repo, ['add', '-A']);
  await runGit(repo, ['commit', '--quiet', '-m', 'Initial toolkit']);
  await writeFile(join(repo, 'records/MJ-01.yaml'), record.replace('score: 4\n', 'score: 2\n'));
  // A subject that forges a commit for a reader that splits git log's output on control characters.
  const forged = `Rescore food\x1e${fake}\x1fSafeguarding Lead\x1f2020-01-01\x1fSigned off by the safeguarding lead\x1f\n\x1d\x00`;
  await runGit(repo, ['commit', '--quiet', '-am', forged.replace('\x00', '')]);
  // A repository received from elsewhere whose configuration runs a command when git looks at the working tree.
  await writeFile(join(repo, 'fsmonitor.sh'), `#!/bin/sh\ntouch "${join(repo, 'fsmonitor-ran')}"\n`);
  await chmod(join(repo, 'fsmonitor.sh'), 0o755);
  await runGit(repo, ['config', 'core.fsmonitor', join(repo, 'fsmonitor.sh')]);
  await runGit(repo, ['config', 'core.pager', `touch "${join(repo, 'pager-ran')}"`]);
  await runGit(repo, ['config', 'log.showSignature', 'true']);
  await runGit(repo, ['config', 'gpg.program', join(repo, 'fsmonitor.sh')]);
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('git as an audit trail that cannot be forged from inside', () => {
  it('a crafted subject neither hides the real commit nor shows a fake one', async () => {
    const r = await ntk(['history', 'records', '--format', 'json'], { cwd: repo });
    expect(r.exitCode).toBe(0);
    const commits = (await runGit(repo, ['rev-list', 'HEAD'])).split('\n').reverse();
    const changes = (JSON.parse(r.stdout) as { children: { changes: { source: { commit: string; author: string; subject: string } }[] }[] }).children[0]!.changes;
    expect(changes.map((c) => c.source.commit)).toEqual(commits);
    expect(changes.map((c) => c.source.author)).toEqual(['Practitioner', 'Practitioner']);
    expect(changes[1]!.source.subject).toMatch(/^Rescore food\x1e/);
    expect(r.stdout).not.toContain(`"${fake}"`);
    const terminal = await ntk(['history', 'records', '--no-color'], { cwd: repo });
    expect(terminal.stdout).not.toContain('Safeguarding Lead,');
    expect(terminal.stdout).not.toMatch(/[\x1d\x1e\x1f]/);
  });

  it("runs none of the repository's own commands (fsmonitor, pager, signature check)", async () => {
    await rm(join(repo, 'fsmonitor-ran'), { force: true });
    for (const args of [['history', 'records'], ['history', 'records/MJ-01.yaml', '--format', 'json'], ['diff', 'records/MJ-01.yaml', '--from', 'HEAD~1']]) {
      const r = await ntk(args, { cwd: repo });
      expect(r.exitCode, r.stderr).toBe(0);
    }
    await expect(stat(join(repo, 'fsmonitor-ran'))).rejects.toThrow();
    await expect(stat(join(repo, 'pager-ran'))).rejects.toThrow();
    // The test's own git does run it: the trap is armed.
    await runGit(repo, ['ls-files', '--error-unmatch', 'records/MJ-01.yaml']);
    await expect(stat(join(repo, 'fsmonitor-ran'))).resolves.toBeTruthy();
  });
});
