import { execa } from 'execa';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk } from './run-ntk.js';

describe('ntk init', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-init-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('never replaces what a repository already has: it adds missing .gitattributes lines and leaves the rest', async () => {
    const repo = join(dir, 'existing');
    await mkdir(repo);
    await writeFile(join(repo, 'README.md'), '# Our records\n');
    await writeFile(join(repo, '.gitattributes'), '*.pdf binary');
    await mkdir(join(repo, '.vscode'));
    await writeFile(join(repo, '.vscode', 'settings.json'), '{ "editor.tabSize": 2 }\n');
    const r = await ntk(['init', repo]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('kept      README.md');
    expect(r.stderr).toMatch(/kept {6}\.vscode\/settings\.json {2}\(add to it: \{"yaml\.schemas"/);
    expect(r.stderr).toContain('added to  .gitattributes');
    expect(await readFile(join(repo, 'README.md'), 'utf8')).toBe('# Our records\n');
    expect(await readFile(join(repo, '.gitattributes'), 'utf8')).toMatch(/^\*\.pdf binary\n# ntk init: .*\n\*\.yaml diff=ntk merge=ntk\n\*\.yml diff=ntk merge=ntk\n$/);
    // Printed, not applied: git settings are each clone's own.
    expect(r.stderr).toContain('git config merge.ntk.driver "ntk merge-driver %O %A %B %P"');
  });

  it('--update refreshes an outdated schema copy, and only with --update', async () => {
    const repo = join(dir, 'outdated');
    await mkdir(repo);
    expect((await ntk(['init', repo])).exitCode).toBe(0);
    const copy = join(repo, 'schemas', 'toolkit.schema.json');
    const current = await readFile(copy, 'utf8');
    await writeFile(copy, '{}\n');
    const without = await ntk(['init', repo]);
    expect(without.stderr).toContain('outdated  schemas/toolkit.schema.json  (not the schema of ntk');
    expect(await readFile(copy, 'utf8')).toBe('{}\n');
    const updated = await ntk(['init', repo, '--update']);
    expect(updated.stderr).toContain('updated   schemas/toolkit.schema.json');
    expect(await readFile(copy, 'utf8')).toBe(current);
  });

  it('checking the whole repository passes over the YAML that is not a record', async () => {
    const repo = join(dir, 'whole');
    await mkdir(repo);
    await execa('git', ['init', '-q'], { cwd: repo });
    expect((await ntk(['init'], { cwd: repo })).exitCode).toBe(0);
    const r = await ntk(['check', '.'], { cwd: repo });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.stdout).toContain('0 files checked');
  });

  it('--configure outside git, or a folder that does not exist, is a usage error', async () => {
    const plain = join(dir, 'not-git');
    await mkdir(plain);
    const r = await ntk(['init', plain, '--configure']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('is not in a git repository');
    expect((await ntk(['init', join(dir, 'missing')])).exitCode).toBe(2);
  });
});
