import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { answeredQuestions, changeAnswer, partOf, stepBack, withStart } from '../../src/interview/change-answers.js';
import { newDraft, reviewDraft, type Draft } from '../../src/interview/draft.js';
import { applyAnswer, nextQuestion } from '../../src/interview/interview-walk.js';
import type { PlainRecord } from '../../src/record/plain-data.js';
import { promptsRaised } from '../../src/interview/practice-prompts.js';
import { partsStillToAsk } from '../../src/interview/settle.js';
import { env, finalTexts, checkErrors, scripted, walk } from './interview-script.js';

const fresh = (): Draft => withStart(newDraft({ template: 'nscp-ncscp/2021', household: false, out: '.' }));

describe('going back and changing answers', () => {
  it('steps back one question, offering the answer given there again', () => {
    const { draft } = walk(fresh(), scripted(), 6);
    const before = nextQuestion(draft, env);
    const back = stepBack(draft, env);
    if (!back) throw new Error('no step back');
    const again = nextQuestion(back, env);
    expect(again?.id).not.toBe(before?.id);
    expect(back.undone?.[again?.id ?? '']).toBe(draft.answers[again?.id ?? '']);
    expect(Object.hasOwn(back.answers, again?.id ?? '')).toBe(false);
    // Nothing to go back to before the first question.
    expect(stepBack(fresh(), env)).toBeNull();
  });

  it('changes one answer of a finished interview and keeps every other answer that still applies', () => {
    const { draft } = walk(fresh(), scripted());
    expect(nextQuestion(draft, env)).toBeUndefined();
    const changed = changeAnswer(draft, 'assessment/sessions/0/date', '2021-02-18', env);
    expect(nextQuestion(changed, env)).toBeUndefined();
    const [text] = finalTexts(changed);
    expect(text).toContain('date: 2021-02-18');
    expect(text).toContain('Food bank referral');
    expect(checkErrors(text ?? '')).toEqual([]);
  });

  it('asks what a changed answer newly needs, and drops what it makes irrelevant', () => {
    const { draft } = walk(fresh(), scripted());
    // Add a second action where there was none: its questions come next; the rest is kept.
    const more = changeAnswer(draft, 'child1/summary/actions/more/1', true, env);
    expect(nextQuestion(more, env)?.id).toBe('child1/summary/actions/1/action');
    const { draft: done } = walk(more, scripted([[/actions\/1\/action$/, 'School breakfast club'], [/actions\/more\/2$/, false]]));
    expect(finalTexts(done)[0]).toContain('School breakfast club');
    expect(finalTexts(done)[0]).toContain('next_review: 2021-06-01');
    // Physical care no longer assessed: its scores are gone from the record and from the answers.
    const skipped = changeAnswer(draft, 'child1/areas/physical-care', 'skip', env);
    const { draft: finished } = walk(skipped, scripted());
    expect(finalTexts(finished)[0]).not.toContain('physical-care');
    expect(Object.keys(finished.answers).some((id) => id.includes('physical-care/sections'))).toBe(false);
  });

  it('lists the answers part by part for the check screen', () => {
    const { draft } = walk(fresh(), scripted());
    const parts = [...new Set(answeredQuestions(draft, env).map((q) => partOf(q, env, false)))];
    expect(parts).toEqual([
      'Child',
      'Family and people the notes name',
      'Assessment',
      'Practitioners',
      'Sessions',
      'Area 1: Physical care',
      'Area 2: Health and development',
      'Area 3: Safety and supervision',
      'Area 4: Emotional warmth',
      'Area 5: Family and relationships',
      'Area 6: Boundaries and values',
      'Area 7: Commitment and change',
      "Child's voice",
      'Summary and plan',
    ]);
  });

  it('names the parts a half-done draft has not reached', () => {
    const { draft } = walk(fresh(), scripted(), 20);
    const missing = partsStillToAsk(draft, env);
    expect(missing).toContain('Area 1: Physical care');
    expect(missing).toContain("Child's voice");
    expect(missing).toContain('Summary and plan');
  });
});

describe('scores in a review', () => {
  const previous = parse(readFileSync('fixtures/mary-jo/MJ-01-2020-09-29.yaml', 'utf8'), { version: '1.2', schema: 'core' }) as PlainRecord;
  /** The score question of a section in a review that goes through that section's area. */
  function reviewAt(section: string) {
    const script = scripted([[/areas\/physical-care$/, 'assess'], [/areas\/[a-z-]+$/, 'unchanged']]);
    let current = reviewDraft(previous, { source: 'x.yaml', out: '.' });
    for (let q = nextQuestion(current, env); q; q = nextQuestion(current, env)) {
      if (q.id.endsWith(`sections/${section}/score`)) return q;
      current = applyAnswer(current, q, script(q));
    }
    throw new Error(`never asked ${section}`);
  }

  it('offers no "unchanged" for a section not assessed last time, and never stands in a number for it', () => {
    const withoutSection = structuredClone(previous);
    delete (withoutSection.areas as Record<string, { sections: Record<string, unknown> }>)['physical-care']?.sections['1.2'];
    const script = scripted([[/areas\/physical-care$/, 'assess'], [/areas\/[a-z-]+$/, 'unchanged']]);
    let current = reviewDraft(withoutSection, { source: 'x.yaml', out: '.' });
    for (let q = nextQuestion(current, env); q; q = nextQuestion(current, env)) {
      if (q.id.endsWith('sections/1.2/score')) {
        expect(q.choices?.map((c) => c.value)).toEqual(['1', '2', '3', '4', 'not-assessed', 'not-relevant']);
        expect(q.default).toBeUndefined();
        expect(q.fallback).toBe('not-assessed');
        return;
      }
      current = applyAnswer(current, q, script(q));
    }
    throw new Error('1.2 never asked');
  });

  it('lists the scores 1 to 4 first, so a digit is the score with that number, and has no default', () => {
    const q = reviewAt('1.1');
    expect(q.kind).toBe('score');
    expect(q.choices?.slice(0, 4).map((c) => c.value)).toEqual(['1', '2', '3', '4']);
    expect(q.choices?.map((c) => c.value)).toContain('unchanged');
    expect(q.default).toBeUndefined();
  });
});

describe('practice prompts as the answers come', () => {
  it('raises the domestic-abuse reminder as soon as 5.2 is scored 3, and only once', () => {
    let current = fresh();
    const script = scripted([[/areas\/family-relationships$/, 'assess'], [/sections\/5\.2\/score$/, '3']]);
    for (let q = nextQuestion(current, env); q; q = nextQuestion(current, env)) {
      const next = applyAnswer(current, q, script(q));
      const raised = promptsRaised(current, next, env);
      if (q.id.endsWith('5.2/score')) {
        expect(raised.join('\n')).toContain('section 5.2 is scored 3');
        expect(raised.join('\n')).toContain('DASH RIC');
        return;
      }
      expect(raised.join('\n')).not.toContain('DASH RIC');
      current = next;
    }
    throw new Error('5.2 never asked');
  });
});

describe("carers' own views", () => {
  const family: [RegExp, string | boolean | null][] = [
    [/child\/family\/more\/[01]$/, true],
    [/child\/family\/more\/2$/, false],
    [/child\/family\/0\/name$/, 'Dee'],
    [/child\/family\/0\/relationship$/, 'mother'],
    [/child\/family\/1\/name$/, 'Sam'],
    [/child\/family\/1\/relationship$/, 'father'],
    [/lives_with_child$/, true],
  ];

  it('asks each carer at home where they place themselves, and keeps their scores side by side', () => {
    const script = scripted([...family, [/1\.1\/carer\/0$/, '2'], [/1\.1\/carer\/1$/, '4'], [/\/carer\/\d$/, null]]);
    const { draft, asked } = walk(fresh(), script);
    const q = asked.find((a) => a.id.endsWith('sections/1.1/carer/1'));
    expect(q?.message).toBe('1.1 Food and feeding: where does Sam (father) place themselves?');
    expect(q?.details?.['4']).toContain('4 Most essential needs unmet:');
    expect(asked.some((a) => a.id.endsWith('1.1/parent_score'))).toBe(false);
    const [text = ''] = finalTexts(draft);
    expect(text).toContain('carer_scores:\n          - carer: Dee\n            score: 2\n          - carer: Sam\n            score: 4\n');
    expect(checkErrors(text)).toEqual([]);
  });

  it('keeps a single answer as the parent score', () => {
    const script = scripted([...family, [/1\.1\/carer\/0$/, '2'], [/\/carer\/\d$/, null]]);
    const [text = ''] = finalTexts(walk(fresh(), script).draft);
    expect(text).toContain('"1.1":\n        score: 3\n        parent_score: 2\n');
    expect(text).not.toContain('carer_scores');
  });
});
