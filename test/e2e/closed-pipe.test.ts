import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntkBin } from './run-ntk.js';

describe('a reader that stops early (ntk check ... | head -1)', () => {
  let dir = '';
  beforeAll(async () => {
    // Far more output than a pipe holds, so ntk is still writing when the reader goes.
    dir = await mkdtemp(join(tmpdir(), 'ntk-pipe-'));
    await Promise.all(Array.from({ length: 1000 }, (_, i) => writeFile(join(dir, `r${i}.yaml`), 'format: 2\nchild: x\n')));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('ends quietly, without a stack trace', async () => {
    const proc = spawn(process.execPath, [ntkBin, 'check', '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout.once('data', () => proc.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => proc.once('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|^\s+at /m);
    expect([0, 1]).toContain(code);
  });
});
