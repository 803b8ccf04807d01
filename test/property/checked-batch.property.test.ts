import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckedBatch } from '../../src/batch/checked-batch.js';
import { packedFindings } from '../../src/batch/file-findings.js';
import type { Finding } from '../../src/record/finding.js';

const CODES = ['score-range', 'parent-score-differs', 'discuss-with-lead'] as const;

/** Findings of one file, their texts from a small pool (shared across files, as most are) or any string at all. */
const fileFindings = (file: string) =>
  fc.array(
    fc.record({
      line: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
      code: fc.constantFrom(...CODES),
      path: fc.oneof(fc.constantFrom('summary.decision', 'areas.physical-care.sections.1.1.score', ''), fc.string()),
      message: fc.oneof(fc.constantFrom('a message many files share', 'another one'), fc.string({ unit: 'binary' }), fc.constant('unit \u001f separator')),
    }),
    { maxLength: 6 },
  ).map((rows) => rows.map((r): Finding => ({ file, line: r.line, column: r.line === null ? null : 3, severity: r.code === 'score-range' ? 'error' : 'prompt', code: r.code, path: r.path, message: r.message })));

/** Every file's findings as a batch gives them back, having taken them in the order `order` of files. */
function readBack(files: string[], findings: Finding[][], order: number[], bounds?: { textChars: number; numbers: number }): Finding[][] {
  const batch = new CheckedBatch(files, '2020-01-01', bounds);
  for (const i of order) batch.addResult(i, { findings: [], packed: packedFindings(findings[i]!), entry: null, facts: null });
  const out = [...batch.byFile()].map((f) => f.findings);
  batch.close();
  return out;
}

describe('a checked batch', () => {
  it('gives each file its findings the same whether it numbers them, spools them, or does some of each', () => {
    const files = ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml', 'e.yaml'];
    fc.assert(
      fc.property(fc.tuple(...files.map(fileFindings)), fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5 }), fc.nat(200), fc.nat(40), (findings, order, textChars, numbers) => {
        const spooled = readBack(files, findings, order, { textChars: 0, numbers: 0 });
        expect(readBack(files, findings, order)).toEqual(spooled);
        expect(readBack(files, findings, order, { textChars, numbers })).toEqual(spooled);
      }),
      { numRuns: 400 },
    );
  });
});
