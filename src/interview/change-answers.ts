import type { Answer, Draft } from './draft.js';
import { applyAnswer, nextQuestion, type WalkEnv } from './interview-walk.js';
import type { Question } from './question.js';

/**
 * Going back and changing answers. A draft is its start plus its answers
 * applied in the order the walk asks for them, so any change is the same
 * walk replayed with one answer different: what a changed answer makes
 * irrelevant (a person no longer added, an area now skipped) falls away, and
 * what it newly asks for comes up as the next question.
 */

/** A new draft marked with how it begins, before any question: the state every change replays from. */
export function withStart(draft: Draft): Draft {
  if (draft.start) return draft;
  return { ...draft, start: { records: structuredClone(draft.records), answers: structuredClone(draft.answers) } };
}

/** Replays `answers` from the draft's start while the walk reaches them; the questions answered, in order. */
function replay(draft: Draft, answers: Record<string, Answer>, env: WalkEnv): { draft: Draft; answered: Question[] } | null {
  if (!draft.start) return null;
  let current: Draft = { ...draft, records: structuredClone(draft.start.records), answers: structuredClone(draft.start.answers) };
  delete current.partial;
  delete current.later;
  const answered: Question[] = [];
  for (let q = nextQuestion(current, env); q && Object.hasOwn(answers, q.id); q = nextQuestion(current, env)) {
    current = applyAnswer(current, q, answers[q.id] ?? null);
    answered.push(q);
  }
  // Later answers wait for their questions to come back; taken-back ones stay offered.
  const waiting = Object.fromEntries(Object.entries(answers).filter(([id]) => !Object.hasOwn(current.answers, id)));
  if (Object.keys(waiting).length > 0) current.later = waiting;
  if (draft.undone) current.undone = draft.undone;
  return { draft: current, answered };
}

/** The questions answered so far, in the order they were asked (none for a draft saved without its start). */
export function answeredQuestions(draft: Draft, env: WalkEnv): Question[] {
  return replay(draft, draft.answers, env)?.answered ?? [];
}

/**
 * One question back: the last answer is taken back and its question comes
 * next, offering that answer again. Null when there is nothing to go back to.
 */
export function stepBack(draft: Draft, env: WalkEnv): Draft | null {
  const last = answeredQuestions(draft, env).at(-1);
  if (!last) return null;
  const { [last.id]: taken, ...rest } = draft.answers;
  const back = replay(draft, rest, env);
  if (!back) return null;
  delete back.draft.later;
  back.draft.undone = { ...draft.undone, [last.id]: taken ?? null };
  return back.draft;
}

/** The draft with one earlier answer changed; the answers after it are kept wherever they still apply. */
export function changeAnswer(draft: Draft, id: string, answer: Answer, env: WalkEnv): Draft {
  return replay(draft, { ...draft.answers, [id]: answer }, env)?.draft ?? draft;
}

/** The part of the record a question belongs to, as the check screen lists them; in a household, whose. */
export function partOf(question: Question, env: WalkEnv, household: boolean): string {
  const child = /^child(\d+)\//.exec(question.id);
  const path = question.id.slice(child?.[0].length ?? 0);
  const parts: [RegExp, string][] = [
    [/^child\/family\//, 'Family and people the notes name'],
    [/^(child|household\/more)\//, 'Child'],
    [/^assessment\/contributors\//, 'Practitioners'],
    [/^assessment\/sessions\//, 'Sessions'],
    [/^assessment\//, 'Assessment'],
    [/^household\/shared\//, 'Sections scored once for the household'],
    [/^child_voice\//, "Child's voice"],
    [/^review\//, 'Review questions'],
    [/^summary\//, 'Summary and plan'],
    [/^edit\//, 'Who is editing'],
  ];
  const areaKey = /^areas\/([^/]+)/.exec(path)?.[1];
  const area = env.template.template.areas.find((a) => a.key === areaKey);
  const name = area ? `Area ${area.number}: ${area.title}` : (parts.find(([pattern]) => pattern.test(path))?.[1] ?? 'Other');
  return household && child ? `${name} (child ${child[1]})` : name;
}
