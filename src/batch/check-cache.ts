import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Finding, Position } from '../validate/finding.js';
import { alignRows, compacted, sameList, TextTable, wellFormed, type CacheFile, type CachedEntry, type CachedFinding, type CachedRow } from './cache-format.js';
import { cacheFolders, contextHash, keepInUse, removeUnusedCaches } from './cache-folder.js';
import type { FileResult } from './check-one.js';
import { statFiles, type FileStats } from './file-stats.js';
import { answerOf, answerPlace, readAnswer } from './last-answer.js';

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
 * The last run's whole answer is kept too (last-answer.ts): every finding,
 * batch rules included, and the day it was worked out for. A run on the same
 * day that finds every file plainly unchanged gives that answer again
 * without rebuilding it; it would be the same, as the batch rules depend on
 * nothing but the files and the day.
 *
 * The one per-file rule that depends on today is `completed-in-future`, so
 * results are cached only when the record's completed date is not after
 * today, and reused only on days when that still holds. Batch rules
 * (duplicates, overdue reviews) are not kept per file: unless the last
 * answer is given again whole, they are worked out afresh from the cached
 * facts.
 */

/** A file modified this close to the cache being written may have changed again within the same clock tick. */
const RACY_MS = 2000;

export class CheckCache {
  /** This run's rows, by index into its files; 0 where there is none yet. */
  private readonly rows: (CachedRow | 0)[];
  private readonly texts: TextTable;
  /** Whether this run's files are the saved run's, in the same order. */
  private readonly sameFiles: boolean;
  /** This run's findings and day, to keep as the last answer. */
  private answer: { findings: readonly Finding[]; today: string } | null = null;
  /** Size and times of each file (see statFiles), taken on first need. */
  private stats: FileStats | null = null;
  private changed: boolean;

  private constructor(
    /** Where the cache may be kept, in order of preference. */
    private readonly places: string[],
    /** Where the rows this run started from were found (or written, after save), and when they were written. */
    private foundAt: string | null,
    private writtenAt: number,
    private readonly files: readonly string[],
    saved: CacheFile | null,
  ) {
    this.rows = alignRows(files, saved);
    this.texts = new TextTable(saved?.strings ?? []);
    this.sameFiles = saved !== null && sameList(saved.files, files);
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
    if (!this.sameFiles || this.foundAt === null) return null;
    for (let i = 0; i < this.files.length; i++) if (!this.unchanged(i, today)) return null;
    return readAnswer(this.foundAt, this.writtenAt, today, this.files);
  }

  /** Keeps this run's findings (batch rules included) as the answer for the same files on the same day. */
  rememberRun(today: string, findings: readonly Finding[]): void {
    this.answer = { findings, today };
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
        return new CheckCache(places, place, saved.writtenAt, files, saved);
      } catch {
        // Not there, or not readable: try the next folder, then start afresh.
      }
    }
    return new CheckCache(places, null, 0, files, null);
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
    const { sizes, mtimes, ctimes } = this.fileStats();
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
    const { sizes, mtimes, ctimes } = this.fileStats();
    const row = this.rows[index];
    const ctimeMs = ctimes[index]!;
    return Array.isArray(row) && row[0] === sizes[index] && row[1] === mtimes[index] && row[2] === ctimeMs && ctimeMs < this.writtenAt - RACY_MS && reusableOn(row, today);
  }

  private fileStats(): FileStats {
    return (this.stats ??= statFiles(this.files));
  }

  /** Keeps a freshly checked file's result under its content hash, with its size and times as they are now. */
  store(index: number, hash: string, result: FileResult, today: string): void {
    if (result.entry !== null && result.entry.completed > today) return;
    const now = statFiles([this.files[index]!]);
    if (Number.isNaN(now.sizes[0])) return;
    this.rows[index] = this.rowOf([now.sizes[0]!, now.mtimes[0]!, now.ctimes[0]!], hash, result);
    this.changed = true;
  }

  private rowOf(stamp: [size: number, mtimeMs: number, ctimeMs: number], hash: string, result: FileResult): CachedRow {
    const e = result.entry;
    const entry: CachedEntry | 0 = e
      ? [e.ref, e.completed, e.completedAt?.line ?? 0, e.completedAt?.column ?? 0, e.nextReview, e.nextReviewAt?.line ?? 0, e.nextReviewAt?.column ?? 0]
      : 0;
    const row: CachedRow = [...stamp, hash, entry];
    const id = (s: string) => this.texts.id(s);
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
        const finding = this.texts.finding(file, f[0], f[1], f[2], f[3], f[4], f[5]);
        // A hand-edited cache that points nowhere is no cache at all for this file.
        if (finding === null) return null;
        findings.push(finding);
      }
    }
    return { findings, entry, facts: null };
  }

  /**
   * Writes the rows, when they changed, to the first folder that takes
   * them, then the last answer beside them. A cache that cannot be written
   * (a read-only home, a full disk) only costs time next run, so it never
   * fails the check; and an answer is written only beside rows that hold
   * this run's state, never beside stale ones.
   */
  async save(): Promise<void> {
    if (!this.changed && this.answer === null) return;
    // Loaded here: a warm run with nothing to save never needs it.
    const { writeFileAtomic } = await import('../io/atomic-write.js');
    if (this.changed) {
      this.foundAt = null;
      const writtenAt = Date.now();
      const content = JSON.stringify({ writtenAt, ...compacted(this.rows, this.texts.texts), files: [...this.files] } satisfies CacheFile);
      for (const place of this.places) {
        try {
          await mkdir(dirname(place), { recursive: true });
          await writeFileAtomic(place, content, { overwrite: true });
          removeUnusedCaches(dirname(place));
          this.foundAt = place;
          this.writtenAt = writtenAt;
          break;
        } catch {
          // Try the next folder.
        }
      }
    }
    const answer = this.answer && answerOf(this.answer.findings, this.files, this.answer.today, this.writtenAt);
    if (this.foundAt === null || answer === null) return;
    try {
      await writeFileAtomic(answerPlace(this.foundAt), JSON.stringify(answer), { overwrite: true });
    } catch {
      // Only the replay of this answer is lost.
    }
  }
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
