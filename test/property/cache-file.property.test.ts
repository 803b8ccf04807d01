import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCache, encodeCache, ENTRY, ROW, STAMP, type CacheData } from '../../src/batch/cache-file.js';
import { HASH_BYTES } from '../../src/batch/content-hash.js';
import { SavedCache } from '../../src/batch/saved-cache.js';

/** A cache of `files` files whose numbers are anything at all: what the reader must check is left to it. */
const cacheData = fc.integer({ min: 0, max: 6 }).chain((files) =>
  fc
    .record({
      writtenAt: fc.double({ noNaN: true, noDefaultInfinity: true }),
      names: fc.array(fc.string({ unit: 'grapheme' }), { minLength: files, maxLength: files }),
      texts: fc.array(fc.oneof(fc.constantFrom('score-range', 'review-overdue'), fc.string({ unit: 'binary' })), { maxLength: 6 }),
      stamps: fc.array(fc.double(), { minLength: files * STAMP, maxLength: files * STAMP }),
      entries: fc.array(fc.integer({ min: -2, max: 8 }), { minLength: files * ENTRY, maxLength: files * ENTRY }),
      perFile: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: files, maxLength: files }),
      numbers: fc.array(fc.integer({ min: -2, max: 8 }), { minLength: 3 * ROW * files, maxLength: 3 * ROW * files }),
      answer: fc.option(
        fc.record({ today: fc.string(), files: fc.array(fc.integer({ min: -1, max: 7 }), { maxLength: 3 }), numbers: fc.array(fc.integer({ min: -2, max: 8 }), { minLength: 3 * ROW, maxLength: 3 * ROW }) }),
        { nil: null },
      ),
      hashes: fc.uint8Array({ minLength: files * HASH_BYTES, maxLength: files * HASH_BYTES }),
    })
    .map((c): CacheData => {
      const starts = [0];
      for (const n of c.perFile) starts.push(starts.at(-1)! + n * ROW);
      const answerStarts = [0];
      for (const _ of c.answer?.files ?? []) answerStarts.push(answerStarts.at(-1)! + ROW);
      return {
        writtenAt: c.writtenAt,
        files: c.names,
        texts: c.texts,
        stamps: Float64Array.from(c.stamps),
        entries: Int32Array.from(c.entries),
        findingStarts: Int32Array.from(starts),
        findings: Int32Array.from(c.numbers.slice(0, starts.at(-1))),
        answer: c.answer && { today: c.answer.today, files: Int32Array.from(c.answer.files), starts: Int32Array.from(answerStarts), findings: Int32Array.from(c.answer.numbers.slice(0, answerStarts.at(-1))) },
        hashes: c.hashes,
      };
    }),
);

/** What a reader can see of a cache, as plain values. */
const plain = (c: CacheData) => JSON.parse(JSON.stringify(c, (_key, value: unknown) => (ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value))) as unknown;

/** Everything a run takes from a saved cache, each file's and the answer's; none may throw, whatever the numbers. */
function takeAll(data: CacheData): void {
  const saved = new SavedCache(data, 'cache');
  for (let i = 0; i < data.files.length; i++) {
    saved.entry(i, 'f.yaml', '2030-01-01');
    const numbers = saved.findingsAt(i);
    // What it gives is rows of places and texts of their kind.
    if (numbers !== null) for (let j = 0; j < numbers.length; j += ROW) expect(typeof saved.texts[numbers[j + 4]!]).toBe('string');
    saved.indexOf(`f${i}.yaml`, i);
  }
  // The answer, when taken, names each file once, in order, and its rows are whole.
  const answer = saved.answer('2030-01-01', data.files.length);
  if (answer !== null) {
    answer.indexes.forEach((index, k) => expect(index).toBeGreaterThan(k === 0 ? -1 : answer.indexes[k - 1]!));
    expect(answer.indexes.every((index) => index < data.files.length)).toBe(true);
    for (let j = 0; j < answer.numbers.length; j += ROW) expect(typeof saved.texts[answer.numbers[j + 4]!]).toBe('string');
  }
  // All at once, as a warm run over unchanged files takes them: the same rows, or null when any file's are damaged.
  const all = saved.allFindings();
  const each = data.files.map((_f, i) => saved.findingsAt(i));
  expect(all === null).toBe(each.some((rows) => rows === null));
  if (all !== null) expect(Array.from(all.numbers)).toEqual(each.flatMap((rows) => Array.from(rows!)));
}

describe('the check cache file', () => {
  it('reads back what it wrote, from a buffer at any offset', () => {
    fc.assert(
      fc.property(cacheData, fc.integer({ min: 0, max: 7 }), (data, offset) => {
        const bytes = encodeCache(data);
        const shifted = new Uint8Array(bytes.length + offset).subarray(offset);
        shifted.set(bytes);
        expect(plain(decodeCache(shifted)!)).toEqual(plain(data));
        takeAll(decodeCache(shifted)!);
      }),
      { numRuns: 500 },
    );
  });

  it('is no cache when cut short, grown or overwritten anywhere, and never throws', () => {
    fc.assert(
      fc.property(cacheData, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('cut', 'grow', 'set'), (data, where, byte, harm) => {
        const bytes = encodeCache(data);
        const at = where % bytes.length;
        const damaged = harm === 'cut' ? bytes.slice(0, at) : harm === 'grow' ? Uint8Array.of(...bytes, byte) : Uint8Array.from(bytes, (b, i) => (i === at ? byte : b));
        const read = decodeCache(damaged);
        if (harm !== 'set') expect(read).toBeNull();
        // A byte changed in the numbers still reads: the reader's own checks (takeAll) hold it to texts of its kind.
        else if (read !== null) takeAll(read);
      }),
      { numRuns: 1000 },
    );
  });
});
