import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { MAX_RECORD_BYTES } from '../read/record-size.js';
import { SCHEMA_FILE } from '../validate/schema-file.js';
import { templateFiles } from '../template/template-folders.js';
import type { FileResult } from './check-one.js';
import type { Finding, Position, Severity } from '../validate/finding.js';
import { packagePath } from '../package-files.js';

/**
 * `ntk check --cache`: results of unchanged files are reused. An entry is
 * found by the file's content hash; its size, modification and change times
 * only save reading a file that is plainly unchanged (and are ignored when
 * the file changed within a second or two of the cache being written, as
 * git does). The cache lives in the user's cache folder, never beside the
 * records, and its name includes everything the results depend on apart
 * from the files: ntk's version, the schema, the templates and the paths
 * checked.
 *
 * One cache file per set of paths checked (`ntk check records/` has its
 * own), holding exactly the files of its last run: a file deleted or moved
 * out of the folder leaves the cache on the next save, so the cache never
 * outgrows the records, and a warm run reads nothing it does not use.
 *
 * The last run's whole answer is kept too: every finding, batch rules
 * included, and the day it was worked out for. A run on the same day that
 * finds every file plainly unchanged gives that answer again without
 * rebuilding it; it would be the same, as the batch rules depend on nothing
 * but the files and the day.
 *
 * The one per-file rule that depends on today is `completed-in-future`, so
 * results are cached only when the record's completed date is not after
 * today, and reused only on days when that still holds. Batch rules
 * (duplicates, overdue reviews) are not kept per file: unless the last
 * answer is given again whole, they are worked out afresh from the cached
 * facts.
 */

/**
 * One file's line in the cache, as arrays rather than objects: a warm run
 * parses and keeps 10,000 of these, and arrays of plain values parse faster,
 * take less room on disk and leave less for the garbage collector. The file
 * name is kept once, in the cache's list of files, not in every finding.
 */
type CachedRow = [size: number, mtimeMs: number, ctimeMs: number, hash: string, entry: CachedEntry | 0, findings?: CachedFinding[]];
type CachedEntry = [ref: string, completed: string, line: number, column: number, nextReview: string | null, nextLine: number, nextColumn: number];
/** Severity, code, path and message as indexes into the cache's `strings`: 10,000 files share a dozen messages. */
type CachedFinding = [line: number | null, column: number | null, severity: number, code: number, path: number, message: number];
/** One finding of the last run: its file as an index into `files`, the rest as in CachedFinding. */
type RunFinding = [file: number, ...CachedFinding];

interface CacheFile {
  writtenAt: number;
  /** Every severity, code, path and message in the findings, once. */
  strings: string[];
  /** The files of the run that wrote the cache, in order; `rows[i]` is `files[i]`'s. */
  files: string[];
  rows: (CachedRow | 0)[];
  /** The last run's findings in order, and the day they are true for. */
  lastRun?: { today: string; findings: RunFinding[] };
}

/** The layout of the cache file; a new one starts a new cache, even within one version of ntk. */
const CACHE_FORMAT = 3;
/** A file modified this close to the cache being written may have changed again within the same clock tick. */
const RACY_MS = 2000;
/** One options object for 10,000 stat calls. */
const MAY_BE_GONE = { throwIfNoEntry: false } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Caches of paths not checked for this long are removed when another cache is saved. */
const UNUSED_FOR_MS = 30 * DAY_MS;

export class CheckCache {
  /** This run's rows, by index into its files; 0 where there is none yet. */
  private readonly rows: (CachedRow | 0)[];
  private readonly strings: string[];
  private readonly stringIndex: Map<string, number>;
  /** Whether this run's files are the saved run's, in the same order. */
  private readonly sameFiles: boolean;
  private lastRun: CacheFile['lastRun'];
  /** Size and times of each file (see statFiles), taken on first need. */
  private stats: FileStats | null = null;
  private changed: boolean;

  private constructor(
    /** Where the cache may be kept, in order of preference. */
    private readonly places: string[],
    private readonly writtenAt: number,
    private readonly files: readonly string[],
    saved: CacheFile | null,
  ) {
    this.rows = alignRows(files, saved);
    this.strings = saved?.strings ?? [];
    this.stringIndex = new Map(this.strings.map((text, i) => [text, i]));
    this.sameFiles = saved !== null && sameList(saved.files, files);
    this.lastRun = saved?.lastRun;
    // A run over other files than the saved ones (one added, one deleted) saves, so the cache keeps to the folder.
    this.changed = !this.sameFiles;
  }

  /**
   * The last run's findings when they are this run's too: same files, same
   * day, and every file unchanged since. Otherwise null, and the run checks
   * file by file. Nothing is rebuilt per file: 10,000 unchanged files come
   * back as one list.
   */
  replay(today: string): Finding[] | null {
    const last = this.lastRun;
    if (!this.sameFiles || !last || last.today !== today || !Array.isArray(last.findings)) return null;
    for (let i = 0; i < this.files.length; i++) if (!this.unchanged(i, today)) return null;
    const findings: Finding[] = [];
    for (const f of last.findings) {
      // A damaged answer, or one that points nowhere, is no answer at all.
      const finding = isCachedFinding(f, 7) ? this.finding(this.files[f[0]], f[1], f[2], f[3], f[4], f[5], f[6]) : null;
      if (finding === null) return null;
      findings.push(finding);
    }
    return findings;
  }

  /** Keeps this run's findings (batch rules included) as the answer for the same files on the same day. */
  rememberRun(today: string, findings: readonly Finding[]): void {
    const indexOf = new Map(this.files.map((file, i) => [file, i]));
    const id = (s: string) => this.stringId(s);
    const kept: RunFinding[] = [];
    for (const f of findings) {
      const file = indexOf.get(f.file);
      // Every finding belongs to a file of the run; one that did not could not be replayed.
      if (file === undefined) return;
      kept.push([file, f.line, f.column, id(f.severity), id(f.code), id(f.path), id(f.message)]);
    }
    this.lastRun = { today, findings: kept };
    this.changed = true;
  }

  /**
   * The cache for checking `files`, found through the paths the user named
   * (`scope`): the same command over the same folder finds the same cache
   * whatever files have come and gone since.
   */
  static open(version: string, scope: readonly string[], files: readonly string[]): CheckCache {
    const name = `check-${contextHash(version, scope)}.json`;
    const places = cacheFolders().map((folder) => join(folder, name));
    for (const place of places) {
      try {
        const saved = JSON.parse(readFileSync(place, 'utf8')) as CacheFile;
        if (!Array.isArray(saved.files) || !Array.isArray(saved.rows) || !Array.isArray(saved.strings)) continue;
        keepInUse(place);
        return new CheckCache(places, saved.writtenAt, files, saved);
      } catch {
        // Not there, or not readable: try the next folder, then start afresh.
      }
    }
    return new CheckCache(places, 0, files, null);
  }

  /**
   * The cached result for `files[index]` when the file is unchanged and
   * today allows reuse; otherwise its content hash, to store the fresh
   * result under, or null when the checker must see it anyway: not a regular
   * file (a FIFO would never finish reading), too big to be a record, or
   * unreadable. No wrapper objects: a warm run makes 10,000 of these calls.
   */
  lookup(index: number, today: string): FileResult | string | null {
    const file = this.files[index]!;
    const { sizes, mtimes, ctimes } = (this.stats ??= statFiles(this.files));
    const size = sizes[index]!;
    if (Number.isNaN(size)) return null;
    const row = this.rows[index];
    if (row && this.unchanged(index, today)) {
      const result = this.resultOf(row, file);
      if (result) return result;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch {
      return null;
    }
    const hash = contentHash(bytes);
    if (row && row[3] === hash && reusableOn(row, today)) {
      const result = this.resultOf(row, file);
      if (result) {
        row[0] = size;
        row[1] = mtimes[index]!;
        row[2] = ctimes[index]!;
        this.changed = true;
        return result;
      }
    }
    return hash;
  }

  /**
   * Whether `files[index]` is as its row records it, and its result holds on
   * `today`. Size and modification time, as make and git compare, and the
   * change time too, as git does: any write or touch sets it to the clock,
   * so even an edit of the same length with its old date put back is seen.
   */
  private unchanged(index: number, today: string): boolean {
    const { sizes, mtimes, ctimes } = (this.stats ??= statFiles(this.files));
    const row = this.rows[index];
    const ctimeMs = ctimes[index]!;
    return Array.isArray(row) && row[0] === sizes[index] && row[1] === mtimes[index] && row[2] === ctimeMs && ctimeMs < this.writtenAt - RACY_MS && reusableOn(row, today);
  }

  store(index: number, hash: string, result: FileResult, today: string): void {
    if (result.entry !== null && result.entry.completed > today) return;
    const info = statSync(this.files[index]!, MAY_BE_GONE);
    if (!info) return;
    this.rows[index] = this.rowOf([info.size, info.mtimeMs, info.ctimeMs], hash, result);
    this.changed = true;
  }

  private rowOf(stamp: [size: number, mtimeMs: number, ctimeMs: number], hash: string, result: FileResult): CachedRow {
    const e = result.entry;
    const entry: CachedEntry | 0 = e
      ? [e.ref, e.completed, e.completedAt?.line ?? 0, e.completedAt?.column ?? 0, e.nextReview, e.nextReviewAt?.line ?? 0, e.nextReviewAt?.column ?? 0]
      : 0;
    const row: CachedRow = [...stamp, hash, entry];
    const id = (s: string) => this.stringId(s);
    if (result.findings.length > 0) row.push(result.findings.map((f): CachedFinding => [f.line, f.column, id(f.severity), id(f.code), id(f.path), id(f.message)]));
    return row;
  }

  /** The result a row holds, as it reads under `file` (a file may be reached under another name than it was checked as). */
  private resultOf(row: CachedRow, file: string): FileResult | null {
    if (!wellFormed(row)) return null;
    const e = row[4];
    const entry = e === 0 ? null : { file, ref: e[0], completed: e[1], completedAt: positionOf(e[2], e[3]), nextReview: e[4], nextReviewAt: positionOf(e[5], e[6]) };
    const cached = row[5];
    const findings: Finding[] = [];
    // Indexed loops, no destructuring: this runs once per file, mostly before the JIT has warmed up.
    if (cached !== undefined) {
      for (let i = 0; i < cached.length; i++) {
        const f = cached[i]!;
        const finding = this.finding(file, f[0], f[1], f[2], f[3], f[4], f[5]);
        // A hand-edited cache that points nowhere is no cache at all for this file.
        if (finding === null) return null;
        findings.push(finding);
      }
    }
    return { findings, entry, facts: null };
  }

  /** A cached finding as it reads under `file`, its texts looked up; null if the cache points nowhere. */
  private finding(file: string | undefined, line: number | null, column: number | null, severity: number, code: number, path: number, message: number): Finding | null {
    const text = this.strings;
    const severityText = text[severity];
    const codeText = text[code];
    const pathText = text[path];
    const messageText = text[message];
    if (file === undefined || typeof severityText !== 'string' || typeof codeText !== 'string' || typeof pathText !== 'string' || typeof messageText !== 'string') return null;
    return { file, line, column, severity: severityText as Severity, code: codeText, path: pathText, message: messageText };
  }

  private stringId(text: string): number {
    let id = this.stringIndex.get(text);
    if (id === undefined) {
      id = this.strings.push(text) - 1;
      this.stringIndex.set(text, id);
    }
    return id;
  }

  /**
   * Writes the cache to the first folder that takes it. A cache that cannot
   * be written (a read-only home, a full disk) only costs time next run, so
   * it never fails the check.
   */
  async save(): Promise<void> {
    if (!this.changed) return;
    const content = JSON.stringify({ writtenAt: Date.now(), ...compacted(this.rows, this.lastRun, this.strings), files: [...this.files] } satisfies CacheFile);
    // Loaded here: a warm run with nothing to save never needs it.
    const { writeFileAtomic } = await import('../io/atomic-write.js');
    for (const place of this.places) {
      try {
        await mkdir(dirname(place), { recursive: true });
        await writeFileAtomic(place, content, { overwrite: true });
        removeUnusedCaches(dirname(place));
        return;
      } catch {
        // Try the next folder.
      }
    }
  }
}

/** The rows and last run with a string table of only the strings they use: messages of edited or deleted files leave with them. */
function compacted(rows: readonly (CachedRow | 0)[], lastRun: CacheFile['lastRun'], strings: readonly string[]): Pick<CacheFile, 'rows' | 'lastRun' | 'strings'> {
  const kept: string[] = [];
  const newIndex = new Map<number, number>();
  const id = (old: number) => newIndex.get(old) ?? newIndex.set(old, kept.push(strings[old]!) - 1).get(old)!;
  const out = rows.map((row): CachedRow | 0 => {
    // A damaged row is dropped here: its file is checked again next time.
    if (!wellFormed(row)) return 0;
    if (row[5] === undefined) return row;
    const [size, mtimeMs, ctimeMs, hash, entry, findings] = row;
    return [size, mtimeMs, ctimeMs, hash, entry, findings.map(([line, column, s, c, p, m]): CachedFinding => [line, column, id(s), id(c), id(p), id(m)])];
  });
  const run = lastRun && { today: lastRun.today, findings: lastRun.findings.map(([file, line, column, s, c, p, m]): RunFinding => [file, line, column, id(s), id(c), id(p), id(m)]) };
  return { rows: out, ...(run ? { lastRun: run } : {}), strings: kept };
}

/** Size, modification and change time of each file; NaN for one the cache leaves to the checker. */
interface FileStats {
  sizes: Float64Array;
  mtimes: Float64Array;
  ctimes: Float64Array;
}

/**
 * One stat per file, keeping only the numbers. NaN marks what the checker
 * must see and explain, never the cache: anything not a regular file (a
 * FIFO would never finish reading), too big to be a record, or gone.
 */
function statFiles(files: readonly string[]): FileStats {
  const sizes = new Float64Array(files.length);
  const mtimes = new Float64Array(files.length);
  const ctimes = new Float64Array(files.length);
  for (let i = 0; i < files.length; i++) {
    let info;
    try {
      info = statSync(files[i]!, MAY_BE_GONE);
    } catch {
      info = undefined;
    }
    if (info !== undefined && info.isFile() && info.size <= MAX_RECORD_BYTES) {
      sizes[i] = info.size;
      mtimes[i] = info.mtimeMs;
      ctimes[i] = info.ctimeMs;
    } else {
      sizes[i] = NaN;
      mtimes[i] = NaN;
      ctimes[i] = NaN;
    }
  }
  return { sizes, mtimes, ctimes };
}

/** The saved rows in the order of this run's files: by position when the list is unchanged (the usual case), else by name. */
function alignRows(files: readonly string[], saved: CacheFile | null): (CachedRow | 0)[] {
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
function wellFormed(row: unknown): row is CachedRow {
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
function isCachedFinding(f: unknown, length: 6 | 7): boolean {
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

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * SHA-256 of the content, cut to 128 bits (22 base64 characters): plenty to
 * tell one version of a file from another, and half the cache's share of it.
 */
function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64').slice(0, 22);
}

/** A result stays true on `today` unless the record was completed after it (`completed-in-future`). */
function reusableOn(row: CachedRow, today: string): boolean {
  // Read with care: this is asked of rows before they are known to be well formed.
  const entry: unknown = row[4];
  return entry === 0 || (Array.isArray(entry) && typeof entry[1] === 'string' && entry[1] <= today);
}

/** Line 0 stands for "no position": real lines start at 1. */
function positionOf(line: number, column: number): Position | null {
  return line === 0 ? null : { line, column };
}

/** $XDG_CACHE_HOME/ntk (else ~/.cache/ntk), then node_modules/.cache/ntk in the package. */
export function cacheFolders(): string[] {
  const home = process.env.XDG_CACHE_HOME ? join(process.env.XDG_CACHE_HOME, 'ntk') : homedir() ? join(homedir(), '.cache', 'ntk') : null;
  const inPackage = packagePath('node_modules', '.cache', 'ntk');
  return home ? [home, inPackage] : [inPackage];
}

/**
 * ntk's version and cache format, the schema, every template file and the
 * paths checked: change any but the paths and the cache starts again. Relative paths
 * mean different files in different folders, so then the working folder
 * counts too; absolute ones find the same cache from anywhere.
 */
function contextHash(version: string, scope: readonly string[]): string {
  const hash = createHash('sha256').update(`ntk ${version} cache ${CACHE_FORMAT}\0`).update(readFileSync(SCHEMA_FILE));
  for (const file of templateFiles()) hash.update(`\0${file}\0`).update(readFileSync(file));
  hash.update(`\0${scope.every(isAbsolute) ? '' : process.cwd()}`);
  for (const path of [...scope].map((p) => resolve(p)).sort()) hash.update(`\0${path}`);
  return hash.digest('hex').slice(0, 32);
}

/** A cache in use is touched once a day, so that only caches nobody runs any more are removed. */
function keepInUse(place: string): void {
  try {
    const now = Date.now();
    if (statSync(place).mtimeMs < now - DAY_MS) utimesSync(place, now / 1000, now / 1000);
  } catch {
    // Only tidiness is lost.
  }
}

function removeUnusedCaches(folder: string): void {
  try {
    const cutoff = Date.now() - UNUSED_FOR_MS;
    for (const name of readdirSync(folder)) {
      if (!/^check-[0-9a-f]{32}\.json$/.test(name)) continue;
      const place = join(folder, name);
      if (statSync(place).mtimeMs < cutoff) unlinkSync(place);
    }
  } catch {
    // Only tidiness is lost.
  }
}
