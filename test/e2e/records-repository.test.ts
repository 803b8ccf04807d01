import { execa } from 'execa';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type JsonFinding } from './run-ntk.js';

/**
 * A records repository as a team would set one up on a fresh machine: ntk
 * packed and installed from its tarball into a temporary prefix (nothing
 * fetched: the package has no dependencies), `ntk init`, a record, and two
 * agencies' branches merged by git through ntk's merge driver.
 */
describe('a records repository, from the packed tarball', () => {
  let dir = '';
  let repo = '';
  let env: NodeJS.ProcessEnv = {};
  const record = 'records/MJ-01-2020-09-29.yaml';

  const run = async (file: string, args: readonly string[], cwd = repo) => {
    const r = await execa(file, args, { cwd, env, extendEnv: false, reject: false, stdin: 'ignore', timeout: 60_000 });
    return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
  };
  const git = (...args: string[]) => run('git', args);
  const ntk = (...args: string[]) => run('ntk', args);
  /** One line of the record changed on the current branch: the first match of `from` after the line matching `after`. */
  const edit = async (after: RegExp, from: RegExp, to: string) => {
    const path = join(repo, record);
    const lines = (await readFile(path, 'utf8')).split('\n');
    const start = lines.findIndex((l) => after.test(l));
    const i = lines.findIndex((l, n) => n > start && from.test(l));
    expect(start >= 0 && i >= 0).toBe(true);
    lines[i] = lines[i]!.replace(from, to);
    await writeFile(path, lines.join('\n'));
  };
  const addSession = async (date: string, by: string) => {
    const path = join(repo, record);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('\n  contributors:\n', `\n    - date: ${date}\n      type: phone\n      by: ${by}\n      seen_alone: false\n  contributors:\n`));
  };
  const commitAll = async (message: string) => {
    expect((await git('add', '-A')).exitCode).toBe(0);
    expect((await git('commit', '-q', '-m', message)).exitCode).toBe(0);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-repository-'));
    // `npm test` has just built dist/; packing again would only build it again.
    const pack = await execa('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: repoRoot });
    const [{ filename }] = JSON.parse(String(pack.stdout)) as [{ filename: string }];
    const prefix = join(dir, 'prefix');
    await execa('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(dir, filename)], { cwd: dir });
    const bin = join(prefix, 'bin');
    env = {
      PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Health visitor',
      GIT_AUTHOR_EMAIL: 'hv@example.org',
      GIT_COMMITTER_NAME: 'Health visitor',
      GIT_COMMITTER_EMAIL: 'hv@example.org',
    };
    repo = join(dir, 'team-records');
    await mkdir(repo);
    expect((await git('init', '-q', '-b', 'main')).exitCode).toBe(0);
  }, 180_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('installs as `ntk`, answering anywhere, and the package holds only what runs', async () => {
    const version = await run('ntk', ['--version'], dir);
    expect(version.stdout.trim()).toBe(JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')).version);
    const installed = join(dir, 'prefix', 'lib', 'node_modules', 'neglect-toolkit');
    expect((await readdir(installed)).sort()).toEqual(['README.md', 'bin', 'dist', 'fixtures', 'package.json', 'schemas', 'templates']);
    expect(await readdir(join(installed, 'dist'))).toEqual(['bin']);
    expect((await run('which', ['ntk'], dir)).stdout.trim()).toBe(join(dir, 'prefix', 'bin', 'ntk'));
  });

  it('ntk init makes the repository ready, and a second run changes nothing', async () => {
    const first = await ntk('init', '--configure');
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toContain('created   .gitattributes');
    const second = await ntk('init');
    expect(second.exitCode).toBe(0);
    expect(second.stderr).not.toMatch(/created|added|updated/);
    expect((await git('config', 'merge.ntk.driver')).stdout.trim()).toBe('ntk merge-driver %O %A %B %P');
    await commitAll('ntk init');
  });

  it('a record made with --answers points at the schema copy relatively, and passes check', async () => {
    const answers = join(dir, 'answers.yaml');
    await copyFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml'), answers);
    const made = await ntk('new', '--answers', answers, '--out', 'records/');
    expect(made.exitCode, made.stderr).toBe(0);
    const text = await readFile(join(repo, record), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/toolkit.schema.json');
    expect((await ntk('check', record, '--today', '2020-10-01')).exitCode).toBe(0);
    await commitAll('Mary Jo: initial toolkit');
  });

  it('two agencies changing different areas and each adding a session merge with no conflict', async () => {
    expect((await git('checkout', '-q', '-b', 'school')).exitCode).toBe(0);
    await edit(/^\s+"1\.1":/, /score: 4/, 'score: 3');
    await addSession('2020-09-24', 'ct1');
    await commitAll('School: food and feeding rescored, phone call');
    expect((await git('checkout', '-q', '-b', 'health', 'main')).exitCode).toBe(0);
    await edit(/^ {2}family-relationships:/, /^ {4}strengths: .*$/, '    strengths: Kerry and Wayne both came to the health visitor session.');
    await addSession('2020-09-25', 'hv1');
    await commitAll('Health: strengths in family relationships, phone call');

    // Both branches added a session at the same place: git's line merge conflicts there.
    for (const rev of ['main', 'school', 'health']) await writeFile(join(dir, `${rev}.yaml`), (await git('show', `${rev}:${record}`)).stdout);
    const lineMerge = await run('git', ['merge-file', '-p', join(dir, 'school.yaml'), join(dir, 'main.yaml'), join(dir, 'health.yaml')]);
    expect(lineMerge.exitCode).toBeGreaterThan(0);
    expect((await git('checkout', '-q', 'school')).exitCode).toBe(0);
    const merge = await git('merge', '--no-edit', 'health');
    expect(merge.exitCode, merge.stdout + merge.stderr).toBe(0);
    expect(merge.stdout).not.toContain('CONFLICT');
    const merged = await readFile(join(repo, record), 'utf8');
    expect(merged).toContain('- date: 2020-09-24');
    expect(merged).toContain('- date: 2020-09-25');
    expect(merged).toContain('strengths: Kerry and Wayne both came to the health visitor session.');
    const check = await ntk('check', record, '--today', '2020-10-01');
    expect(check.exitCode, check.stdout).toBe(0);
    expect(check.stdout).toContain('0 errors');
  });

  it('the same section changed on both branches is one marked conflict that ntk check points at', async () => {
    expect((await git('checkout', '-q', '-b', 'school-2')).exitCode).toBe(0);
    await edit(/^\s+"1\.1":/, /score: 3/, 'score: 2');
    await commitAll('School: 1.1 now 2');
    expect((await git('checkout', '-q', '-b', 'health-2', 'school')).exitCode).toBe(0);
    await edit(/^\s+"1\.1":/, /score: 3/, 'score: 4');
    await commitAll('Health: 1.1 still 4');
    expect((await git('checkout', '-q', 'school-2')).exitCode).toBe(0);
    const merge = await git('merge', '--no-edit', 'health-2');
    expect(merge.exitCode).not.toBe(0);
    expect(merge.stdout).toContain(`CONFLICT (content): Merge conflict in ${record}`);
    const text = await readFile(join(repo, record), 'utf8');
    expect(text.match(/ntk-merge-conflict:/g)).toHaveLength(1);
    expect(text).not.toMatch(/^(<<<<<<<|>>>>>>>)/m);
    const check = await ntk('check', record, '--format', 'json', '--today', '2020-10-01');
    expect(check.exitCode).toBe(1);
    const findings = (JSON.parse(check.stdout) as { findings: JsonFinding[] }).findings;
    const line = text.split('\n').findIndex((l) => l.includes('ntk-merge-conflict:')) + 1;
    expect(findings.map((f) => [f.code, f.path, f.line])).toEqual([['merge-conflict', 'areas.physical-care.sections.1.1', line]]);
  });
});
