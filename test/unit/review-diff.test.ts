import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../src/analyse/review-diff.js';
import { areaLine } from '../../src/render/diff-style.js';
import { initialToReview1, maryJo } from './fixture-records.js';

describe('diffRecords on Mary Jo\'s Story', () => {
  it('names every section of the first review with its old and new score and change', async () => {
    const initial = await maryJo('MJ-01-2020-09-29');
    const review = await maryJo('MJ-01-2020-12-15');
    const diff = diffRecords(initial.record, review.record, review.template);
    expect(diff.sections.map((s) => [s.section, s.from, s.to, s.change])).toEqual(initialToReview1);
    expect(diff.counts).toMatchObject({ improved: 16, deteriorated: 0, unchanged: 7 });
    expect(diff.daysBetween).toBe(77);
    expect(diff.decision).toEqual({ from: 'early-help', to: 'early-help', changed: false });
    expect(diff.sessionsAdded).toHaveLength(5);
  });

  it('gives each area a verdict', async () => {
    const initial = await maryJo('MJ-01-2020-09-29');
    const review = await maryJo('MJ-01-2020-12-15');
    const diff = diffRecords(initial.record, review.record, review.template);
    const physical = diff.areas.find((a) => a.area === 'physical-care');
    expect(physical?.verdict).toBe('improved');
    expect(physical && areaLine(physical, 'highest')).toBe('improved: 3 sections better, 1 the same; highest 4 -> 3');
    expect(physical && areaLine(physical, 'highest', '→')).toBe('improved: 3 sections better, 1 the same; highest 4 → 3');
  });

  it('matches reworded actions carried into the review and finds those completed, added and dropped', async () => {
    const review1 = await maryJo('MJ-01-2020-12-15');
    const review2 = await maryJo('MJ-01-2021-03-16');
    const initial = await maryJo('MJ-01-2020-09-29');
    const first = diffRecords(initial.record, review1.record, review1.template);
    expect(first.actions.completed.map((a) => a.action)).toContain('Optician and replacement glasses');
    expect(first.actions.completed).toHaveLength(7);
    expect(first.actions.added.map((a) => a.action)).toEqual(['Morning plan - Kerry up before the children; check at unannounced visits']);
    expect(first.actions.dropped).toEqual([]);
    const second = diffRecords(review1.record, review2.record, review2.template);
    expect(second.actions.completed.map((a) => a.action)).toEqual([
      'Parenting group',
      'Nursery place for Tyler',
      'Morning plan - Kerry up before the children',
      'Domestic-abuse helpline details given to Kerry, safely',
    ]);
  });

  it('lists the actions still open, those overdue at the review, those dropped with their reason, and the review answers', async () => {
    const initial = await maryJo('MJ-01-2020-09-29');
    const review1 = await maryJo('MJ-01-2020-12-15');
    const first = diffRecords(initial.record, review1.record, review1.template);
    expect(first.actions.open.map((a) => a.action)).toEqual([
      'Parenting group (two sessions left)',
      'Nursery place for Tyler, starting 11 January',
      'Morning plan - Kerry up before the children; check at unannounced visits',
      'Keep asking Kerry alone about contact with Wayne and any domestic-abuse indicators',
    ]);
    expect(first.actions.overdue).toEqual([]);
    expect(first.review?.significant_harm).toMatch(/^No indication/);

    const changed = structuredClone(review1.record);
    const actions = changed.summary?.actions ?? [];
    actions[8] = { ...actions[8]!, by: '2020-12-01' };
    actions[7] = { ...actions[7]!, dropped: '2020-12-15', reason: 'Kerry finished the course early' };
    const second = diffRecords(initial.record, changed, review1.template);
    expect(second.actions.overdue.map((a) => a.action)).toEqual(['Nursery place for Tyler, starting 11 January']);
    expect(second.actions.dropped.map((a) => [a.action, a.reason])).toEqual([['Parenting group (two sessions left)', 'Kerry finished the course early']]);
    expect(second.actions.open.map((a) => a.action)).not.toContain('Parenting group (two sessions left)');
    expect(second.actions.added.map((a) => a.action)).not.toContain('Parenting group (two sessions left)');
    expect(diffRecords(initial.record, initial.record, initial.template).review).toBeNull();
  });

  it('shows where 5.2 slipped back at the second review', async () => {
    const review1 = await maryJo('MJ-01-2020-12-15');
    const review2 = await maryJo('MJ-01-2021-03-16');
    const diff = diffRecords(review1.record, review2.record, review2.template);
    const changed = diff.sections.filter((s) => s.change !== 'unchanged').map((s) => `${s.section} ${s.from}->${s.to} ${s.change}`);
    expect(changed).toEqual([
      '3.1 3->2 improved',
      '3.2 3->2 improved',
      '4.3 1->2 deteriorated',
      '5.2 2->3 deteriorated',
      '6.1 2->3 deteriorated',
      '6.3 2->3 deteriorated',
      '7.1 2->3 deteriorated',
      '7.3 1->2 deteriorated',
      '7.4 3->2 improved',
    ]);
  });

  it('records a word diff of changed text and leaves re-wrapped text alone', async () => {
    const { record, template } = await maryJo('MJ-01-2020-09-29');
    const edited = structuredClone(record);
    edited.areas!['physical-care']!.impact = record.areas!['physical-care']!.impact!.replace(/\s+/g, '\n  ');
    expect(diffRecords(record, edited, template).text).toEqual([]);
    edited.areas!['physical-care']!.strengths = 'Kerry is honest about money and asked for help.';
    const [change] = diffRecords(record, edited, template).text;
    expect(change?.path).toBe('areas.physical-care.strengths');
    expect(change?.parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual([', goes without so the children eat,']);
  });
});
