import { appendFile, cp, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { rulesHash } from '../../scripts/rules-hash.mjs';
import { contextHash } from '../../src/batch/cache-folder.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const copies: string[] = [];

afterAll(async () => {
  for (const copy of copies) await rm(copy, { recursive: true, force: true });
});

/** The sources in a folder of their own, packages shared, so one rule can be changed there. */
async function sourceCopy(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'ntk-rules-'));
  copies.push(copy);
  await cp(join(root, 'src'), join(copy, 'src'), { recursive: true });
  await symlink(join(root, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

describe('the check cache is keyed by the rule code (issue 17 item 5)', () => {
  it('a changed rule, however small, gives another rules hash; the same sources the same one', async () => {
    const copy = await sourceCopy();
    const before = await rulesHash(copy);
    expect(await rulesHash(copy)).toBe(before);
    await appendFile(join(copy, 'src', 'validate', 'practice-rules.ts'), '\n// a new rule\n');
    expect(await rulesHash(copy)).not.toBe(before);
  });

  it('another rules hash names another cache, so a new rule never replays stale results', () => {
    expect(contextHash('1.0.0', ['/records'], 'a')).not.toBe(contextHash('1.0.0', ['/records'], 'b'));
    expect(contextHash('1.0.0', ['/records'], 'a')).toBe(contextHash('1.0.0', ['/records'], 'a'));
  });

  it('the built ntk carries the hash of the sources it was built from', async () => {
    // npm test builds first.
    const hash = await rulesHash(root);
    const bundle = join(root, 'dist', 'bin');
    const texts = await Promise.all((await readdir(bundle)).filter((f) => f.endsWith('.js')).map((f) => readFile(join(bundle, f), 'utf8')));
    expect(texts.some((t) => t.includes(`"${hash}"`))).toBe(true);
  });
});
