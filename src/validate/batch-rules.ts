import type { Finding } from './finding.js';
import type { ParsedRecord } from '../read/yaml-document.js';
import type { CheckedRecord } from './validate-record.js';

/** A checked record with the means to place findings that only a batch can see. */
export interface BatchEntry {
  checked: CheckedRecord;
  parsed: ParsedRecord | null;
}

/**
 * Rules that need the other files of the batch: the same child and date in
 * two files is an error; an overdue review matters only on a child's latest
 * record (an older record's review date was met by the review that followed).
 */
export function batchFindings(entries: readonly BatchEntry[], today: string): Finding[] {
  const out: Finding[] = [];
  const at = (entry: BatchEntry, path: (string | number)[]) => entry.parsed?.locate(path, 'value') ?? null;
  const byChild = new Map<string, BatchEntry[]>();
  for (const entry of entries) {
    const record = entry.checked.record;
    if (!record) continue;
    const list = byChild.get(record.child.ref) ?? [];
    list.push(entry);
    byChild.set(record.child.ref, list);
  }
  for (const [ref, list] of byChild) {
    const byDate = new Map<string, BatchEntry[]>();
    for (const e of list) {
      const date = e.checked.record!.assessment.completed;
      byDate.set(date, [...(byDate.get(date) ?? []), e]);
    }
    for (const [date, same] of byDate) {
      if (same.length < 2) continue;
      for (const e of same) {
        const others = same.filter((o) => o !== e).map((o) => o.checked.file);
        const pos = at(e, ['assessment', 'completed']);
        out.push({
          file: e.checked.file,
          line: pos?.line ?? null,
          column: pos?.column ?? null,
          severity: 'error',
          code: 'duplicate-record',
          path: 'assessment.completed',
          message: `child ${ref} already has a toolkit completed on ${date} in ${others.join(', ')}; one child has one toolkit per date`,
        });
      }
    }
    const latest = list.reduce((a, b) => (b.checked.record!.assessment.completed > a.checked.record!.assessment.completed ? b : a));
    const next = latest.checked.record!.summary?.next_review;
    if (next !== undefined && next < today) {
      const pos = at(latest, ['summary', 'next_review']);
      out.push({
        file: latest.checked.file,
        line: pos?.line ?? null,
        column: pos?.column ?? null,
        severity: 'warning',
        code: 'review-overdue',
        path: 'summary.next_review',
        message: `the review due on ${next} is overdue (today is ${today})`,
      });
    }
  }
  return out;
}
