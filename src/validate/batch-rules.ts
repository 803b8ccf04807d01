import { findingAt, type Finding, type Position } from '../record/finding.js';
import type { ParsedRecord } from '../read/yaml-document.js';
import type { CheckedRecord } from './validate-record.js';

/**
 * What the batch rules need from one record that passed the schema: a few
 * fields and where they are. Small on purpose, so a batch of 50,000 files
 * keeps these rather than the parsed records.
 */
export interface BatchEntry {
  file: string;
  ref: string;
  completed: string;
  completedAt: Position | null;
  nextReview: string | null;
  nextReviewAt: Position | null;
}

export function batchEntryOf(checked: CheckedRecord, parsed: ParsedRecord): BatchEntry | null {
  const record = checked.record;
  if (!record) return null;
  const nextReview = record.summary?.next_review ?? null;
  return {
    file: checked.file,
    ref: record.child.ref,
    completed: record.assessment.completed,
    completedAt: parsed.locate(['assessment', 'completed'], 'value'),
    nextReview,
    nextReviewAt: nextReview === null ? null : parsed.locate(['summary', 'next_review'], 'value'),
  };
}

/**
 * Rules that need the other files of the batch: the same child and date in
 * two files is an error; an overdue review matters only on a child's latest
 * record (an older record's review date was met by the review that followed).
 */
export function batchFindings(entries: readonly BatchEntry[], today: string): Finding[] {
  const out: Finding[] = [];
  // Run once over 10,000 entries, mostly before the JIT has warmed up: no [key, value] pair or reduce callback per child.
  const byChild = groupBy(entries, (e) => e.ref);
  for (const list of byChild.values()) {
    // Most children have one record: no duplicates to look for, and nothing to allocate.
    if (list.length > 1) out.push(...duplicateFindings(list[0]!.ref, list));
    let latest = list[0]!;
    for (let i = 1; i < list.length; i++) if (list[i]!.completed > latest.completed) latest = list[i]!;
    const next = latest.nextReview;
    if (next !== null && next < today) {
      out.push(
        findingAt(latest.file, latest.nextReviewAt, {
          code: 'review-overdue',
          path: 'summary.next_review',
          message: `the review due on ${next} is overdue (today is ${today})`,
        }),
      );
    }
  }
  return out;
}

/** The same child and date in two or more files: an error in each of them. */
function duplicateFindings(ref: string, list: readonly BatchEntry[]): Finding[] {
  const out: Finding[] = [];
  // A child's records nearly always have different dates: make sure of that first, without building a map.
  if (!list.some((e, i) => list.findIndex((o) => o.completed === e.completed) !== i)) return out;
  for (const [date, same] of groupBy(list, (e) => e.completed)) {
    if (same.length < 2) continue;
    for (const e of same) {
      const others = same.filter((o) => o !== e).map((o) => o.file);
      out.push(
        findingAt(e.file, e.completedAt, {
          code: 'duplicate-record',
          path: 'assessment.completed',
          message: `child ${ref} already has a toolkit completed on ${date} in ${others.join(', ')}; one child has one toolkit per date`,
        }),
      );
    }
  }
  return out;
}

/** Entries grouped by a key, in first-seen order. */
function groupBy(entries: readonly BatchEntry[], key: (e: BatchEntry) => string): Map<string, BatchEntry[]> {
  const groups = new Map<string, BatchEntry[]>();
  for (const e of entries) {
    const k = key(e);
    const group = groups.get(k);
    if (group) group.push(e);
    else groups.set(k, [e]);
  }
  return groups;
}
