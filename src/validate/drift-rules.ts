import type { TemplateIndex } from '../template/load-template.js';
import { daysBetween } from '../record/dates.js';

/**
 * Drift: a plan that is not keeping to its dates, or a concern that is not
 * shifting. Neglect is cumulative and the guidance asks reviewers to notice
 * care "failing to improve"; these rules point at it across a child's
 * toolkits. Each is a prompt to look again, never a decision.
 */

/** One of a child's toolkits as the drift rules need it. */
export interface DriftToolkit {
  completed: string;
  nextReview: string | null;
  /** Section scores by section key. */
  scores: Readonly<Record<string, number>>;
  /** The plan's actions: when each is due (one without a date is never overdue) and, if recorded, when it was done. */
  actions: readonly { by?: string; done?: string }[];
}

export type DriftFlag =
  /** An action of the latest plan is past its date and not recorded as done. */
  | { code: 'drift-action-overdue'; action: number; by: string; days: number }
  /** A review came later than the toolkit before it planned, or the latest planned review has not come. */
  | { code: 'drift-review-late'; planned: string; held: string | null; days: number }
  /** A section at a worrying score (3 or 4 of nscp-ncscp/2021's scale) at three or more toolkits in a row, never better than where it started. */
  | { code: 'drift-no-improvement'; section: string; since: string; toolkits: number; score: number };

/** Three assessments is the guidance's pattern of "failing to improve", not one bad visit. */
const NOT_IMPROVING_AFTER = 3;

/** Drift over one child's toolkits (any order), as of `today`, on the child's template's scale. */
export function driftFlags(toolkits: readonly DriftToolkit[], today: string, scale: Pick<TemplateIndex, 'isWorrying' | 'rank'>): DriftFlag[] {
  const ordered = [...toolkits].sort((a, b) => a.completed.localeCompare(b.completed));
  const latest = ordered[ordered.length - 1];
  if (!latest) return [];
  const out: DriftFlag[] = [];
  latest.actions.forEach((a, i) => {
    if (a.by !== undefined && a.done === undefined && a.by < today) out.push({ code: 'drift-action-overdue', action: i, by: a.by, days: daysBetween(a.by, today) });
  });
  ordered.forEach((t, i) => {
    if (t.nextReview === null) return;
    const next = ordered[i + 1];
    const held = next ? next.completed : null;
    const late = held ?? today;
    if (late > t.nextReview) out.push({ code: 'drift-review-late', planned: t.nextReview, held, days: daysBetween(t.nextReview, late) });
  });
  out.push(...notImproving(ordered, scale));
  return out;
}

/**
 * Section keys in number order ("5.2" before "5.10"); one collator, as
 * localeCompare with options builds one per call, which was most of a
 * caseload report's own time. Built on first use, not as the module loads:
 * building it takes about 6 ms, and every command that checks a record loads
 * this module whether or not it looks for drift.
 */
let collator: Intl.Collator | undefined;
const bySectionKey = (a: string, b: string): number => (collator ??= new Intl.Collator('en', { numeric: true })).compare(a, b);

/** Runs of worrying scores that never got better than where they began; reported once, at their longest. */
function notImproving(ordered: readonly DriftToolkit[], { isWorrying, rank }: Pick<TemplateIndex, 'isWorrying' | 'rank'>): DriftFlag[] {
  // Most children of a caseload have fewer toolkits than a run needs: nothing to list their sections for.
  if (ordered.length < NOT_IMPROVING_AFTER) return [];
  const keys = new Set(ordered.flatMap((t) => Object.keys(t.scores)));
  const out: DriftFlag[] = [];
  for (const key of [...keys].sort(bySectionKey)) {
    let start = -1;
    for (let i = 0; i <= ordered.length; i++) {
      const score = ordered[i]?.scores[key];
      const continues = score !== undefined && isWorrying(score) && (start < 0 || rank(score) >= rank(ordered[start]!.scores[key]!));
      if (continues && start < 0) start = i;
      if (continues) continue;
      if (start >= 0 && i - start >= NOT_IMPROVING_AFTER) {
        out.push({ code: 'drift-no-improvement', section: key, since: ordered[start]!.completed, toolkits: i - start, score: ordered[i - 1]!.scores[key]! });
      }
      start = score !== undefined && isWorrying(score) ? i : -1;
    }
  }
  return out;
}
