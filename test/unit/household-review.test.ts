import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { newDraft, reviewDraft } from '../../src/interview/draft.js';
import type { PlainRecord } from '../../src/record/plain-data.js';
import { checkErrors, finalTexts, scripted, twoChildHousehold, walk } from './interview-script.js';

/**
 * A household reviewed in one sitting: one new toolkit per child, what the
 * home shares asked once, each child's voice, scores, seen and seen alone
 * asked per child.
 */

/** Two children's initial toolkits from a household interview: 1.2, 5.1-5.3, the family and a household action shared. */
function householdToolkits(): PlainRecord[] {
  const { draft } = walk(
    newDraft({ template: 'nscp-ncscp/2021', household: true, out: '.' }),
    scripted([...twoChildHousehold, [/^child1\/child\/family\/0\/lives_with_child$/, true], [/^child1\/summary\/actions\/0\/household$/, true]]),
  );
  return finalTexts(draft).map((t) => parse(t) as PlainRecord);
}

const reviewDates: [RegExp, string][] = [
  [/^assessment\/completed$/, '2021-03-20'],
  [/^assessment\/sessions\/0\/date$/, '2021-03-15'],
  [/summary\/next_review$/, '2021-06-20'],
];

describe('a household review', () => {
  const [sam, ali] = householdToolkits();
  const start = () => reviewDraft(sam ?? {}, { source: 'HH/AB-01-2021-03-01.yaml', out: 'HH', siblings: [{ source: 'HH/AB-02-2021-03-01.yaml', previous: ali ?? {} }] });
  const run = () =>
    walk(
      start(),
      scripted([
        ...reviewDates,
        [/^child\/family\/0\/still$/, false],
        [/^child\/family\/0\/since$/, '2021-03-10'],
        [/^child1\/assessment\/sessions\/0\/seen$/, true],
        [/^child1\/assessment\/sessions\/0\/seen_alone$/, true],
        [/^child2\/assessment\/sessions\/0\/seen$/, true],
        [/^child2\/assessment\/sessions\/0\/seen_alone$/, false],
        [/^areas\/family-relationships\/sections\/5\.2\/score$/, '4'],
        [/sections\/[\d.]+\/score$/, 'unchanged'],
        [/^child\d\/areas\/[a-z-]+$/, 'unchanged'],
        [/^child1\/summary\/actions\/0\/status$/, 'dropped'],
        [/^child1\/summary\/actions\/0\/reason$/, 'The food bank closed; a pantry instead.'],
        [/summary\/actions\/more\/\d+$/, false],
        [/^child1\/review\//, 'Sam: better.'],
        [/^child2\/review\//, 'Ali: the same.'],
        [/^child2\/child_voice\/gathered$/, 'observation'],
      ]),
    );

  it('writes one review toolkit per child, each valid, each reviewing its own toolkit', () => {
    const { draft } = run();
    const texts = finalTexts(draft);
    expect(texts).toHaveLength(2);
    for (const text of texts) expect(checkErrors(text)).toEqual([]);
    const [first, second] = texts.map((t) => parse(t) as Record<string, any>);
    expect([first?.child.ref, second?.child.ref]).toEqual(['AB-01', 'AB-02']);
    expect([first?.assessment.type, second?.assessment.type]).toEqual(['review', 'review']);
    expect([first?.assessment.previous, second?.assessment.previous]).toEqual(['2021-03-01', '2021-03-01']);
    expect(second?.assessment.completed).toBe('2021-03-20');
  });

  it('asks what the home shares once: the shared sections, the family, a household action', () => {
    const { draft, asked } = run();
    const [first, second] = finalTexts(draft).map((t) => parse(t) as Record<string, any>);
    for (const key of ['1.2', '5.1', '5.2', '5.3']) expect(asked.filter((q) => q.id.endsWith(`sections/${key}/score`)).map((q) => q.id)).toEqual([`areas/${key === '1.2' ? 'physical-care' : 'family-relationships'}/sections/${key}/score`]);
    expect(first?.areas['family-relationships'].sections['5.2'].score).toBe(4);
    expect(second?.areas['family-relationships'].sections).toEqual(first?.areas['family-relationships'].sections);
    // A child's own area left unchanged keeps the score the household gave its shared section this time.
    expect(second?.areas['physical-care'].sections['1.2']).toEqual(first?.areas['physical-care'].sections['1.2']);
    expect(first?.assessment.household_shared).toEqual(['1.2', '5.1', '5.2', '5.3', 'family']);
    expect(second?.assessment.household_shared).toEqual(['1.2', '5.1', '5.2', '5.3', 'family']);
    // No "same for every child?" about sections or the family: last time's sharing carries forward. The analysis is this review's own.
    expect(asked.filter((q) => /^household\//.test(q.id)).map((q) => q.id)).toEqual(['household/shared/analysis']);
    expect(asked.filter((q) => q.id.includes('family/0/still')).map((q) => q.id)).toEqual(['child/family/0/still']);
    expect(second?.child.family[0]).toMatchObject({ name: 'Dee', lives_with_child: false, since: '2021-03-10' });
    expect(asked.filter((q) => /summary\/actions\/0\/status$/.test(q.id)).map((q) => q.id)).toEqual(['child1/summary/actions/0/status']);
    expect(second?.summary.actions[0]).toMatchObject({ household: true, dropped: '2021-03-20', reason: 'The food bank closed; a pantry instead.' });
    expect(asked.filter((q) => q.id === 'assessment/completed')).toHaveLength(1);
  });

  it('asks seen and seen alone, the voice, the review questions and the plan per child', () => {
    const { draft, asked } = run();
    const [first, second] = finalTexts(draft).map((t) => parse(t) as Record<string, any>);
    expect(first?.assessment.sessions[0]).toMatchObject({ seen: true, seen_alone: true });
    expect(second?.assessment.sessions[0]).toMatchObject({ seen: true, seen_alone: false });
    expect([first?.child_voice.gathered, second?.child_voice.gathered]).toEqual([['words'], ['observation']]);
    expect([first?.review.significant_harm, second?.review.significant_harm]).toEqual(['Sam: better.', 'Ali: the same.']);
    expect(asked.find((q) => q.id === 'child2/review/significant_harm')?.message).toMatch(/^\[Ali\] Review: /);
    expect(asked.filter((q) => q.id.endsWith('summary/next_review')).map((q) => q.id)).toEqual(['child1/summary/next_review', 'child2/summary/next_review']);
  });

  it('shares again only what every child\'s toolkit still holds alike: a section changed in one file since is asked per child', () => {
    const edited = structuredClone(ali ?? {}) as any;
    edited.areas['family-relationships'].sections['5.2'].score = 4;
    const draft = reviewDraft(sam ?? {}, { source: 'a.yaml', out: '.', siblings: [{ source: 'b.yaml', previous: edited }] });
    expect(Object.entries(draft.answers).filter(([, a]) => a === true).map(([id]) => id)).toEqual(['household/shared/family', 'household/shared/1.2', 'household/shared/5.1', 'household/shared/5.3']);
    const { draft: done, asked } = walk(draft, scripted([...reviewDates, [/^child\d\/areas\/family-relationships$/, 'assess'], [/sections\/[\d.]+\/score$/, 'unchanged'], [/summary\/actions\/more\/\d+$/, false], [/review\//, 'No.']]));
    expect(asked.filter((q) => q.id.endsWith('sections/5.2/score')).map((q) => q.id)).toEqual(['child1/areas/family-relationships/sections/5.2/score', 'child2/areas/family-relationships/sections/5.2/score']);
    const [, second] = finalTexts(done).map((t) => parse(t) as Record<string, any>);
    expect(second?.areas['family-relationships'].sections['5.2'].score).toBe(4);
  });

  it('takes each sibling\'s own answers from its document, and what the home shares from the first', () => {
    const draft = reviewDraft(sam ?? {}, {
      source: 'a.yaml',
      out: '.',
      answers: { assessment: { completed: '2021-03-20', sessions: [{ date: '2021-03-15', type: 'meeting', seen: true, seen_alone: true }] } },
      siblings: [{ source: 'b.yaml', previous: ali ?? {}, answers: { child: { ref: 'AB-02' }, assessment: { sessions: [{ seen: true, seen_alone: false }] } } }],
    });
    expect(draft.records[1]?.assessment).toMatchObject({ type: 'review', previous: '2021-03-01', completed: '2021-03-20', sessions: [{ date: '2021-03-15', type: 'meeting', seen: true, seen_alone: false }] });
  });
});

describe("Mary Jo and Tyler reviewed together", () => {
  const read = (file: string) => parse(readFileSync(file, 'utf8'), { version: '1.2', schema: 'core' }) as PlainRecord;
  const maryJo = read('fixtures/mary-jo/MJ-01-2020-09-29.yaml');
  const tyler = read('fixtures/mary-jo/MJ-02-2020-09-29.yaml');

  it('asks once about an adult on both children\'s lists, and each child about the people only on theirs', () => {
    const draft = reviewDraft(maryJo, { source: 'MJ-01.yaml', out: '.', siblings: [{ source: 'MJ-02.yaml', previous: tyler }] });
    const { draft: done, asked } = walk(
      draft,
      scripted([
        [/^assessment\/completed$/, '2020-12-15'],
        [/^assessment\/sessions\/0\/date$/, '2020-12-01'],
        [/^child1\/child\/family\/1\/still$/, false],
        [/^child1\/child\/family\/1\/since$/, '2020-11-01'],
        [/sections\/[\d.]+\/score$/, 'unchanged'],
        [/^child\d\/areas\/[a-z-]+$/, 'unchanged'],
        [/summary\/actions\/\d+\/status$/, 'open'],
        [/summary\/actions\/more\/\d+$/, false],
        [/review\//, 'No indication.'],
        [/summary\/next_review$/, '2021-03-16'],
      ]),
    );
    const stillAsked = asked.filter((q) => q.id.endsWith('/still')).map((q) => q.message);
    expect(stillAsked).toEqual([
      "[Mary Jo] Kerry (mother): still living in the child's home?",
      "[Mary Jo] Wayne (mother's partner (Tyler's father)): still living in the child's home?",
      "[Mary Jo] Tyler (half-brother): still living in the child's home?",
      "[Mary Jo] Pat (maternal grandmother): still living away from the child's home?",
      "[Tyler] Mary Jo (half-sister): still living in the child's home?",
    ]);
    const [mj, ty] = finalTexts(done).map((t) => parse(t) as Record<string, any>);
    // Wayne is "father" on Tyler's list: his move is recorded there too, in Tyler's own words for him.
    expect(ty?.child.family[1]).toEqual({ name: 'Wayne', relationship: 'father', lives_with_child: false, since: '2020-11-01' });
    expect(mj?.child.family[1]).toMatchObject({ lives_with_child: false, since: '2020-11-01' });
    for (const text of finalTexts(done)) expect(checkErrors(text)).toEqual([]);
  });
});
