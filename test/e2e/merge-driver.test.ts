import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk } from './run-ntk.js';

/**
 * git hands the merge driver whatever its attributes send it; a file that is
 * not a record gets git's own line merge (`git merge-file`), into the %A file,
 * with git's exit codes: 0 clean, non-zero when conflicts are left.
 */
describe('ntk merge-driver on files that are not records', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-merge-driver-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const merge = async (base: string, ours: string, theirs: string) => {
    await writeFile(join(dir, 'base.txt'), base);
    await writeFile(join(dir, 'ours.txt'), ours);
    await writeFile(join(dir, 'theirs.txt'), theirs);
    const r = await ntk(['merge-driver', 'base.txt', 'ours.txt', 'theirs.txt', 'notes.txt'], { cwd: dir });
    return { exitCode: r.exitCode, merged: await readFile(join(dir, 'ours.txt'), 'utf8') };
  };

  it('merges changes to different lines cleanly', async () => {
    const r = await merge('one\ntwo\nthree\n', 'ONE\ntwo\nthree\n', 'one\ntwo\nTHREE\n');
    expect(r).toEqual({ exitCode: 0, merged: 'ONE\ntwo\nTHREE\n' });
  });

  it('leaves git conflict markers and fails when both change the same line', async () => {
    const r = await merge('one\n', 'ours\n', 'theirs\n');
    expect(r.exitCode).toBe(1);
    expect(r.merged).toBe('<<<<<<< ours\nours\n=======\ntheirs\n>>>>>>> theirs\n');
  });
});
