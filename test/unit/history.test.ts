import { describe, expect, it } from 'vitest';
import { buildHistories, trendOf } from '../../src/analyse/history.js';
import { maryJo } from './fixture-records.js';

describe('trendOf', () => {
  it.each([
    [[4, 2, 2], 'sustained'],
    [[4, 3, 2], 'sustained'],
    [[3, 3, 2], 'improved'],
    [[3, 2, 3], 'slipped-back'],
    [[4, 2, 3], 'slipped-back'],
    [[3, 2, 3, 3], 'slipped-back'],
    [[2, 3, 2, 2], 'sustained'],
    [[2, 3], 'deteriorated'],
    [[2, 2, 2], 'unchanged'],
    [[3], 'single'],
    [[null, 3, null, 2, 2], 'sustained'],
    [[null, null], 'not-scored'],
  ] as const)('%j is %s', (series, trend) => {
    expect(trendOf(series)).toBe(trend);
  });
});

describe('buildHistories on Mary Jo\'s Story', () => {
  it('labels held improvement sustained and calls out what slipped back', async () => {
    const records = await Promise.all(['MJ-01-2021-03-16', 'MJ-01-2020-09-29', 'MJ-02-2020-09-29', 'MJ-01-2020-12-15'].map(maryJo));
    const versions = records.map((r, i) => ({ ...r, source: { file: `f${i}.yaml`, commit: null, author: null, date: null, subject: null } }));
    const [mj01, mj02] = buildHistories(versions);
    expect(mj01?.ref).toBe('MJ-01');
    expect(mj02?.ref).toBe('MJ-02');
    expect(mj01?.points.map((p) => p.completed)).toEqual(['2020-09-29', '2020-12-15', '2021-03-16']);
    const trends = Object.fromEntries(mj01!.areas.flatMap((a) => a.sections.map((s) => [s.section, s.trend])));
    // The outline: physical care and health hold at 2 over two reviews; 5.2 and boundaries go back to 3.
    for (const s of ['1.1', '1.3', '1.4', '2.1', '2.2', '2.3']) expect(trends[s], s).toBe('sustained');
    for (const s of ['5.2', '6.1', '6.3']) expect(trends[s], s).toBe('slipped-back');
    expect(trends['3.2']).toBe('improved');
    expect(mj01?.areas.find((a) => a.area === 'physical-care')?.trend).toBe('sustained');
    expect(mj01?.changes).toEqual([]);
  });
});
