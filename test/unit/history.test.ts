import { describe, expect, it } from 'vitest';
import { buildHistories, timelineRecord, trendOf, versionFacts, type RecordVersion } from '../../src/analyse/history.js';
import { diffRecords } from '../../src/analyse/review-diff.js';
import type { ToolkitRecord } from '../../src/record/types.js';
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

describe('history keeps of a committed version only its timeline and facts', () => {
  /** Mary Jo's toolkits and edits of them a commit might hold: rescored, a text re-wrapped or rewritten, a text added or removed, a decision changed, a date no view shows. */
  async function edits(): Promise<{ record: ToolkitRecord; template: RecordVersion['template'] }[]> {
    const records = await Promise.all(['MJ-01-2020-09-29', 'MJ-01-2020-12-15', 'MJ-01-2021-03-16'].map(maryJo));
    const out = [...records];
    const edit = (change: (r: ToolkitRecord) => void) => {
      const r = structuredClone(records[0]!.record);
      change(r);
      out.push({ record: r, template: records[0]!.template });
    };
    edit((r) => (r.areas!['physical-care']!.sections!['1.1']!.score = 1));
    edit((r) => (r.areas!['physical-care']!.sections!['1.1']!.evidence = `  ${r.areas!['physical-care']!.sections!['1.1']!.evidence!.replaceAll(' ', '\n ')}  `));
    edit((r) => (r.areas!['physical-care']!.sections!['1.1']!.evidence = 'Rewritten after the visit.'));
    edit((r) => (r.areas!['physical-care']!.strengths = 'A new strength.'));
    edit((r) => delete r.child_voice!.worried_about);
    edit((r) => (r.summary!.decision = 'child-in-need'));
    edit((r) => (r.summary!.lead_consulted = '2020-09-30'));
    return out;
  }

  it('gives every change the review diff gives, counting texts as it does, and no change for the same record', async () => {
    const all = await edits();
    for (const [i, a] of all.entries()) {
      for (const [j, b] of all.entries()) {
        const source = (commit: string | null, date: string | null) => ({ file: 'f.yaml', commit, author: commit && 'A', date, subject: commit && 'S' });
        const whole: RecordVersion[] = [
          { ...a, source: source('1111111', '2021-01-01') },
          { ...b, source: source(null, null) },
        ];
        const kept: RecordVersion[] = whole.map((v) => ({ ...v, record: timelineRecord(v.record), facts: versionFacts(v.record, true) }));
        const [fromWhole] = buildHistories(whole);
        const [fromKept] = buildHistories(kept);
        expect(fromKept, `${i} -> ${j}`).toEqual(fromWhole);
        const change = fromKept!.changes.find((c) => c.source.commit === null);
        const diff = diffRecords(a.record, b.record, b.template);
        expect(change?.textChanged ?? 0, `${i} -> ${j}`).toBe(diff.text.length);
        const sections = diff.sections.filter((d) => d.change !== 'unchanged').map(({ area, section, from, to, change: c }) => ({ area, section, from, to, change: c }));
        expect(change?.sections ?? [], `${i} -> ${j}`).toEqual(sections);
        expect(change?.decision ?? null).toEqual(diff.decision.changed ? { from: diff.decision.from, to: diff.decision.to } : null);
        if (JSON.stringify(a.record) === JSON.stringify(b.record)) expect(change).toBeUndefined();
      }
    }
  });
});
