import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { sameData } from '../../src/record/plain-data.js';
import { mergedText } from '../../src/merge/merged-text.js';
import { mergeRecordData } from '../../src/merge/three-way.js';

const text = fc.string({ maxLength: 80, unit: 'grapheme' });
const score = fc.integer({ min: 1, max: 4 });
const date = fc.integer({ min: 1, max: 28 }).map((d) => `2020-09-${String(d).padStart(2, '0')}`);
const section = fc.record({ score, evidence: text }, { requiredKeys: ['score'] });
const area = fc.record({ sections: fc.record({ a: section, b: section }), impact: text, concerns: text }, { requiredKeys: ['sections'] });
const areaKeys = ['physical-care', 'health-development', 'family-relationships'] as const;
const session = fc.record({ date, type: fc.constantFrom<string>('phone', 'meeting'), note: text }, { requiredKeys: ['date', 'type'] });
const record = fc.record({
  format: fc.constant('neglect-toolkit/1'),
  child: fc.record({ ref: fc.constant('C-1'), name: text }, { requiredKeys: ['ref'] }),
  assessment: fc.record({ completed: fc.constant('2020-09-30'), sessions: fc.uniqueArray(session, { maxLength: 4, selector: (s) => `${s.date}|${s.type}` }) }),
  areas: fc.record({ 'physical-care': area, 'health-development': area, 'family-relationships': area }),
});
type Rec = typeof record extends fc.Arbitrary<infer T> ? T : never;

/** A branch's edit: new content for some areas and maybe one added session (plain data, so a counterexample shows it). */
const edit = (keys: readonly (typeof areaKeys)[number][], sessionType: string) =>
  fc.record({ keys: fc.constant(keys), areas: fc.tuple(...keys.map(() => area)), session: fc.option(session.map((s) => ({ ...s, type: sessionType })), { nil: undefined }) });

function applied(base: Rec, e: { keys: readonly (typeof areaKeys)[number][]; areas: Rec['areas'][(typeof areaKeys)[number]][]; session: Rec['assessment']['sessions'][number] | undefined }): Rec {
  const out = structuredClone(base);
  e.keys.forEach((k, i) => (out.areas[k] = e.areas[i]!));
  const added = e.session;
  if (added && !out.assessment.sessions.some((s) => s.date === added.date && s.type === added.type)) out.assessment.sessions.push(added);
  return out;
}

describe('merging records (property)', () => {
  it('one side unchanged: the result is the other side, with no conflict', () => {
    fc.assert(
      fc.property(record, record, (base, changed) => {
        for (const [o, t] of [[base, changed], [changed, base], [changed, changed]] as const) {
          const r = mergeRecordData(base, o, t);
          expect(r.conflicts).toEqual([]);
          expect(sameData(r.value, changed)).toBe(true);
        }
      }),
    );
  });

  it('branches that change different areas merge with no conflict and keep both changes', () => {
    fc.assert(
      fc.property(record, edit(['physical-care'], 'observation'), edit(['family-relationships'], 'other'), (base, ours, theirs) => {
        const [o, t] = [applied(base, ours), applied(base, theirs)];
        const r = mergeRecordData(base, o, t);
        expect(r.conflicts).toEqual([]);
        const merged = r.value as Rec;
        expect(merged.areas['physical-care']).toEqual(o.areas['physical-care']);
        expect(merged.areas['family-relationships']).toEqual(t.areas['family-relationships']);
        expect(merged.areas['health-development']).toEqual(base.areas['health-development']);
        const sessions = new Set([...o.assessment.sessions, ...t.assessment.sessions].map((s) => JSON.stringify(s)));
        expect(new Set(merged.assessment.sessions.map((s) => JSON.stringify(s)))).toEqual(sessions);
      }),
    );
  });

  it('the conflicts do not depend on which side is ours', () => {
    fc.assert(
      fc.property(record, edit(['physical-care', 'health-development'], 'phone'), edit(['health-development', 'family-relationships'], 'phone'), (base, ours, theirs) => {
        const [o, t] = [applied(base, ours), applied(base, theirs)];
        const a = mergeRecordData(base, o, t).conflicts.map((c) => c.path.join('.'));
        const b = mergeRecordData(base, t, o).conflicts.map((c) => c.path.join('.'));
        expect(new Set(a)).toEqual(new Set(b));
      }),
    );
  });

  it('the merged text always reads back as the merged record, and is ours byte for byte when ours wins', () => {
    fc.assert(
      fc.property(record, edit(['physical-care'], 'observation'), edit(['physical-care', 'family-relationships'], 'phone'), (base, ours, theirs) => {
        const [o, t] = [applied(base, ours), applied(base, theirs)];
        const [oText, tText] = [`# a comment kept\n${stringify(o)}`, stringify(t, { indent: 4 })];
        const r = mergeRecordData(base, o, t);
        const written = mergedText(oText, tText, r.value);
        expect(sameData(parse(written, { version: '1.2', schema: 'core' }), r.value)).toBe(true);
        expect(written.startsWith('# a comment kept\n')).toBe(true);
        // The area neither branch touched keeps its bytes: the text was spliced, not rewritten.
        const untouched = /\n {2}health-development:\n[^]*?\n(?= {2}family-relationships:)/.exec(oText)?.[0];
        expect(untouched && written.includes(untouched)).toBe(true);
        expect(mergedText(oText, tText, o)).toBe(oText);
      }),
    );
  });
});
