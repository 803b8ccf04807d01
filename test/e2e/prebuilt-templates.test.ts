import { cp, mkdtemp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './run-ntk.js';

/**
 * The build parses the package's templates once (dist/template/package-templates.json);
 * a template edited after the build must still be read as it now is.
 */
describe('templates prebuilt at build time', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('uses the YAML again when a template file changed after the build', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-prebuilt-'));
    for (const part of ['bin', 'dist', 'templates', 'package.json']) await cp(join(repoRoot, part), join(dir, part), { recursive: true });
    for (const part of ['schemas', 'node_modules']) await symlink(join(repoRoot, part), join(dir, part));
    const template = join(dir, 'templates', 'nscp-ncscp-2021.yaml');
    const show = () => execa('node', [join(dir, 'bin', 'ntk.js'), 'template', 'show', '--area', 'physical-care'], { reject: false, env: { NO_COLOR: '1' } });

    // Same size and time as at build: the prebuilt copy is used, and it says what the YAML says.
    const built = JSON.parse(await readFile(join(dir, 'dist', 'template', 'package-templates.json'), 'utf8')) as { mtimeMs: number }[];
    await utimes(template, new Date(), new Date(built[0]!.mtimeMs));
    expect((await show()).stdout).toContain('1.1 Food and feeding');

    await writeFile(template, (await readFile(template, 'utf8')).replace('title: Food and feeding', 'title: Food and drink'));
    const edited = await show();
    expect(edited.exitCode).toBe(0);
    expect(edited.stdout).toContain('1.1 Food and drink');
  });
});
