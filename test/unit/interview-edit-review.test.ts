import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editDraft, reviewDraft } from '../../src/interview/draft.js';
import { spliceEdit, withLastEdits } from '../../src/interview/edit-splice.js';
import { interviewQuestions, nextQuestion } from '../../src/interview/interview-walk.js';
import type { PlainRecord } from '../../src/record/plain-data.js';
import { finishedRecord } from '../../src/interview/finished-record.js';
import { settleWithoutTerminal } from '../../src/interview/settle.js';
import { checkErrors, env, finalTexts, scripted, walk } from './interview-script.js';

const fixture = 'fixtures/mary-jo/MJ-01-2020-09-29.yaml';
const original = readFileSync(fixture, 'utf8');
const record = parse(original, { version: '1.2', schema: 'core' }) as PlainRecord;

describe('ntk edit', () => {
  const edited = () => {
    const draft = editDraft(record, { file: fixture, areas: ['health-development'], by: 'dent1' });
    const script = scripted([
      [/contributors\/\d+\/role$/, 'Dental nurse'],
      [/sections\/2\.1\/score$/, '3'],
      [/sections\/2\.1\/evidence$/, 'Seen by the dentist 2/10; filling booked.'],
      // Sections the dentist does not change keep what is there (the default on a terminal).
      [/sections\/2\.[23]\/score$/, '3'],
    ]);
    const run = walk(draft, (q) => (/2\.[23]\/(parent_score|evidence)$|\/(strengths|concerns|impact)$/.test(q.id) ? (q.keep ?? q.default ?? null) : script(q)));
    return { run, result: finishedRecord(run.draft, 0, env.template) };
  };

  it('asks only about the named areas, showing what is there', () => {
    const { run } = edited();
    const outside = run.asked.filter((q) => !q.id.startsWith('child1/areas/health-development') && !/^child1\/assessment\/contributors\/\d+\//.test(q.id));
    // Beside the area, only whether the editor has a session of their own to add.
    expect(outside.map((q) => q.id)).toEqual(['assessment/sessions/more/4']);
    const score = run.asked.find((q) => q.id.endsWith('2.2/score'));
    expect(score?.default).toBe('3');
    expect(score?.context.join('\n')).toContain('Now: 3 Some essential needs unmet (parent: 2)');
  });

  it('credits the editor with what they changed, and keeps the original author on the rest', () => {
    const { result } = edited();
    const sections = (result.areas as any)['health-development'].sections;
    expect(sections['2.1']).toEqual({ score: 3, by: 'dent1', parent_score: 2, evidence: 'Seen by the dentist 2/10; filling booked.' });
    expect(sections['2.2'].by).toBe('sn1');
    expect(sections['2.3'].by).toBe('ct1');
    expect((result.assessment as any).contributors.at(-1)).toEqual({ id: 'dent1', role: 'Dental nurse' });
  });

  it('changes only the edited lines of the file: comments and layout elsewhere stay byte for byte', () => {
    const { result } = edited();
    const text = spliceEdit(original, record, result);
    expect(text).not.toBeNull();
    expect(checkErrors(text ?? '')).toEqual([]);
    const before = original.split('\n');
    const after = (text ?? '').split('\n');
    const changedBefore = before.filter((l) => !after.includes(l));
    const changedAfter = after.filter((l) => !before.includes(l));
    expect(changedBefore.join('\n')).toContain('decayed lower molar');
    expect(changedAfter).toEqual(expect.arrayContaining(['        by: dent1', '        evidence: Seen by the dentist 2/10; filling booked.', '    - id: dent1', '      role: Dental nurse']));
    // Everything outside the area and the new contributor is the same text: the contributor goes in
    // just before `involvement:`, the area between its neighbours.
    const involvement = original.indexOf('  involvement:');
    const start = original.indexOf('  health-development:');
    const end = original.indexOf('  safety-supervision:');
    expect((text ?? '').startsWith(original.slice(0, involvement))).toBe(true);
    expect((text ?? '').includes(original.slice(involvement, start))).toBe(true);
    expect((text ?? '').endsWith(original.slice(end))).toBe(true);
    // Inside the edited area too, the sections left as they were keep their bytes (folded lines and all).
    expect(text).toContain(original.slice(original.indexOf('      "2.2":'), original.indexOf('    strengths:', start)));
  });

  it('a second agency adds its own session; only what it changed is credited to it, and the record says who last changed what', () => {
    const draft = editDraft(record, { file: fixture, areas: ['health-development'], by: 'dent1' });
    const script = scripted([
      [/contributors\/\d+\/role$/, 'Dental nurse'],
      [/^assessment\/sessions\/more\/4$/, true],
      [/^assessment\/sessions\/4\/date$/, '2020-09-25'],
      [/^assessment\/sessions\/4\/type$/, 'observation'],
      [/^assessment\/sessions\/4\/by$/, 'dent1'],
      [/^assessment\/sessions\/4\/seen_alone$/, false],
      [/^assessment\/sessions\/4\/note$/, 'Dental check at school.'],
      [/sections\/2\.1\/score$/, '4'],
      [/sections\/2\.1\/parent_score$/, '3'],
      [/sections\/2\.2\/score$/, '2'],
      [/sections\/2\.3\/score$/, '3'],
    ]);
    const run = walk(draft, (q) => (/\/(evidence|strengths|concerns|impact)$|2\.[23]\/parent_score$/.test(q.id) ? (q.keep ?? q.default ?? null) : script(q)));
    const result = finishedRecord(run.draft, 0, env.template);
    const sections = (result.areas as any)['health-development'].sections;
    // 2.1: only the parent's own score changed - the school nurse's score and evidence stay hers.
    expect(sections['2.1'].by).toBe('sn1');
    expect(sections['2.1'].parent_score).toBe(3);
    // 2.2: a new score is the dental nurse's.
    expect(sections['2.2'].by).toBe('dent1');
    expect(sections['2.3'].by).toBe('ct1');
    const final = withLastEdits(record, result, '2020-09-28');
    const contributors = (final.assessment as any).contributors;
    expect(contributors.at(-1)).toEqual({ id: 'dent1', role: 'Dental nurse', last_edit: { date: '2020-09-28', sections: ['2.2'] } });
    expect(contributors.filter((c: any) => c.last_edit)).toHaveLength(1);
    const text = spliceEdit(original, record, final) ?? '';
    expect(checkErrors(text)).toEqual([]);
    const added = text.split('\n').filter((l) => !original.split('\n').includes(l));
    expect(added).toEqual(expect.arrayContaining(['    - date: 2020-09-25', '      type: observation', '      by: dent1', '      note: Dental check at school.']));
    // The session goes after the last one, before the contributors: everything before it is untouched.
    const contributorsAt = original.indexOf('  contributors:');
    expect(text.startsWith(original.slice(0, contributorsAt - 1))).toBe(true);
  });

  it('without a terminal needs the editor; the rest of an area it does not give stays as it was', () => {
    const missing = settleWithoutTerminal(editDraft(record, { file: fixture, areas: ['health-development'] }), env).missing;
    expect(missing).toEqual(['editor (--by ID)']);
    const { draft } = settleWithoutTerminal(editDraft(record, { file: fixture, areas: ['health-development'], by: 'sn1' }), env);
    expect(spliceEdit(original, record, finishedRecord(draft, 0, env.template))).toBe(original);
  });
});

describe('ntk review', () => {
  const start = () => reviewDraft(record, { source: fixture, out: '/tmp/out' });

  it('carries the child, household, contributors and plan forward and sets type and previous', () => {
    const working = start().records[0] as any;
    expect(working.child).toEqual(record.child);
    expect(working.assessment).toEqual({ type: 'review', previous: '2020-09-29', contributors: (record.assessment as any).contributors });
    expect(working.summary.actions).toEqual((record.summary as any).actions);
  });

  it('shows the last scores; an unchanged area or section is one answer', () => {
    const dates: [RegExp, string][] = [
      [/^assessment\/completed$/, '2020-12-15'],
      [/^assessment\/sessions\/0\/date$/, '2020-12-01'],
    ];
    const draft = walk(start(), scripted(dates), 200).draft;
    const gate = interviewQuestions(draft, env).find((q) => q.id === 'child1/areas/safety-supervision');
    expect(gate?.default).toBe('unchanged');
    expect(gate?.context.join('\n')).toContain('3.1 With the carer present: last time 3');
    const script = scripted([
      ...dates,
      [/^child1\/areas\/physical-care$/, 'assess'],
      [/^child1\/areas\/[a-z-]+$/, 'unchanged'],
      [/sections\/1\.1\/score$/, '2'],
      [/sections\/1\.[234]\/score$/, 'unchanged'],
      [/summary\/actions\/\d+\/done$/, null],
      [/summary\/actions\/more\/\d+$/, false],
      [/^child1\/review\//, 'Yes: breakfast club every day.'],
      [/summary\/lead_consulted$/, '2020-12-15'],
      [/summary\/next_review$/, '2021-03-16'],
    ]);
    const { draft: done, asked } = walk(start(), script);
    const [text] = finalTexts(done);
    expect(checkErrors(text ?? '')).toEqual([]);
    const result = parse(text ?? '') as any;
    const before = record as any;
    expect(result.areas['physical-care'].sections['1.1'].score).toBe(2);
    expect(result.areas['physical-care'].sections['1.2']).toEqual(before.areas['physical-care'].sections['1.2']);
    expect(result.areas['emotional-warmth']).toEqual(before.areas['emotional-warmth']);
    expect(Object.keys(result.review)).toEqual(['support_working', 'circumstances_changed', 'needs_increased', 'significant_harm', 'improvement_sustained', 'celebrated']);
    expect(asked.filter((q) => q.id.includes('emotional-warmth'))).toHaveLength(1);
  });

  it('asks nothing more of an area kept as it was, not even a parent\'s score or a text it never had', () => {
    const sparse = structuredClone(record) as any;
    delete sparse.areas['physical-care'].sections['1.1'].parent_score;
    delete sparse.areas['physical-care'].strengths;
    const { asked } = walk(
      reviewDraft(sparse, { source: fixture, out: '/tmp/out' }),
      scripted([
        [/^assessment\/completed$/, '2020-12-15'],
        [/^assessment\/sessions\/0\/date$/, '2020-12-01'],
        [/^child1\/areas\/[a-z-]+$/, 'unchanged'],
        [/summary\/actions\/more\/\d+$/, false],
        [/^child1\/review\//, 'Yes.'],
        [/summary\/next_review$/, '2021-03-16'],
      ]),
    );
    expect(asked.filter((q) => q.id.includes('physical-care')).map((q) => q.id)).toEqual(['child1/areas/physical-care']);
  });

  it('without a terminal keeps every unchanged area and needs only the date and the answer about significant harm', () => {
    const settled = settleWithoutTerminal(start(), env);
    expect(settled.missing).toEqual(['assessment.completed', 'review.significant_harm']);
    const given = reviewDraft(record, {
      source: fixture,
      out: '.',
      answers: { assessment: { completed: '2020-12-15' }, summary: { next_review: '2021-03-16' }, review: { significant_harm: 'No indication.' } },
    });
    const { draft, missing } = settleWithoutTerminal(given, env);
    expect(missing).toEqual([]);
    expect(nextQuestion(draft, env)).toBeUndefined();
    const result = parse(finalTexts(draft)[0] ?? '') as any;
    expect(result.areas).toEqual((record as any).areas);
    expect(checkErrors(finalTexts(draft)[0] ?? '')).toEqual([]);
  });

  it('updates the family, drops an action with its reason, shows the last evidence and what improved before asking about celebrating', () => {
    const script = scripted([
      [/^assessment\/completed$/, '2020-12-15'],
      [/^assessment\/sessions\/0\/date$/, '2020-12-01'],
      [/^child1\/child\/family\/1\/still$/, false],
      [/^child1\/child\/family\/1\/since$/, '2020-11-01'],
      [/^child1\/areas\/physical-care$/, 'assess'],
      [/^child1\/areas\/[a-z-]+$/, 'unchanged'],
      [/sections\/1\.1\/score$/, '2'],
      [/sections\/1\.[234]\/score$/, 'unchanged'],
      [/^child1\/summary\/actions\/0\/status$/, 'done'],
      [/^child1\/summary\/actions\/0\/done$/, '2020-10-01'],
      [/^child1\/summary\/actions\/1\/status$/, 'dropped'],
      [/^child1\/summary\/actions\/1\/reason$/, 'Free school meals started instead'],
      [/summary\/actions\/more\/\d+$/, false],
      [/^child1\/review\//, 'Yes.'],
      [/summary\/next_review$/, '2021-03-16'],
    ]);
    const { draft, asked } = walk(start(), script);
    const result = parse(finalTexts(draft)[0] ?? '') as any;
    expect(checkErrors(finalTexts(draft)[0] ?? '')).toEqual([]);
    expect(result.child.family[1]).toMatchObject({ name: 'Wayne', lives_with_child: false, since: '2020-11-01' });
    expect(asked.find((q) => q.id === 'child1/child/family/1/still')?.message).toContain("Wayne (mother's partner (Tyler's father)): still living in the child's home?");
    expect(result.summary.actions[0].done).toBe('2020-10-01');
    expect(result.summary.actions[1]).toMatchObject({ dropped: '2020-12-15', reason: 'Free school meals started instead' });
    expect(result.summary.actions[1].done).toBeUndefined();
    expect(asked.find((q) => q.id.endsWith('sections/1.1/score'))?.context.join('\n')).toMatch(/Evidence then: \S/);
    expect(asked.find((q) => q.id === 'child1/review/celebrated')?.context.join('\n')).toContain('Improved since the last toolkit: 1.1 Food and feeding 4 -> 2');
    const harm = asked.find((q) => q.id === 'child1/review/significant_harm');
    expect(harm?.required).toBe(true);
    expect(harm?.check('')).toMatch(/answer this one/);
  });
});
