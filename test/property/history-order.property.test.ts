import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentToolkits, newestCommitted, type RecordVersion } from '../../src/analyse/history.js';
import type { ToolkitRecord } from '../../src/record/types.js';

let made = 0;
/** A version as history orders it: the file as it is now or a commit, its date and its toolkit's date; few dates, so that ties are common. */
const version = fc
  .record({
    committed: fc.boolean(),
    date: fc.constantFrom('2021-01-01', '2021-01-02', '2021-01-03'),
    completed: fc.constantFrom('2020-09-29', '2020-12-15', '2021-03-16'),
  })
  // Each version told apart by its commit (or file) name, so that the order of ties shows.
  .map(({ committed, date, completed }): RecordVersion => {
    const name = `#${made++}`;
    return {
      record: { assessment: { type: 'review', completed } } as ToolkitRecord,
      template: undefined as unknown as RecordVersion['template'],
      source: committed ? { file: 'a.yaml', commit: name, author: 'A', date, subject: '' } : { file: name, commit: null, author: null, date: null, subject: null },
    };
  });

/** Newest first, as history means it: the file as it is now, then commits by date, the order given kept for ties (a stable sort). */
function newestFirst(a: RecordVersion, b: RecordVersion): number {
  if (a.source.commit === null || b.source.commit === null) return a.source.commit === null ? (b.source.commit === null ? 0 : -1) : 1;
  const [x, y] = [a.source.date ?? '', b.source.date ?? ''];
  return x < y ? 1 : x > y ? -1 : 0;
}
const nameOf = (v: RecordVersion | undefined) => (v === undefined ? undefined : (v.source.commit ?? v.source.file));

describe("history's one-pass picks of a file's thousands of versions", () => {
  it('newestCommitted gives the first commit of a stable sort newest first', () => {
    fc.assert(
      fc.property(fc.array(version, { maxLength: 12 }), (versions) => {
        const expected = [...versions].sort(newestFirst).find((v) => v.source.commit !== null);
        expect(nameOf(newestCommitted(versions))).toBe(nameOf(expected));
      }),
      { numRuns: 2000 },
    );
  });

  it("currentToolkits gives, for each toolkit's date, the first of a stable sort newest first, oldest toolkit first", () => {
    fc.assert(
      fc.property(fc.array(version, { maxLength: 12 }), (versions) => {
        const first = new Map<string, RecordVersion>();
        for (const v of [...versions].sort(newestFirst)) if (!first.has(v.record.assessment.completed)) first.set(v.record.assessment.completed, v);
        const expected = [...first.values()].sort((a, b) => (a.record.assessment.completed < b.record.assessment.completed ? -1 : 1));
        expect(currentToolkits(versions).map(nameOf)).toEqual(expected.map(nameOf));
      }),
      { numRuns: 2000 },
    );
  });
});
