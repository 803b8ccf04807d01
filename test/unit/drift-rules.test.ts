import { describe, expect, it } from 'vitest';
import { buildChronology } from '../../src/analyse/chronology.js';
import { driftFlags, type DriftToolkit } from '../../src/validate/drift-rules.js';
import { defaultTemplate } from '../../src/template/load-template.js';
import { maryJo } from './fixture-records.js';

const scale = defaultTemplate();
const toolkit = (completed: string, scores: Record<string, number>, more: Partial<DriftToolkit> = {}): DriftToolkit => ({ completed, nextReview: null, scores, actions: [], ...more });

describe('driftFlags', () => {
  it('flags an open action of the latest plan past its date, not one done or not yet due', () => {
    const flags = driftFlags([toolkit('2021-01-01', {}, { actions: [{ by: '2021-01-10' }, { by: '2021-01-10', done: '2021-01-12' }, { by: '2021-03-01' }] })], '2021-02-01', scale);
    expect(flags).toEqual([{ code: 'drift-action-overdue', action: 0, by: '2021-01-10', days: 22 }]);
  });

  it('flags a review held later than planned, and a planned review not yet held', () => {
    const flags = driftFlags([toolkit('2021-01-01', {}, { nextReview: '2021-03-01' }), toolkit('2021-03-15', {}, { nextReview: '2021-06-01' })], '2021-07-01', scale);
    expect(flags).toEqual([
      { code: 'drift-review-late', planned: '2021-03-01', held: '2021-03-15', days: 14 },
      { code: 'drift-review-late', planned: '2021-06-01', held: null, days: 30 },
    ]);
  });

  it('flags a concern scored 3-4 at three toolkits in a row without improving, and not one that improved', () => {
    const flags = driftFlags([toolkit('2020-01-01', { '1.2': 3, '5.2': 3 }), toolkit('2020-04-01', { '1.2': 4, '5.2': 2 }), toolkit('2020-07-01', { '1.2': 3, '5.2': 3 })], '2020-07-02', scale);
    expect(flags).toEqual([{ code: 'drift-no-improvement', section: '1.2', since: '2020-01-01', toolkits: 3, score: 3 }]);
  });
});

describe("buildChronology on Mary Jo's Story", () => {
  it('lists every session of her three toolkits in date order and flags Wayne moving back in and 5.2 slipping back', async () => {
    const names = ['MJ-01-2021-03-16', 'MJ-01-2020-09-29', 'MJ-01-2020-12-15'];
    const records = await Promise.all(names.map(maryJo));
    const versions = records.map((r, i) => ({ ...r, source: { file: `${names[i]}.yaml`, commit: null, author: null, date: null, subject: null } }));
    const c = buildChronology(versions, { today: '2021-04-01' });
    const sessions = c.days.flatMap((d) => d.events.filter((e) => e.kind === 'session').map(() => d.date));
    const expected = records.flatMap((r) => (r.record.assessment.sessions ?? []).map((s) => s.date)).sort();
    expect(sessions).toEqual(expected);
    expect(sessions.length).toBe(15);
    expect(c.flags.filter((f) => f.code === 'moved-back-in')).toEqual([{ ref: 'MJ-01', date: '2021-03-16', code: 'moved-back-in', name: 'Wayne', relationship: "mother's partner (Tyler's father)", since: '2020-12-15' }]);
    expect(c.flags.find((f) => f.code === 'slipped-back' && f.section === '5.2')).toMatchObject({ date: '2021-03-16', from: 2, to: 3 });
    expect(c.flags.filter((f) => f.code === 'drift-no-improvement').map((f) => f.code === 'drift-no-improvement' && f.section)).toEqual(['1.2']);
    const moves = c.days.flatMap((d) => d.events.filter((e) => e.kind === 'family'));
    expect(moves.map((e) => e.kind === 'family' && [e.date, e.name, e.change, e.back])).toEqual([
      ['2020-12-15', 'Wayne', 'moved-out', false],
      ['2021-03-16', 'Wayne', 'moved-in', true],
    ]);
  });

  it('keeps to --from, --to and --kind', async () => {
    const r = await maryJo('MJ-01-2021-03-16');
    const c = buildChronology([{ ...r, source: { file: 'x.yaml', commit: null, author: null, date: null, subject: null } }], { today: '2021-04-01', from: '2021-03-01', to: '2021-03-10', kinds: ['session'] });
    expect(c.days.map((d) => d.date)).toEqual(['2021-03-02', '2021-03-04', '2021-03-09']);
  });
});
