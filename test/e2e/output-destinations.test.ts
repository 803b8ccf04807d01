import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk, ntkBin } from './run-ntk.js';

/** Runs ntk with its standard output the file or device `target`; its exit code and standard error. */
async function ntkInto(target: string, args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  const fd = openSync(target, 'w');
  try {
    const proc = spawn(process.execPath, [ntkBin, ...args], { cwd, stdio: ['ignore', fd, 'pipe'] });
    let stderr = '';
    proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => proc.once('close', resolve));
    return { code, stderr };
  } finally {
    closeSync(fd);
  }
}

describe('the findings of many files, wherever standard output goes', () => {
  let dir = '';
  beforeAll(async () => {
    // Several megabytes of findings: many writes of 64 KB, far more than a pipe holds.
    dir = await mkdtemp(join(tmpdir(), 'ntk-out-'));
    await Promise.all(Array.from({ length: 3000 }, (_, i) => writeFile(join(dir, `r${i}.yaml`), `format: 2\nchild: x\nscore: ${i}\n`)));
  });
  afterAll(async () => {
    if (dir) for (const made of [dir, `${dir}-out.terminal`, `${dir}-out.json`]) await rm(made, { recursive: true, force: true });
  });

  it('writes to a file exactly what it writes to a pipe', async () => {
    for (const format of ['terminal', 'json']) {
      const piped = await ntk(['check', '.', '--format', format, '--today', '2025-01-01'], { cwd: dir, timeout: 60_000 });
      expect(piped.stdout.length).toBeGreaterThan(1_000_000);
      const file = join(`${dir}-out.${format}`);
      const { code, stderr } = await ntkInto(file, ['check', '.', '--format', format, '--today', '2025-01-01'], dir);
      expect([code, stderr]).toEqual([piped.exitCode, '']);
      // ntk() gives standard output without its last newline.
      expect(await readFile(file, 'utf8')).toBe(`${piped.stdout}\n`);
    }
  });

  it('waits for a pipe that is read slowly, and loses nothing', async () => {
    const piped = await ntk(['check', '.', '--format', 'json', '--today', '2025-01-01'], { cwd: dir, timeout: 60_000 });
    const proc = spawn(process.execPath, [ntkBin, 'check', '.', '--format', 'json', '--today', '2025-01-01'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
    proc.stdout.pause();
    await sleep(1500);
    const chunks: Buffer[] = [];
    proc.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    proc.stdout.resume();
    const code = await new Promise<number | null>((resolve) => proc.once('close', resolve));
    expect(code).toBe(piped.exitCode);
    expect(Buffer.concat(chunks).toString()).toBe(`${piped.stdout}\n`);
  });

  it.runIf(existsSync('/dev/full'))('ends with exit code 3, without a stack trace, when the output cannot be written', async () => {
    const { code, stderr } = await ntkInto('/dev/full', ['check', '.'], dir);
    expect(code).toBe(3);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
