import { scoresBySection } from '../record/sections.js';
import type { Decision, ToolkitRecord } from '../record/types.js';
import type { TemplateIndex } from '../template/load-template.js';

/**
 * The little a caseload report needs from one record. Extracted where the
 * record is read (possibly in a worker thread) so a batch keeps these few
 * fields per file, never the records themselves.
 */
export interface CaseloadFacts {
  ref: string;
  household: string | null;
  template: string;
  type: 'initial' | 'review';
  completed: string;
  decision: Decision | null;
  nextReview: string | null;
  /**
   * Section scores by section key, for the sibling and drift rules across a
   * child's or a household's records, and for the areas of a child's latest
   * record (areaFacts): worked out only for the rows shown, so a caseload of
   * 50,000 files does not keep seven small objects for each of them.
   */
  scores: Record<string, number>;
  /** The plan's due and done dates (an action without a date is never overdue). */
  actions: { by?: string; done?: string }[];
}

export interface AreaFacts {
  key: string;
  /** Section keys at scores the template calls worrying (3 or 4 of a 1-4 scale), in template order. */
  worrying: string[];
  /** How many sections are at each score of the template's scale, best first. */
  counts: number[];
}

/**
 * Every area of the template, in its order, from a record's scores. A record
 * the report shows has no errors, so each of its sections is in its own area
 * (record-rules' unknown-section), and scores by section key say it all.
 */
/** One empty list for every area with nothing worrying (most of them): a caseload's rows share it rather than holding 50,000 x 7 empty lists. */
const NOTHING_WORRYING: string[] = Object.freeze([]) as unknown as string[];

export function areaFacts(scores: Readonly<Record<string, number>>, template: TemplateIndex): AreaFacts[] {
  return template.template.areas.map((tArea): AreaFacts => {
    const counts: AreaFacts['counts'] = template.scores.map(() => 0);
    const worrying: string[] = [];
    for (const tSection of tArea.sections) {
      const score = Object.hasOwn(scores, tSection.key) ? scores[tSection.key] : undefined;
      if (score === undefined) continue;
      counts[template.scores.indexOf(score)]!++;
      if (template.isWorrying(score)) worrying.push(tSection.key);
    }
    return { key: tArea.key, worrying: worrying.length > 0 ? worrying : NOTHING_WORRYING, counts };
  });
}

export function caseloadFacts(record: ToolkitRecord): CaseloadFacts {
  return {
    ref: record.child.ref,
    household: record.child.household ?? null,
    template: record.template,
    type: record.assessment.type,
    completed: record.assessment.completed,
    decision: record.summary?.decision ?? null,
    nextReview: record.summary?.next_review ?? null,
    scores: scoresBySection(record),
    actions: planDates(record),
  };
}

/**
 * Built by push, not map: map's list has holes to V8 until filled, and a
 * list with holes crosses from a worker thread element by element, arriving
 * with room for 16 - 100 bytes more a record, 50,000 times over.
 */
function planDates(record: ToolkitRecord): CaseloadFacts['actions'] {
  const actions: CaseloadFacts['actions'] = [];
  for (const { by, done } of record.summary?.actions ?? []) actions.push({ ...(by ? { by } : {}), ...(done ? { done } : {}) });
  return actions;
}

/**
 * Facts as a batch keeps them until its report is built: the strings many
 * files share (a template, a type, a decision, a date) one copy of each, in
 * an object made with all its fields at once. A worker's facts arrive with
 * copies of their own, in an object built field by field, whose fields
 * beyond the first four are held in a second object.
 */
export function keptFacts(facts: CaseloadFacts, shared: (text: string) => string): CaseloadFacts {
  return {
    ref: facts.ref,
    household: facts.household,
    template: shared(facts.template),
    type: shared(facts.type) as CaseloadFacts['type'],
    completed: shared(facts.completed),
    decision: facts.decision === null ? null : (shared(facts.decision) as Decision),
    nextReview: facts.nextReview === null ? null : shared(facts.nextReview),
    scores: facts.scores,
    actions: facts.actions.map(({ by, done }) => ({ ...(by !== undefined ? { by: shared(by) } : {}), ...(done !== undefined ? { done: shared(done) } : {}) })),
  };
}
