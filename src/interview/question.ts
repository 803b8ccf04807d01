import type { Answer, Draft } from './draft.js';

/** `score`: a list of scores that opens on none, its digit keys meaning the score with that number. */
export type QuestionKind = 'text' | 'long' | 'date' | 'select' | 'score' | 'confirm';

export interface Choice {
  value: string;
  name: string;
}

/**
 * One question of an interview, as data: what to show, how to check an
 * answer and where the answer goes. The prompt layer only displays it.
 */
export interface Question {
  /** Stable id, the key of the answer in the draft, e.g. child1/areas/physical-care/sections/1.1/score. */
  id: string;
  kind: QuestionKind;
  /** The record field it fills, as named when it is missing, e.g. child.ref. */
  field: string;
  message: string;
  /** What to read before answering: descriptions, descriptors, what was recorded last time. */
  context: string[];
  choices?: Choice[];
  /** What each choice means, by its value (a score's descriptor), shown with the list. */
  details?: Record<string, string>;
  /** Suggested answer on a terminal (Enter accepts it). */
  default?: string | boolean;
  /** Long text kept when the answer is left empty (edit and review show what is there). */
  keep?: string;
  required: boolean;
  /** The answer taken without a terminal when nothing was given; undefined leaves the field out. */
  fallback?: Answer;
  /** Why a typed answer cannot be used, or null when it can. */
  check(value: string): string | null;
  /** Already answered by the record itself (answers file, carried forward from the last toolkit). */
  given: boolean;
  /** Why the value the answers file gave was not accepted; the question is asked again. */
  givenProblem?: string;
  /** Writes the answer into the draft's records (the draft is a private copy). */
  apply(draft: Draft, answer: Answer): void;
}
