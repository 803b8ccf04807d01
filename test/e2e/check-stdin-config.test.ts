import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk, repoRoot, type JsonFinding } from './run-ntk.js';

const today = ['--today', '2021-04-01'];
const findingsOf = (stdout: string) => (JSON.parse(stdout) as { files: number; findings: JsonFinding[] });

describe('ntk check - (standard input)', () => {
  it('checks one record from standard input, named <stdin>', async () => {
    const input = await readFile(join(repoRoot, 'fixtures/invalid/score-out-of-range.yaml'), 'utf8');
    const r = await ntk(['check', '-', ...today], { input });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:\d+:\d+ error {3}areas\.physical-care\.sections\.1\.1\.score {2}must be 1-4 \(got 7\) {2}score-range$/m);
    const json = await ntk(['check', '-', '--format', 'json', ...today], { input });
    expect(findingsOf(json.stdout).files).toBe(1);
    expect(findingsOf(json.stdout).findings.map((f) => f.file)).toEqual(['<stdin>']);
    const valid = await ntk(['check', '-', ...today], { input: await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2021-03-16.yaml'), 'utf8') });
    expect(valid.exitCode).toBe(0);
  });

  it('refuses - with other paths, and a record too big to be one', async () => {
    const mixed = await ntk(['check', '-', 'fixtures/mary-jo'], { input: '' });
    expect(mixed.exitCode).toBe(2);
    expect(mixed.stderr).toContain('checked on its own');
    const big = await ntk(['check', '-', '--format', 'json'], { input: `note: ${'x'.repeat(3 * 1024 * 1024)}\n` });
    expect(big.exitCode).toBe(1);
    expect(findingsOf(big.stdout).findings.map((f) => f.code)).toEqual(['file-too-large']);
  });
});

describe('ntk.config.yaml: repository defaults, found walking up', () => {
  let repo = '';
  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'ntk-config-'));
    // The walk stops at a repository's root: nothing above this folder is read.
    await mkdir(join(repo, '.git'));
    await mkdir(join(repo, 'records', 'drafts'), { recursive: true });
    await mkdir(join(repo, 'local-templates'));
    // A record with warnings only (an overdue review, in 2030).
    await copyFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2021-03-16.yaml'), join(repo, 'records', 'MJ-01-2021-03-16.yaml'));
    await writeFile(join(repo, 'records', 'drafts', 'broken.yaml'), 'format: [\n');
    await writeFile(join(repo, 'records', 'skip-me.yaml'), 'not: a record\n');
    // The partnership's own template, as a template folder the config names.
    const template = await readFile(join(repoRoot, 'templates/nscp-ncscp-2021.yaml'), 'utf8');
    await writeFile(join(repo, 'local-templates', 'local.yaml'), template.replace('id: nscp-ncscp/2021', 'id: local-partnership/2030'));
    const record = await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2021-03-16.yaml'), 'utf8');
    await writeFile(join(repo, 'records', 'local.yaml'), record.replace('template: nscp-ncscp/2021', 'template: local-partnership/2030').replace('ref: MJ-01', 'ref: LP-01'));
    await writeFile(join(repo, 'ntk.config.yaml'), 'strict: true\ntemplates: local-templates\nignore:\n  - records/drafts\n  - "**/skip-*.yaml"\n');
  });
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it('strict, ignore and templates apply from a subfolder; the command line wins', async () => {
    const cwd = join(repo, 'records');
    const r = await ntk(['check', '.', '--format', 'json', '--today', '2030-01-01'], { cwd });
    const { files, findings } = findingsOf(r.stdout);
    expect(files).toBe(2);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.some((f) => f.code === 'review-overdue')).toBe(true);
    expect(r.exitCode).toBe(1);
    expect((await ntk(['check', '.', '--no-strict', '--today', '2030-01-01'], { cwd })).exitCode).toBe(0);
    // A file named on the command line is checked even when the config ignores it.
    const named = await ntk(['check', 'skip-me.yaml', '--format', 'json'], { cwd });
    expect(findingsOf(named.stdout).findings.map((f) => f.code)).toEqual(['not-a-record']);
  });

  it('a setting ntk does not know is a usage error naming the file', async () => {
    const other = await mkdtemp(join(tmpdir(), 'ntk-config-bad-'));
    await mkdir(join(other, '.git'));
    await writeFile(join(other, 'ntk.config.yaml'), 'strcit: true\n');
    const r = await ntk(['check', join(repoRoot, 'fixtures/mary-jo')], { cwd: other });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('ntk.config.yaml: unknown setting `strcit`');
    await rm(other, { recursive: true, force: true });
  });
});
