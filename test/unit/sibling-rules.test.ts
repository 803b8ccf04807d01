import { describe, expect, it } from 'vitest';
import { compareChildren } from '../../src/analyse/sibling-comparison.js';
import { defaultTemplate } from '../../src/template/load-template.js';
import { siblingFlags, type ChildScores } from '../../src/validate/sibling-rules.js';
import { maryJo } from './fixture-records.js';

const template = defaultTemplate();
const child = (ref: string, scores: Record<string, number>): ChildScores => ({ ref, completed: '2021-01-01', scores });

describe('siblingFlags', () => {
  it('marks a section 2 or more apart, whatever the rest of the area', () => {
    const flags = siblingFlags([child('A', { '4.1': 1, '4.2': 3 }), child('B', { '4.1': 3, '4.2': 2 })], template);
    expect(flags).toEqual([{ code: 'differential-care', area: 'emotional-warmth', pairs: [{ better: 0, worse: 1 }], sections: ['4.1'] }]);
  });

  it('marks an area where one child is scored better throughout by 2 or more in all, and not by 1', () => {
    expect(siblingFlags([child('A', { '4.1': 2, '4.2': 2, '4.3': 2 }), child('B', { '4.1': 1, '4.2': 1, '4.3': 2 })], template)).toEqual([
      { code: 'differential-care', area: 'emotional-warmth', pairs: [{ better: 1, worse: 0 }], sections: ['4.1', '4.2'] },
    ]);
    expect(siblingFlags([child('A', { '4.1': 2, '4.2': 2 }), child('B', { '4.1': 1, '4.2': 2 })], template)).toEqual([]);
    // Gaps that cancel out are no pattern.
    expect(siblingFlags([child('A', { '4.1': 2, '4.2': 1, '4.3': 2 }), child('B', { '4.1': 1, '4.2': 2, '4.3': 1 })], template)).toEqual([]);
  });

  it('leaves household-wide sections to their own rule: any difference there is flagged, a match is not', () => {
    const flags = siblingFlags([child('A', { '1.2': 3, '5.2': 3 }), child('B', { '1.2': 1, '5.2': 3 })], template);
    expect(flags).toEqual([{ code: 'household-wide-differs', area: 'physical-care', section: '1.2' }]);
  });

  it('compares every pair of three children', () => {
    const flags = siblingFlags([child('A', { '2.1': 1 }), child('B', { '2.1': 3 }), child('C', { '2.1': 4 })], template);
    expect(flags).toEqual([
      {
        code: 'differential-care',
        area: 'health-development',
        pairs: [
          { better: 0, worse: 1 },
          { better: 0, worse: 2 },
        ],
        sections: ['2.1'],
      },
    ]);
  });
});

describe("compareChildren on Mary Jo's Story", () => {
  it('marks emotional warmth and health where the outline makes the children\'s care differ, and no household-wide section', async () => {
    const mj = await maryJo('MJ-01-2020-09-29');
    const tyler = await maryJo('MJ-02-2020-09-29');
    const sheet = compareChildren([{ file: 'a.yaml', record: mj.record }, { file: 'b.yaml', record: tyler.record }], mj.template);
    expect(sheet.children.map((c) => [c.name, c.ageYears, c.completed])).toEqual([
      ['Mary Jo', 8, '2020-09-29'],
      ['Tyler', 3, '2020-09-29'],
    ]);
    const flagged = (area: string) => sheet.flags.filter((f) => f.code === 'differential-care' && f.area === area);
    expect(flagged('emotional-warmth')).toEqual([{ code: 'differential-care', area: 'emotional-warmth', pairs: [{ better: 1, worse: 0 }], sections: ['4.1', '4.2'] }]);
    expect(flagged('health-development')).toEqual([{ code: 'differential-care', area: 'health-development', pairs: [{ better: 0, worse: 1 }], sections: ['2.2', '2.3'] }]);
    expect(sheet.flags.filter((f) => f.code === 'household-wide-differs')).toEqual([]);
    const householdWide = sheet.areas.flatMap((a) => a.sections.filter((s) => s.householdWide));
    expect(householdWide.map((s) => [s.key, s.scores, s.flagged])).toEqual([
      ['1.2', [3, 3], false],
      ['5.1', [3, 3], false],
      ['5.2', [3, 3], false],
      ['5.3', [3, 3], false],
    ]);
    expect(sheet.farApart).toBe(false);
  });

  it('says when the toolkits compared are far apart in time', async () => {
    const mj = await maryJo('MJ-01-2021-03-16');
    const tyler = await maryJo('MJ-02-2020-09-29');
    const sheet = compareChildren([{ file: 'a.yaml', record: mj.record }, { file: 'b.yaml', record: tyler.record }], mj.template);
    expect(sheet.spanDays).toBe(168);
    expect(sheet.farApart).toBe(true);
  });
});
