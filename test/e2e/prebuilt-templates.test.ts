import { cp, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './run-ntk.js';

/**
 * The build parses the package's templates once (dist/template/package-templates.json);
 * a template edited after the build must still be read as it now is, and one that is
 * not must be taken as built, however its file was copied: `npm pack` gives every file
 * of the package the same old time (26 October 1985), and an install keeps it.
 */
describe('templates prebuilt at build time', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('uses the prebuilt templates in a packed copy, and the YAML again when a template changed after the build', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-prebuilt-'));
    for (const part of ['bin', 'dist', 'templates', 'package.json']) await cp(join(repoRoot, part), join(dir, part), { recursive: true });
    for (const part of ['schemas', 'node_modules']) await symlink(join(repoRoot, part), join(dir, part));
    const template = join(dir, 'templates', 'nscp-ncscp-2021.yaml');
    // NODE_DEBUG=module names every CommonJS file Node loads: the `yaml` reader (dist/bin/yaml.cjs) is one.
    const show = () => execa('node', [join(dir, 'bin', 'ntk.js'), 'template', 'show', '--area', 'physical-care'], { reject: false, env: { NO_COLOR: '1', NODE_DEBUG: 'module' } });

    const packed = new Date('1985-10-26T08:15:00Z');
    for (const name of await readdir(join(dir, 'templates'))) await utimes(join(dir, 'templates', name), packed, packed);
    const asPacked = await show();
    expect(asPacked.stdout).toContain('1.1 Food and feeding');
    expect(asPacked.stderr).not.toContain('yaml.cjs');

    await writeFile(template, (await readFile(template, 'utf8')).replace('title: Food and feeding', 'title: Food and drink'));
    const edited = await show();
    expect(edited.exitCode).toBe(0);
    expect(edited.stdout).toContain('1.1 Food and drink');
    expect(edited.stderr).toContain('yaml.cjs');
  });
});
