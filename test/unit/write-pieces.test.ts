import { Writable } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { writePieces } from '../../src/cli/write-output.js';

describe('writePieces', () => {
  it('waits for a stream that is read slower than it is written, instead of holding the rest in memory', async () => {
    const written: string[] = [];
    let release: (() => void) | null = null;
    // A pipe whose reader has stopped: each write is taken only when the test lets it through.
    const out = new Writable({
      highWaterMark: 16_384,
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        release = done;
      },
    });
    let made = 0;
    const pieces = function* () {
      for (let i = 0; i < 1000; i++, made++) yield `${String(i).padStart(999, '.')}\n`;
    };
    const finished = writePieces(out, pieces());
    await tick();
    await tick();
    // One write of about 64 KB went out, and no more pieces were made than the next write needs.
    expect(written).toHaveLength(1);
    expect(made).toBeLessThan(70);
    while (made < 1000 || release !== null) {
      const next = release as (() => void) | null;
      release = null;
      next?.();
      await tick();
    }
    await finished;
    const all = written.join('');
    expect(all.length).toBe(1_000_000);
    expect(all.endsWith(`${'.'.repeat(996)}999\n`)).toBe(true);
  });
});
