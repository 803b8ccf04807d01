import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findControlBytes } from '../support/output-safety.js';
import { fuzzRuns, mutatedRecordText, runPipeline, structurallyMutatedRecord } from '../support/fuzz-pipeline.js';

/**
 * Random damage to valid records, and random bytes, through the check,
 * summary and diff pipeline in process: nothing may throw, and every human output
 * stays free of control bytes (ntk's own colours aside).
 */
const encode = (s: string) => new TextEncoder().encode(s);

function expectSafe(bytes: Uint8Array): void {
  const { outputs } = runPipeline(bytes);
  for (const out of outputs) expect(findControlBytes(out, { allowColour: true })).toBeNull();
}

describe('fuzzing the check, summary and diff pipeline', () => {
  it('survives random text edits of Mary Jo\'s records', () => {
    fc.assert(fc.property(mutatedRecordText, (text) => expectSafe(encode(text))), { numRuns: fuzzRuns(60) });
  });

  it('survives any value of Mary Jo\'s records replaced by arbitrary data', () => {
    fc.assert(fc.property(structurallyMutatedRecord, (text) => expectSafe(encode(text))), { numRuns: fuzzRuns(60) });
  });

  it('survives random bytes and random text', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => expectSafe(bytes)), { numRuns: fuzzRuns(80) });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => expectSafe(encode(text))), { numRuns: fuzzRuns(80) });
  });
});
