/**
 * A finding is one thing `ntk` has to say about a record: an error (the record
 * is wrong), a warning (practice the guidance asks for is missing) or a prompt
 * (a conversation to have; never a decision). Findings are plain data so every
 * renderer - pretty, JSON, GitHub annotations, the summary sheet - shows the same.
 */
import { severityOf, type FindingCode } from './finding-codes.js';

export type Severity = 'error' | 'warning' | 'prompt';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface Finding {
  file: string;
  line: number | null;
  column: number | null;
  severity: Severity;
  /** A stable kebab-case code scripts can match on, e.g. `score-range`: one of the registry's (finding-codes.ts). */
  code: FindingCode;
  /** Dotted path in the record, e.g. `areas.physical-care.sections.1.1.score`; empty for the whole file. */
  path: string;
  /** A sentence a practitioner understands. */
  message: string;
}

/** A finding at a position in a file, or at no position (line and column null); its severity is its code's. */
export function findingAt(file: string, position: Position | null | undefined, what: Pick<Finding, 'code' | 'path' | 'message'>): Finding {
  return { file, line: position?.line ?? null, column: position?.column ?? null, severity: severityOf(what.code), code: what.code, path: what.path, message: what.message };
}

/** A path into a record: object keys and array indexes. */
export type RecordPath = readonly (string | number)[];

export function pathToString(path: RecordPath): string {
  return path.map(String).join('.');
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, prompt: 2 };

/** File order, then position (findings without one last), then severity. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = a.line ?? Number.MAX_SAFE_INTEGER;
  const lb = b.line ?? Number.MAX_SAFE_INTEGER;
  if (la !== lb) return la - lb;
  const ca = a.column ?? 0;
  const cb = b.column ?? 0;
  if (ca !== cb) return ca - cb;
  return severityOrder[a.severity] - severityOrder[b.severity];
}

/**
 * Puts each of `added` into `sorted` at its place in the documented order
 * (compareFindings), after the findings it ties with: what a stable sort of
 * both gives. A checked file's own findings come sorted and the batch rules
 * add one or two: a few comparisons a file, where sorting them all again
 * was dozens.
 */
export function placeEach(sorted: Finding[], added: readonly Finding[]): void {
  for (const f of added) {
    let k = sorted.length;
    sorted.push(f);
    while (k > 0 && compareFindings(sorted[k - 1]!, f) > 0) {
      sorted[k] = sorted[k - 1]!;
      k--;
    }
    sorted[k] = f;
  }
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  prompts: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, prompts: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.prompts++;
  }
  return counts;
}

/**
 * What a format of `ntk check` needs to know of the whole batch before its
 * first finding: the files checked, the counts of every finding and of
 * those shown (`--quiet` shows errors only), how many files have errors and
 * how many have something shown, and the codes shown. Counts, not the
 * findings themselves.
 */
export interface FindingsTotals {
  files: number;
  all: FindingCounts;
  shown: FindingCounts;
  filesWithErrors: number;
  filesShown: number;
  /** The codes of the findings shown, once each, sorted. */
  codes: FindingCode[];
}
