import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { newDraft } from '../../src/interview/draft.js';
import { getPath } from '../../src/record/plain-data.js';
import { interviewQuestions, nextQuestion } from '../../src/interview/interview-walk.js';
import { schemaReference } from '../../src/interview/finished-record.js';
import { settleWithoutTerminal } from '../../src/interview/settle.js';
import { checkErrors, env, finalTexts, scripted, throughDraftFile, twoChildHousehold, walk } from './interview-script.js';

const start = () => newDraft({ template: 'nscp-ncscp/2021', household: false, out: '/tmp/out' });

describe('the interview walk', () => {
  it('asks what was done about the domestic-abuse reminder once 5.2 raises it, and only then; check words it with the reminder', () => {
    const script = scripted([
      [/areas\/family-relationships$/, 'assess'],
      [/sections\/5\.2\/score$/, '3'],
      [/sections\/5\.2\/reminder_response$/, 'Asked Kerry alone about fear and control; none described. DASH RIC not needed.'],
    ]);
    const { draft, asked } = walk(start(), script);
    const ids = asked.map((q) => q.id);
    expect(ids.indexOf('child1/areas/family-relationships/sections/5.2/reminder_response')).toBe(ids.indexOf('child1/areas/family-relationships/sections/5.2/evidence') + 1);
    expect(ids.filter((id) => id.endsWith('/reminder_response'))).toEqual(['child1/areas/family-relationships/sections/5.2/reminder_response']);
    const [text] = finalTexts(draft);
    expect(checkErrors(text ?? '')).toEqual([]);
    const section = (parse(text ?? '') as Record<string, any>).areas['family-relationships'].sections['5.2'];
    expect(section.reminder_response).toBe('Asked Kerry alone about fear and control; none described. DASH RIC not needed.');
    // Scored 2 with nothing described, 5.2 raises no reminder and nothing more is asked.
    const calm = walk(start(), scripted([[/areas\/family-relationships$/, 'assess']]));
    expect(calm.asked.some((q) => q.id.endsWith('/reminder_response'))).toBe(false);
  });

  it('walks the template: a complete interview gives a record that passes ntk check', () => {
    const { draft, asked } = walk(start(), scripted());
    const [text] = finalTexts(draft);
    // Written to /tmp/out, in no repository with a schema copy: no schema line, never a path of this machine.
    expect(text).toMatch(/^format: neglect-toolkit\/1\n/);
    expect(checkErrors(text ?? '')).toEqual([]);
    const record = parse(text ?? '') as Record<string, any>;
    expect(record.areas['physical-care'].sections['1.1']).toEqual({ score: 3, by: 'hv1', parent_score: 2, evidence: 'Seen at the visit on 20/2.' });
    expect(record.areas['physical-care'].sections['1.3']).toEqual({ not_relevant: 'Wears school uniform provided by the school.' });
    expect(record.areas['physical-care'].sections['1.4']).toBeUndefined();
    // Skipped areas are left out, and their sections never asked.
    expect(Object.keys(record.areas)).toEqual(['physical-care', 'emotional-warmth']);
    expect(asked.some((q) => q.id.includes('health-development/sections'))).toBe(false);
    // The questions come from the template: every section of an assessed area is asked, with its descriptors.
    const question = asked.find((q) => q.id === 'child1/areas/physical-care/sections/1.2/score');
    expect(question?.details?.['4']).toContain(env.template.section('1.2')?.section.descriptors['4']);
    expect(question?.kind).toBe('score');
    expect(question?.choices?.map((c) => c.value)).toEqual(['1', '2', '3', '4', 'not-assessed', 'not-relevant']);
  });

  it('asks what the home is usually like with home conditions only, not with the other household-wide sections', () => {
    const homeAsked = (overrides: Parameters<typeof scripted>[0]) => walk(start(), scripted(overrides)).asked.filter((q) => /assessment\/(home\/|outside_help)/.test(q.id)).map((q) => q.id);
    // 5.1-5.3 are the same for every child too, but they are not the home: scored without 1.2, nothing about the home is asked.
    expect(homeAsked([[/areas\/physical-care$/, 'skip'], [/areas\/family-relationships$/, 'assess']])).toEqual([]);
    expect(homeAsked([])).toEqual(['child1/assessment/home/usual', 'child1/assessment/home/recent_change', 'child1/assessment/outside_help']);
  });

  it('records the people in the child\'s life when the practitioner adds them, so the sheet and redaction know them', () => {
    const script = scripted([
      [/^child1\/child\/family\/more\/0$/, true],
      [/^child1\/child\/family\/0\/name$/, 'Dee'],
      [/^child1\/child\/family\/0\/relationship$/, 'mother'],
      [/^child1\/child\/family\/0\/lives_with_child$/, true],
      [/^child1\/child\/family\/more\/1$/, true],
      [/^child1\/child\/family\/1\/name$/, 'Ray'],
      [/^child1\/child\/family\/1\/relationship$/, 'grandfather'],
      [/^child1\/child\/family\/1\/lives_with_child$/, false],
    ]);
    const [text] = finalTexts(walk(start(), script).draft);
    expect(checkErrors(text ?? '')).toEqual([]);
    expect((parse(text ?? '') as Record<string, any>).child.family).toEqual([
      { name: 'Dee', relationship: 'mother', lives_with_child: true },
      { name: 'Ray', relationship: 'grandfather', lives_with_child: false },
    ]);
    // Not adding anyone is the default: the list is left out.
    const [none] = finalTexts(walk(start(), scripted()).draft);
    expect((parse(none ?? '') as Record<string, any>).child.family).toBeUndefined();
  });

  it('gives the same file when stopped after any answer and resumed from the saved draft', () => {
    const script = scripted();
    const whole = walk(start(), script);
    const expected = finalTexts(whole.draft);
    for (let stop = 0; stop <= whole.asked.length; stop += 3) {
      const first = walk(start(), script, stop);
      const resumed = walk(throughDraftFile(first.draft), script);
      expect(finalTexts(resumed.draft)).toEqual(expected);
      expect(first.asked.length + resumed.asked.length).toBe(whole.asked.length);
    }
  });

  it('re-asks an answer that breaks a rule, with the reason', () => {
    const draft = walk(start(), scripted(), 6).draft;
    const completed = nextQuestion(draft, env);
    expect(completed?.id).toBe('assessment/completed');
    expect(completed?.check('2019-02-30')).toBe('2019-02-30 is not a real date (February 2019 has 28 days)');
    expect(completed?.check('2021-05-01')).toMatch(/is in the future/);
    expect(completed?.check('2014-01-01')).toMatch(/before the child was born/);
    const ref = walk(start(), scripted(), 2).draft;
    expect(nextQuestion(ref, env)?.check('-bad ref')).toMatch(/letters, digits/);
  });

  it('checks sessions against the completed date and the next review against it too', () => {
    const { asked } = walk(start(), scripted());
    const session = asked.find((q) => q.id === 'assessment/sessions/0/date');
    expect(session?.check('2021-03-05')).toMatch(/after the date the toolkit is completed/);
    const review = asked.find((q) => q.id === 'child1/summary/next_review');
    expect(review?.check('2021-03-01')).toMatch(/must be after/);
  });
});

describe('answers without a terminal', () => {
  it('takes a partial record and names what is missing', () => {
    const draft = newDraft({ template: 'nscp-ncscp/2021', household: false, out: '.', answers: [{ child: { name: 'Sam' }, assessment: { sessions: [{ type: 'phone' }] } }] });
    const { missing } = settleWithoutTerminal(draft, env);
    expect(missing).toEqual(['child.ref', 'assessment.completed', 'assessment.sessions.0.date']);
  });

  it('names a value it cannot use, with the reason', () => {
    const draft = newDraft({ template: 'nscp-ncscp/2021', household: false, out: '.', answers: [{ child: { ref: 'X1' }, assessment: { completed: '2021-02-30' } }] });
    expect(settleWithoutTerminal(draft, env).missing).toEqual(['assessment.completed (2021-02-30 is not a real date (February 2021 has 28 days))']);
  });

  it('asks only what the answers leave out, and nothing at all for a complete set', () => {
    const answers = parse(finalTexts(walk(start(), scripted()).draft)[0] ?? '') as Record<string, unknown>;
    const draft = newDraft({ template: 'nscp-ncscp/2021', household: false, out: '.', answers: [answers] });
    const settled = settleWithoutTerminal(draft, env);
    expect(settled.missing).toEqual([]);
    expect(finalTexts(settled.draft)).toEqual(finalTexts(walk(start(), scripted()).draft));
    const partial = structuredClone(answers) as Record<string, any>;
    delete partial.summary.next_review;
    const pending = interviewQuestions(newDraft({ template: 'nscp-ncscp/2021', household: false, out: '.', answers: [partial] }), env)
      .filter((q) => !q.given)
      .map((q) => q.id);
    expect(pending).toContain('child1/summary/next_review');
    expect(pending).not.toContain('child1/child/ref');
    expect(pending).not.toContain('assessment/completed');
    expect(pending).not.toContain('child1/areas/physical-care/sections/1.1/score');
  });
});

describe('a household', () => {
  it('asks shared questions once and writes them identically into each child\'s file', () => {
    const script = scripted([
      [/^child\/household$/, 'H-1'],
      [/^household\/more\/1$/, true],
    ]);
    const { draft, asked } = walk(newDraft({ template: 'nscp-ncscp/2021', household: true, out: '.' }), script);
    const [first, second] = finalTexts(draft).map((t) => parse(t) as Record<string, any>);
    expect(checkErrors(finalTexts(draft)[0] ?? '')).toEqual([]);
    expect(checkErrors(finalTexts(draft)[1] ?? '')).toEqual([]);
    expect(first?.child.ref).toBe('AB-01');
    expect(second?.child.ref).toBe('AB-02');
    expect(second?.assessment).toEqual(first?.assessment);
    expect(second?.child.household).toBe('H-1');
    expect(second?.areas['physical-care'].sections['1.2']).toEqual(first?.areas['physical-care'].sections['1.2']);
    expect(asked.filter((q) => q.id.endsWith('sections/1.2/score')).map((q) => q.id)).toEqual(['areas/physical-care/sections/1.2/score']);
    expect(asked.filter((q) => q.id === 'assessment/completed')).toHaveLength(1);
    // What is about the child is asked per child and may differ.
    expect(first?.areas['emotional-warmth'].sections['4.1'].score).toBe(2);
    expect(second?.areas['emotional-warmth'].sections['4.1'].score).toBe(1);
    expect(first?.child_voice).not.toEqual(second?.child_voice);
    expect(asked.find((q) => q.id === 'child2/child_voice/working_well')?.message).toBe("Ali's own words: what is working well?");
  });
});

describe('a household: what is the same for every child is asked once, what is each child\'s stays theirs', () => {
  const run = () =>
    walk(
      newDraft({ template: 'nscp-ncscp/2021', household: true, out: '.' }),
      scripted([
        ...twoChildHousehold,
        [/areas\/family-relationships\/concerns$/, 'Shouting most evenings.'],
        [/^child1\/assessment\/sessions\/0\/seen$/, true],
        [/^child1\/assessment\/sessions\/0\/seen_alone$/, true],
        [/^child2\/assessment\/sessions\/0\/seen$/, true],
        [/^child2\/assessment\/sessions\/0\/seen_alone$/, false],
        [/^household\/shared\/analysis$/, true],
        [/^child1\/summary\/actions\/0\/household$/, true],
      ]),
    );

  it('asks 5.1-5.3 once for both children and writes them identically; the impact stays per child', () => {
    const { draft, asked } = run();
    const [first, second] = finalTexts(draft).map((t) => parse(t) as Record<string, any>);
    for (const key of ['5.1', '5.2', '5.3']) expect(asked.filter((q) => q.id.endsWith(`sections/${key}/score`)).map((q) => q.id)).toEqual([`areas/family-relationships/sections/${key}/score`]);
    expect(second?.areas['family-relationships'].sections).toEqual(first?.areas['family-relationships'].sections);
    expect(second?.areas['family-relationships'].concerns).toBe('Shouting most evenings.');
    expect(asked.filter((q) => q.id.endsWith('family-relationships/impact')).map((q) => q.id)).toEqual(['child1/areas/family-relationships/impact', 'child2/areas/family-relationships/impact']);
    expect(first?.assessment.household_shared).toEqual(['1.2', '5.1', '5.2', '5.3', 'family', 'analysis']);
    // The practice questions of the guidance: the usual home and help from outside with home conditions, once for the home; explanations once; how each child was heard, per child.
    expect(asked.filter((q) => /home\/recent_change$|outside_help$|explanations\/more\/0$/.test(q.id)).map((q) => q.id)).toEqual([
      'assessment/home/recent_change',
      'assessment/outside_help',
      'assessment/explanations/more/0',
    ]);
    expect(second?.assessment.home).toEqual({ recent_change: 'unchanged' });
    expect([first?.child_voice.gathered, second?.child_voice.gathered]).toEqual([['words'], ['words']]);
    for (const text of finalTexts(draft)) expect(checkErrors(text)).toEqual([]);
  });

  it('records only the child actually seen alone as seen alone', () => {
    const { draft, asked } = run();
    const [first, second] = finalTexts(draft).map((t) => parse(t) as Record<string, any>);
    expect(asked.find((q) => q.id === 'child2/assessment/sessions/0/seen_alone')?.message).toBe('[Ali] Was Ali seen on their own?');
    expect(first?.assessment.sessions[0]).toMatchObject({ seen: true, seen_alone: true });
    expect(second?.assessment.sessions[0]).toMatchObject({ seen: true, seen_alone: false });
  });

  it('asks the family list, the analysis and a household action once', () => {
    const { draft, asked } = run();
    const [first, second] = finalTexts(draft).map((t) => parse(t) as Record<string, any>);
    expect(second?.child.family).toEqual(first?.child.family);
    expect(asked.some((q) => q.id.startsWith('child2/child/family/'))).toBe(false);
    expect(second?.summary.analysis).toBe(first?.summary.analysis);
    expect(asked.some((q) => q.id === 'child2/summary/analysis')).toBe(false);
    expect(second?.summary.actions).toEqual([{ action: 'Food bank referral', who: 'Health visitor', by: '2021-03-10', household: true }]);
  });

  it('takes each child\'s own seen answers from an answers file, never the first child\'s', () => {
    const first = { child: { ref: 'A-1', household: 'H' }, assessment: { completed: '2021-03-01', sessions: [{ date: '2021-02-01', type: 'meeting', seen: true, seen_alone: true }] } };
    const second = { child: { ref: 'A-2' }, assessment: { sessions: [{ seen: true, seen_alone: false }] } };
    const draft = newDraft({ template: 'nscp-ncscp/2021', household: true, out: '.', answers: [first, second] });
    expect(getPath(draft.records[1], ['assessment', 'sessions', 0])).toEqual({ date: '2021-02-01', type: 'meeting', seen: true, seen_alone: false });
    const third = newDraft({ template: 'nscp-ncscp/2021', household: true, out: '.', answers: [first, { child: { ref: 'A-2' } }] });
    expect(getPath(third.records[1], ['assessment', 'sessions', 0])).toEqual({ date: '2021-02-01', type: 'meeting' });
  });
});

describe('the schema line', () => {
  it("points to the repository's schema copy relatively, and is left out where there is none", () => {
    expect(schemaReference('fixtures/mary-jo/MJ-09-2021-01-01.yaml')).toBe('../../schemas/toolkit.schema.json');
    expect(schemaReference('/tmp/elsewhere/record.yaml')).toBeNull();
  });
});
