import { readFileSync } from 'node:fs';
import type { Finding } from '../validate/finding.js';
import { isCachedFinding, TextTable, type RunFinding } from './cache-format.js';

/**
 * The last run's whole answer: every finding, batch rules included, in
 * order, and the day it was worked out for. It sits beside the cache's
 * rows (`check-….answer.json`) and names the rows it was worked out with by
 * the time they were written: rows written again make an old answer
 * worthless, and a crash between the two writes leaves an answer that no
 * longer matches, never a wrong one. Kept apart from the rows because it
 * changes every day (overdue reviews) while the rows change only with the
 * files: a new day rewrites a few hundred kilobytes, not the whole cache.
 */
export interface AnswerFile {
  /** `writtenAt` of the rows file this answer goes with. */
  rowsWrittenAt: number;
  today: string;
  /** Every severity, code, path and message in the findings, once. */
  strings: string[];
  findings: RunFinding[];
}

/** Where the answer of the cache at `place` is kept. */
export function answerPlace(place: string): string {
  return place.replace(/\.json$/, '.answer.json');
}

/**
 * The answer saved at `place` if it goes with the rows written at
 * `rowsWrittenAt` and holds for `today`, as findings under this run's
 * `files` (the same list as the rows'); null otherwise, or when it is
 * damaged in any way.
 */
export function readAnswer(place: string, rowsWrittenAt: number, today: string, files: readonly string[]): Finding[] | null {
  let saved: Partial<AnswerFile>;
  try {
    saved = JSON.parse(readFileSync(answerPlace(place), 'utf8')) as Partial<AnswerFile>;
  } catch {
    return null;
  }
  if (saved === null || typeof saved !== 'object' || saved.rowsWrittenAt !== rowsWrittenAt || saved.today !== today) return null;
  const { strings, findings: kept } = saved;
  if (!Array.isArray(strings) || !Array.isArray(kept)) return null;
  const texts = new TextTable(strings);
  const findings: Finding[] = [];
  // No copies or callbacks per finding: an answer holds 10,000 of them.
  for (const f of kept) {
    const finding = isCachedFinding(f, 7) ? texts.finding(files[f[0]], f[1], f[2], f[3], f[4], f[5], f[6]) : null;
    if (finding === null) return null;
    findings.push(finding);
  }
  return findings;
}

/**
 * This run's findings as an answer to save, or null if one names a file
 * outside the run (it could not be given again). Findings come in the order
 * of the sorted files, so each one's file is found by walking both lists
 * together, without a map of 10,000 names.
 */
export function answerOf(findings: readonly Finding[], files: readonly string[], today: string, rowsWrittenAt: number): AnswerFile | null {
  const texts = new TextTable();
  const id = (text: string) => texts.id(text);
  const kept: RunFinding[] = [];
  let file = 0;
  for (const f of findings) {
    while (file < files.length && files[file] !== f.file) file++;
    if (file === files.length) return null;
    kept.push([file, f.line, f.column, id(f.severity), id(f.code), id(f.path), id(f.message)]);
  }
  return { rowsWrittenAt, today, strings: texts.texts, findings: kept };
}
