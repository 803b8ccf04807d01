import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownCopy } from '../../src/text/own-copy.js';

describe('ownCopy', () => {
  it('gives the same text, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat(20), (text, cut) => {
        expect(ownCopy(`${'x'.repeat(cut)}${text}`.slice(cut))).toBe(text);
      }),
    );
  });

  it('keeps nothing of the text it was cut from alive', () => {
    // A garbage collection on demand, for this test alone.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept: string[] = [];
    for (let i = 0; i < 20; i++) {
      // 5 MB each, 100 MB in all: a slice of one would keep all of it.
      const whole = `${String.fromCharCode(97 + i)}${'y'.repeat(5_000_000)}C-000123 2021-01-10 a message long enough for V8 to keep a view, not a copy`;
      kept.push(ownCopy(whole.slice(5_000_001, 5_000_009)), ownCopy(whole.slice(5_000_001)));
    }
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(10_000_000);
    expect(kept[1]).toBe('C-000123 2021-01-10 a message long enough for V8 to keep a view, not a copy');
  });
});
