import { execa } from 'execa';
import { chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk, ntkBin, repoRoot } from './run-ntk.js';

const fixture = join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml');
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ntk-bounds-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('--answers has the bounds of a record file', () => {
  it('an alias is a clear error with its place, not an unexpected problem', async () => {
    await writeFile(join(dir, 'alias.yaml'), 'child:\n  ref: &r AB-01\n  household: *r\n');
    const r = await ntk(['new', '--answers', join(dir, 'alias.yaml'), '--out', dir]);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/alias\.yaml:2:\d+: YAML anchors and aliases .* are not allowed/);
    expect(r.stderr).not.toContain('unexpected problem');
  });

  it('a pipe named as the answers file is refused at once, never waited on', async () => {
    await execa('mkfifo', [join(dir, 'answers.fifo')]);
    const r = await ntk(['new', '--answers', join(dir, 'answers.fifo'), '--out', dir], { timeout: 10_000 });
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/not an ordinary file/);
  });

  it('a file over 2 MB is refused by its size', async () => {
    await execa('truncate', ['-s', '3M', join(dir, 'huge-answers.yaml')]);
    const r = await ntk(['new', '--answers', join(dir, 'huge-answers.yaml'), '--out', dir]);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/this file is 3\.0 MB; a toolkit record is at most 2\.0 MB/);
  });
});

describe('diff-textconv has the bounds of a record file', () => {
  it('a 1.5 GB file is not read: one line says why', async () => {
    await execa('truncate', ['-s', '1500M', join(dir, 'big.yaml')]);
    const r = await ntk(['diff-textconv', join(dir, 'big.yaml')], { timeout: 10_000 });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('[ntk: not shown: this file is 1500 MB; a toolkit record is at most 2.0 MB]');
  });

  it('a pipe is not waited on', async () => {
    await execa('mkfifo', [join(dir, 'textconv.fifo')]);
    const r = await ntk(['diff-textconv', join(dir, 'textconv.fifo')], { timeout: 10_000 });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/not an ordinary file/);
  });

  it('shows date of birth, household, front door and family references, so changing them is a visible change', async () => {
    const r = await ntk(['diff-textconv', fixture]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('born 2012-03-14');
    expect(r.stdout).toContain('household H-MJ');
    expect(r.stdout).toContain('front door: Nottinghamshire (county)');
    expect(r.stdout).toContain('family: Tyler, half-brother (MJ-02), lives with the child');
  });
});

describe('wrong results', () => {
  it('a completed date in the future is an error (exit 1), judged against --today', async () => {
    const file = join(dir, 'MJ-01-2020-09-29.yaml');
    await copyFile(fixture, file);
    const before = await ntk(['check', file, '--today', '2020-09-28', '--format', 'json']);
    expect(before.exitCode).toBe(1);
    const finding = (JSON.parse(before.stdout) as { findings: { code: string; severity: string }[] }).findings.find((f) => f.code === 'completed-in-future');
    expect(finding?.severity).toBe('error');
    expect((await ntk(['check', file, '--today', '2020-09-29'])).exitCode).toBe(0);
  });

  const isRoot = process.getuid?.() === 0;
  it('a folder that cannot be read is a finding (exit 1), not "0 files checked"', async () => {
    const top = join(dir, 'unreadable');
    await mkdir(join(top, 'locked'), { recursive: true });
    await copyFile(fixture, join(top, 'locked', 'MJ-01-2020-09-29.yaml'));
    await chmod(join(top, 'locked'), 0o000);
    await chmod(dir, 0o755);
    // Root reads every folder: run ntk as "nobody" so the permission applies.
    const asUser = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const run = (args: string[]) => execa(asUser[0] ?? process.execPath, [...asUser.slice(1), ...(isRoot ? [process.execPath] : []), ntkBin, ...args], { reject: false, stdin: 'ignore' });
    const r = await run(['check', top, '--format', 'json']);
    await chmod(join(top, 'locked'), 0o755);
    expect(r.exitCode, String(r.stderr)).toBe(1);
    const json = JSON.parse(String(r.stdout)) as { files: number; findings: { file: string; code: string; message: string }[] };
    expect(json.findings).toEqual([expect.objectContaining({ file: join(top, 'locked'), code: 'unreadable-folder', message: expect.stringMatching(/permission denied/) })]);
  });
});
