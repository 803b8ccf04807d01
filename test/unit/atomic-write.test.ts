import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileExistsError, writeFileAtomic } from '../../src/io/atomic-write.js';

const child = fileURLToPath(new URL('../support/atomic-writer-child.mjs', import.meta.url));

describe('writeFileAtomic', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-atomic-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('creates files owner-only (0600) and never replaces one without overwrite', async () => {
    const file = join(dir, 'record.yaml');
    await writeFileAtomic(file, 'first\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await expect(writeFileAtomic(file, 'second\n')).rejects.toBeInstanceOf(FileExistsError);
    expect(await readFile(file, 'utf8')).toBe('first\n');
    await writeFileAtomic(file, 'second\n', { overwrite: true });
    expect(await readFile(file, 'utf8')).toBe('second\n');
    // No temporary file is left behind.
    expect(await readdir(dir)).toEqual(['record.yaml']);
  });

  it('leaves the old file or the new one, never a torn one, when the writer is killed at random moments', async () => {
    const target = join(dir, 'killed.yaml');
    // Different lengths and contents, so any mix of the two, or a truncation, is caught (the child writes the same two).
    const a = `version: a\n${'a'.repeat(300_000)}\n`;
    const b = `version: b\n${'b'.repeat(500_000)}\n`;
    for (let round = 0; round < 8; round++) {
      await rm(target, { force: true });
      const proc = spawn(process.execPath, [child, target], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        proc.stdout.once('data', () => resolve());
        proc.once('exit', (code) => reject(new Error(`writer exited early (${code})`)));
      });
      // A random moment inside the stream of writes; the assertion does not depend on when.
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 60)));
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGKILL');
      await exited;
      const content = await readFile(target, 'utf8');
      expect(content === a || content === b, `round ${round}: ${content.length} characters, starting ${JSON.stringify(content.slice(0, 12))}`).toBe(true);
    }
  });

  it('is the only way src/ writes files', async () => {
    const { glob } = await import('tinyglobby');
    const sources = await glob('src/**/*.ts', { cwd: fileURLToPath(new URL('../../', import.meta.url)), absolute: true });
    const writers = /\b(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|copyFile|copyFileSync|cp|cpSync|truncate)\b\s*[,(}]/;
    const offenders = [];
    for (const file of sources) {
      if (file.endsWith('src/io/atomic-write.ts')) continue;
      const text = await readFile(file, 'utf8');
      const imports = text.match(/import[^;]*from 'node:fs(?:\/promises)?';/g) ?? [];
      if (imports.some((line) => writers.test(line))) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
