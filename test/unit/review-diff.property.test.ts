import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SectionChange } from '../../src/analyse/record-changes.js';
import { diffRecords } from '../../src/analyse/review-diff.js';
import type { ToolkitRecord } from '../../src/record/types.js';
import { defaultTemplate } from '../../src/template/load-template.js';

const template = defaultTemplate();
const sectionKeys = template.sections().map((s) => ({ area: s.area.key, section: s.section.key }));

/** A section's state in a generated record: a score, not relevant, or absent. */
const sectionState = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant('n/r' as const), fc.constant(null));

function record(states: (number | 'n/r' | null)[], completed: string): ToolkitRecord {
  const areas: NonNullable<ToolkitRecord['areas']> = {};
  states.forEach((state, i) => {
    if (state === null) return;
    const { area, section } = sectionKeys[i]!;
    const sections = (areas[area] ??= { sections: {} }).sections!;
    sections[section] = state === 'n/r' ? { not_relevant: 'Does not apply.' } : { score: state };
  });
  return { format: 'neglect-toolkit/1', template: template.template.id, child: { ref: 'P-1' }, assessment: { type: 'initial', completed }, areas };
}

const records = fc.array(sectionState, { minLength: sectionKeys.length, maxLength: sectionKeys.length });

describe('diffRecords properties', () => {
  it('a record diffed with itself is unchanged everywhere', () => {
    fc.assert(
      fc.property(records, (states) => {
        const r = record(states, '2021-01-01');
        const diff = diffRecords(r, r, template);
        expect(diff.sections.every((s) => s.change === 'unchanged')).toBe(true);
        expect(diff.text).toEqual([]);
        expect(diff.daysBetween).toBe(0);
      }),
    );
  });

  it('swapping from and to swaps improved with deteriorated and newly with no longer assessed', () => {
    const inverse: Record<SectionChange, SectionChange> = {
      improved: 'deteriorated',
      deteriorated: 'improved',
      unchanged: 'unchanged',
      'newly-assessed': 'no-longer-assessed',
      'no-longer-assessed': 'newly-assessed',
    };
    fc.assert(
      fc.property(records, records, (a, b) => {
        const x = record(a, '2021-01-01');
        const y = record(b, '2021-03-01');
        const forward = diffRecords(x, y, template);
        const back = diffRecords(y, x, template);
        expect(back.sections.map((s) => s.change)).toEqual(forward.sections.map((s) => inverse[s.change]));
        expect(back.counts.improved).toBe(forward.counts.deteriorated);
        expect(back.daysBetween).toBe(-forward.daysBetween);
      }),
    );
  });

  it('every change label agrees with the two scores (lower is better care)', () => {
    fc.assert(
      fc.property(records, records, (a, b) => {
        const diff = diffRecords(record(a, '2021-01-01'), record(b, '2021-03-01'), template);
        for (const s of diff.sections) {
          if (s.from === null && s.to === null) expect(s.change).toBe('unchanged');
          else if (s.from === null) expect(s.change).toBe('newly-assessed');
          else if (s.to === null) expect(s.change).toBe('no-longer-assessed');
          else expect(s.change).toBe(s.to < s.from ? 'improved' : s.to > s.from ? 'deteriorated' : 'unchanged');
        }
        const listed = new Set(diff.sections.map((s) => s.section));
        sectionKeys.forEach(({ section }, i) => expect(listed.has(section)).toBe(a[i] !== null || b[i] !== null));
      }),
    );
  });
});
