import type { Answer, Draft } from './draft.js';
import { deletePath, getPath, setPath, type DataPath, type PlainRecord } from '../record/plain-data.js';
import type { Choice, Question, QuestionKind } from './question.js';

/** Which records a question writes to: every child's (shared answers) or one child's. */
export type Scope = 'all' | number;

export function scopeRecords(draft: Draft, scope: Scope): PlainRecord[] {
  if (scope === 'all') return draft.records;
  const one = draft.records[scope];
  return one ? [one] : [];
}

/** The record whose values decide whether a question is already answered. */
export function scopeRecord(draft: Draft, scope: Scope): PlainRecord {
  return draft.records[scope === 'all' ? 0 : scope] ?? {};
}

export function questionId(scope: Scope, path: DataPath): string {
  return `${scope === 'all' ? '' : `child${scope + 1}/`}${path.join('/')}`;
}

export interface FieldSpec {
  kind: QuestionKind;
  message: string;
  context?: string[];
  choices?: Choice[];
  details?: Record<string, string>;
  required?: boolean;
  check?: (value: string) => string | null;
  default?: string | boolean;
  keep?: string;
  fallback?: Answer;
  /** How the answer is stored (scores are numbers); the typed text by default; undefined clears the field. */
  store?: (answer: string | boolean) => unknown;
}

/**
 * A question that fills one field of the record directly. It counts as
 * answered when the field already holds an acceptable value.
 */
export function fieldQuestion(draft: Draft, scope: Scope, path: DataPath, spec: FieldSpec): Question {
  const present = getPath(scopeRecord(draft, scope), path);
  const check = spec.check ?? (() => null);
  let givenProblem: string | undefined;
  if (present !== undefined) {
    if (spec.choices) {
      if (!spec.choices.some((c) => c.value === String(present))) givenProblem = `${JSON.stringify(present)} is not one of ${spec.choices.map((c) => c.value).join(', ')}`;
    } else if (typeof present === 'string') {
      givenProblem = check(present) ?? undefined;
    } else if (spec.kind !== 'confirm') {
      givenProblem = `expected text, got ${JSON.stringify(present)}`;
    }
  }
  return {
    id: questionId(scope, path),
    ...asked(spec),
    field: path.join('.'),
    ...(spec.keep !== undefined ? { keep: spec.keep } : {}),
    check,
    given: present !== undefined && givenProblem === undefined,
    ...(givenProblem !== undefined ? { givenProblem } : {}),
    apply(d, answer) {
      // A store may say "nothing" (undefined): the field is cleared on purpose.
      const value = answer === null || answer === '' ? undefined : spec.store ? spec.store(answer) : answer;
      for (const record of scopeRecords(d, scope)) {
        if (value === undefined) deletePath(record, path);
        else setPath(record, path, value);
      }
    },
  };
}

/** A question whose answer steers the walk (skip an area, add another session) and is kept only in the draft. */
export function stepQuestion(
  id: string,
  spec: Omit<FieldSpec, 'store'> & { field?: string; given?: boolean; apply?: (draft: Draft, answer: Answer) => void },
): Question {
  return {
    id,
    ...asked(spec),
    field: spec.field ?? id,
    check: spec.check ?? (() => null),
    given: spec.given ?? false,
    apply: spec.apply ?? (() => undefined),
  };
}

/** What a question shows and how it is answered, the same whether its answer goes into the record or steers the walk. */
function asked(spec: Omit<FieldSpec, 'store'>): Pick<Question, 'kind' | 'message' | 'context' | 'choices' | 'details' | 'default' | 'fallback' | 'required'> {
  return {
    kind: spec.kind,
    message: spec.message,
    context: spec.context ?? [],
    ...(spec.choices ? { choices: spec.choices } : {}),
    ...(spec.details ? { details: spec.details } : {}),
    ...(spec.default !== undefined ? { default: spec.default } : {}),
    ...(spec.fallback !== undefined ? { fallback: spec.fallback } : {}),
    required: spec.required ?? false,
  };
}
