import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFindings, placeEach, type Finding } from '../../src/record/finding.js';

let made = 0;
const finding = fc
  .record({
    file: fc.constantFrom('a.yaml', 'b.yaml'),
    line: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    column: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    severity: fc.constantFrom('error', 'warning', 'prompt' as const),
  })
  // Each finding told apart by its message, so that the order of ties shows.
  .map((f): Finding => ({ ...f, code: 'review-overdue', path: '', message: `#${made++}` }));

describe('placeEach', () => {
  it('gives what a stable sort of a sorted list and the findings added gives, ties in the same order', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 12 }), fc.array(finding, { maxLength: 4 }), (own, added) => {
        const sorted = [...own].sort(compareFindings);
        const expected = [...sorted, ...added].sort(compareFindings).map((f) => f.message);
        placeEach(sorted, added);
        expect(sorted.map((f) => f.message)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
