import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk, ntkBin, repoRoot } from './run-ntk.js';

let repo: string;
/** git as the README tells users to set it up, isolated from the machine's own git configuration. */
const gitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_PAGER: 'cat', NO_COLOR: '1' };
const git = async (args: string[], cwd = repo) => {
  const r = await execa('git', args, { cwd, env: gitEnv });
  return String(r.stdout);
};

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'ntk-git-'));
  await git(['init', '--quiet', '--initial-branch=main']);
  await git(['config', 'user.name', 'Test Practitioner']);
  await git(['config', 'user.email', 'practitioner@example.org']);
  // The README's recipe, with the built ntk in place of `npx --no-install ntk`.
  await writeFile(join(repo, '.gitattributes'), '*.yaml diff=ntk\n');
  await git(['config', 'diff.ntk.textconv', `"${process.execPath}" "${ntkBin}" diff-textconv`]);
  await mkdir(join(repo, 'records'));
  const record = await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml'), 'utf8');
  await writeFile(join(repo, 'records/MJ-01.yaml'), record);
  await git(['add', '-A']);
  await git(['commit', '--quiet', '-m', 'Initial toolkit for MJ-01']);
  // Correct 1.1 (food) from 4 to 2: the first score in the file.
  await writeFile(join(repo, 'records/MJ-01.yaml'), record.replace('score: 4\n', 'score: 2\n'));
  await git(['commit', '--quiet', '-am', 'Rescore food after the breakfast club started']);
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('git integration in a temporary repository', () => {
  it('plain `git diff HEAD~1` shows the changed score as a review diff line', async () => {
    const out = await git(['diff', 'HEAD~1']);
    expect(out).toContain('-  1.1 Food and feeding: 4 most essential needs unmet (parent 2), by dsl1');
    expect(out).toContain('+  1.1 Food and feeding: 2 needs mostly met (parent 2), by dsl1');
    expect(out).not.toMatch(/^[-+]\s+score:/m);
  });

  it('`git log -p` shows the same, with the author', async () => {
    const out = await git(['log', '-p', '-1']);
    expect(out).toContain('Author: Test Practitioner');
    expect(out).toContain('+  1.1 Food and feeding: 2 needs mostly met');
  });

  it('`ntk diff FILE --from HEAD~1` names the changed section', async () => {
    const r = await ntk(['diff', 'records/MJ-01.yaml', '--from', 'HEAD~1', '--no-color'], { cwd: repo });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/▼ 1\.1 Food and feeding\s+4\S* -> 2\S*\s+improved/);
    expect(r.stdout).toContain('23 sections: 1 improved, 0 deteriorated, 22 unchanged');
    expect(r.stdout).toContain('from HEAD~1:records/MJ-01.yaml');
  });

  it('finds the file from a subfolder and between two revisions', async () => {
    const r = await ntk(['diff', 'MJ-01.yaml', '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'json'], { cwd: join(repo, 'records') });
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout) as { sections: { section: string; change: string }[] };
    expect(json.sections.filter((s) => s.change !== 'unchanged')).toEqual([expect.objectContaining({ section: '1.1', change: 'improved' })]);
  });

  it('exits 2 with a clear message for a revision that does not exist, or a file outside git', async () => {
    const bad = await ntk(['diff', 'records/MJ-01.yaml', '--from', 'no-such-tag'], { cwd: repo });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('ntk: no-such-tag is not a revision in the repository of records/MJ-01.yaml');
    const option = await ntk(['diff', 'records/MJ-01.yaml', '--from', '--output=x'], { cwd: repo });
    expect(option.exitCode).toBe(2);
    const outside = await ntk(['diff', join(tmpdir(), 'nowhere', 'x.yaml'), '--from', 'HEAD']);
    expect(outside.exitCode).toBe(2);
  });
});

describe('ntk history from git', () => {
  beforeAll(async () => {
    // One file per child, overwritten at each review: git holds the earlier toolkits.
    const review = await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-12-15.yaml'), 'utf8');
    await writeFile(join(repo, 'records/MJ-01.yaml'), review);
    await git(['commit', '--quiet', '-am', 'First review']);
  });

  it('rebuilds the timeline from the commits, with who changed what and when', async () => {
    const r = await ntk(['history', 'records/MJ-01.yaml', '--no-color'], { cwd: repo });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('2 toolkits, 29 September 2020 to 15 December 2020');
    expect(r.stdout).toMatch(/1\.1 Food and feeding +▄▄ {2}2 2 += unchanged/);
    expect(r.stdout).toMatch(/1\.4 Hygiene +█▄ {2}4 2 +▼ improved/);
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toMatch(/Test Practitioner \(\w{7} "Rescore food after the breakfast club started"\): records\/MJ-01\.yaml - 29 September 2020 toolkit: scores 1\.1 4 -> 2 \(better\)/);
    expect(flat).toMatch(/"First review"\): records\/MJ-01\.yaml - the toolkit of 15 December 2020 replaced that of 29 September 2020: scores 1\.3 3 -> 2 \(better\)/);
  });

  it('puts the author and commit in the CSV', async () => {
    const r = await ntk(['history', 'records', '--format', 'csv'], { cwd: repo });
    const first = r.stdout.split('\n')[1] ?? '';
    expect(first).toMatch(/^MJ-01,2020-09-29,initial,physical-care,1\.1,Food and feeding,2,unchanged,records\/MJ-01\.yaml,[0-9a-f]{40},Test Practitioner,\d{4}-\d{2}-\d{2}$/);
  });
});

describe('a revision that holds no valid record', () => {
  beforeAll(async () => {
    const good = await readFile(join(repo, 'records/MJ-01.yaml'), 'utf8');
    await writeFile(join(repo, 'records/MJ-01.yaml'), good.replace('score: 2\n', 'score: 7\n'));
    await git(['commit', '--quiet', '-am', 'A slip of the keyboard']);
    await writeFile(join(repo, 'records/MJ-01.yaml'), good);
  });

  it('ntk diff prints its diagnostics as check does, naming the revision, and exits 1', async () => {
    const r = await ntk(['diff', 'records/MJ-01.yaml', '--from', 'HEAD', '--no-color'], { cwd: repo });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^HEAD:records\/MJ-01\.yaml:\d+:\d+ error .*must be 1-4 \(got 7\)/m);
    expect(r.stdout).toBe('');
  });

  it('ntk history leaves it out with a note and shows the rest', async () => {
    const r = await ntk(['history', 'records/MJ-01.yaml', '--no-color'], { cwd: repo });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/note: \w{7}:records\/MJ-01\.yaml \(Test Practitioner, [\d-]+\) is not a valid record; left out of the history/);
    expect(r.stdout).toContain('2 toolkits');
  });
});
