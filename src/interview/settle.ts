import type { Draft } from './draft.js';
import { partOf } from './change-answers.js';
import { applyAnswer, nextQuestion, type WalkEnv } from './interview-walk.js';

/**
 * Finishes a draft without a terminal: what the answers file left out is
 * left out of the record where it may be, and listed where it may not
 * (required fields, and values the answers file gave that cannot be used).
 */
export function settleWithoutTerminal(draft: Draft, env: WalkEnv): { draft: Draft; missing: string[] } {
  let current = draft;
  const missing: string[] = [];
  for (;;) {
    const question = nextQuestion(current, env);
    if (!question) return { draft: current, missing };
    const fallback = question.fallback ?? null;
    const unanswerable = question.givenProblem !== undefined || (question.required && fallback === null);
    if (question.givenProblem) missing.push(`${question.field} (${question.givenProblem})`);
    else if (unanswerable) missing.push(question.field);
    current = applyAnswer(current, question, unanswerable ? null : fallback);
  }
}

/**
 * The parts of the record a draft has not reached yet, in interview order:
 * what an interview stopped part-way still needs from the practitioner.
 */
export function partsStillToAsk(draft: Draft, env: WalkEnv): string[] {
  const parts = new Set<string>();
  let current = draft;
  for (let question = nextQuestion(current, env); question; question = nextQuestion(current, env)) {
    parts.add(partOf(question, env, draft.household));
    current = applyAnswer(current, question, question.fallback ?? null);
  }
  return [...parts];
}
