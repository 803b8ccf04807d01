// The layout of a check cache file, and how a saved one is read back with
// care (check-cache.ts says what the cache is for).
import type { Finding, Severity } from '../validate/finding.js';
import { isFindingCode } from '../validate/finding-codes.js';

/** The layout of the cache file; a new one starts a new cache, even within one version of ntk. */
export const CACHE_FORMAT = 3;

/**
 * One file's line in the cache, as arrays rather than objects: a warm run
 * parses and keeps 10,000 of these, and arrays of plain values parse faster,
 * take less room on disk and leave less for the garbage collector. The file
 * name is kept once, in the cache's list of files, not in every finding.
 */
export type CachedRow = [size: number, mtimeMs: number, ctimeMs: number, hash: string, entry: CachedEntry | 0, findings?: CachedFinding[]];
export type CachedEntry = [ref: string, completed: string, line: number, column: number, nextReview: string | null, nextLine: number, nextColumn: number];
/** Severity, code, path and message as indexes into the cache's `strings`: 10,000 files share a dozen messages. */
export type CachedFinding = [line: number | null, column: number | null, severity: number, code: number, path: number, message: number];
/** One finding of the last run's answer (last-answer.ts): its file as an index into the cache's `files`, the rest as in CachedFinding. */
export type RunFinding = [file: number, ...CachedFinding];

export interface CacheFile {
  writtenAt: number;
  /** Every severity, code, path and message in the findings, once. */
  strings: string[];
  /** The files of the run that wrote the cache, in order; `rows[i]` is `files[i]`'s. */
  files: string[];
  rows: (CachedRow | 0)[];
}

/**
 * Texts kept once and named by index: the table of severities, codes, paths
 * and messages that the cache's rows and the last answer point into
 * (10,000 files share a dozen messages).
 */
export class TextTable {
  private ids: Map<string, number> | null = null;

  constructor(readonly texts: string[] = []) {}

  /** The index of `text`, added to the table if it is new. */
  id(text: string): number {
    this.ids ??= new Map(this.texts.map((t, i) => [t, i]));
    let found = this.ids.get(text);
    if (found === undefined) {
      found = this.texts.push(text) - 1;
      this.ids.set(text, found);
    }
    return found;
  }

  /**
   * A cached finding as it reads under `file`, its texts looked up; null
   * when a damaged cache points nowhere (or at something not a text), or
   * at a code no rule reports any more.
   */
  finding(file: string | undefined, line: number | null, column: number | null, severity: number, code: number, path: number, message: number): Finding | null {
    const texts: readonly unknown[] = this.texts;
    const severityText = texts[severity];
    const codeText = texts[code];
    const pathText = texts[path];
    const messageText = texts[message];
    if (file === undefined || typeof severityText !== 'string' || !isFindingCode(codeText) || typeof pathText !== 'string' || typeof messageText !== 'string') return null;
    return { file, line, column, severity: severityText as Severity, code: codeText, path: pathText, message: messageText };
  }
}

/** The rows with a string table of only the strings they use: messages of edited or deleted files leave with them. */
export function compacted(rows: readonly (CachedRow | 0)[], strings: readonly string[]): Pick<CacheFile, 'rows' | 'strings'> {
  const kept = new TextTable();
  const id = (old: number) => kept.id(strings[old]!);
  const out = rows.map((row): CachedRow | 0 => {
    // A damaged row is dropped here: its file is checked again next time.
    if (!wellFormed(row)) return 0;
    if (row[5] === undefined) return row;
    const [size, mtimeMs, ctimeMs, hash, entry, findings] = row;
    return [size, mtimeMs, ctimeMs, hash, entry, findings.map(([line, column, s, c, p, m]): CachedFinding => [line, column, id(s), id(c), id(p), id(m)])];
  });
  return { rows: out, strings: kept.texts };
}

/** The saved rows in the order of this run's files: by position when the list is unchanged (the usual case), else by name. */
export function alignRows(files: readonly string[], saved: CacheFile | null): (CachedRow | 0)[] {
  if (saved === null) return new Array<CachedRow | 0>(files.length).fill(0);
  if (sameList(saved.files, files)) return saved.rows;
  const byName = new Map<string, CachedRow | 0>();
  saved.files.forEach((file, i) => byName.set(file, saved.rows[i] ?? 0));
  return files.map((file) => byName.get(file) ?? 0);
}

/**
 * Whether a saved row is the shape this code writes; one that is not counts
 * as no row, and the file is checked again. A cache damaged by hand or by
 * another build of ntk costs a check, never a crash. Asked only of rows
 * whose result is used: a replay reads no more than their stamps.
 */
export function wellFormed(row: unknown): row is CachedRow {
  if (!Array.isArray(row) || (row.length !== 5 && row.length !== 6)) return false;
  if (typeof row[0] !== 'number' || typeof row[1] !== 'number' || typeof row[2] !== 'number' || typeof row[3] !== 'string') return false;
  const e: unknown = row[4];
  const entryOk =
    e === 0 ||
    (Array.isArray(e) &&
      e.length === 7 &&
      typeof e[0] === 'string' &&
      typeof e[1] === 'string' &&
      Number.isInteger(e[2]) &&
      Number.isInteger(e[3]) &&
      (e[4] === null || typeof e[4] === 'string') &&
      Number.isInteger(e[5]) &&
      Number.isInteger(e[6]));
  const findings: unknown = row[5];
  const findingsOk = findings === undefined || (Array.isArray(findings) && findings.every((f) => isCachedFinding(f, 6)));
  return entryOk && findingsOk;
}

/** A CachedFinding (length 6) or RunFinding (length 7, its file index first) as this code writes them. */
export function isCachedFinding(f: unknown, length: 6 | 7): boolean {
  if (!Array.isArray(f) || f.length !== length) return false;
  const at = length - 6;
  if (at === 1 && !Number.isInteger(f[0])) return false;
  const line: unknown = f[at];
  const column: unknown = f[at + 1];
  if (!(line === null || Number.isInteger(line)) || !(column === null || Number.isInteger(column))) return false;
  // No copies or callbacks: a replay runs this 10,000 times.
  for (let i = at + 2; i < length; i++) if (!Number.isInteger(f[i])) return false;
  return true;
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
