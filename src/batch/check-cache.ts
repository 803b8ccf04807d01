import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/atomic-write.js';
import { SCHEMA_FILE } from '../validate/schema-check.js';
import { templateFiles } from '../template/template-folders.js';
import type { FileResult } from './check-one.js';
import type { Finding, Position } from '../validate/finding.js';

/**
 * `ntk check --cache`: results of unchanged files are reused. An entry is
 * found by the file's content hash; its size and modification time only
 * save reading a file that is plainly unchanged (and are ignored when the
 * file changed within a second or two of the cache being written, as git
 * does). The cache lives in the user's cache folder, never beside the
 * records, and its name includes everything the results depend on apart
 * from the file: ntk's version, the schema and the templates.
 *
 * The one per-file rule that depends on today is `completed-in-future`, so
 * results are cached only when the record's completed date is not after
 * today, and reused only on days when that still holds. Batch rules
 * (duplicates, overdue reviews) are never cached; they are recomputed from
 * the cached facts on every run.
 */
/**
 * One file's line in the cache, as arrays rather than objects: a warm run
 * parses and keeps 10,000 of these, and arrays of plain values parse faster,
 * take less room on disk and leave less for the garbage collector. The file
 * name is stored once (as the key), not in every finding.
 */
type CachedRow = [key: string, size: number, mtimeMs: number, hash: string, entry: CachedEntry | 0, findings?: CachedFinding[]];
type CachedEntry = [ref: string, completed: string, line: number, column: number, nextReview: string | null, nextLine: number, nextColumn: number];
type CachedFinding = [line: number | null, column: number | null, severity: Finding['severity'], code: string, path: string, message: string];

interface CacheFile {
  writtenAt: number;
  rows: CachedRow[];
}

const RACY_MS = 2000;

export class CheckCache {
  private readonly rows = new Map<string, CachedRow>();
  private changed = false;

  private constructor(
    /** Where the cache may be kept, in order of preference. */
    private readonly files: string[],
    private readonly writtenAt: number,
    rows: readonly CachedRow[],
  ) {
    for (const row of rows) this.rows.set(row[0], row);
  }

  static async open(version: string): Promise<CheckCache> {
    const name = `check-${contextHash(version)}.json`;
    const files = cacheFolders().map((folder) => join(folder, name));
    for (const file of files) {
      try {
        const saved = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
        if (Array.isArray(saved.rows)) return new CheckCache(files, saved.writtenAt, saved.rows);
      } catch {
        // Not there, or not readable: try the next folder, then start afresh.
      }
    }
    return new CheckCache(files, 0, []);
  }

  /** A cached result when the file is unchanged and today allows reuse; otherwise its content hash, to store the fresh result under. */
  lookup(file: string, today: string): { hit: FileResult } | { hash: string } | null {
    const key = isAbsolute(file) ? file : resolve(file);
    const row = this.rows.get(key);
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info) return null;
    const { size, mtimeMs } = info;
    const reusable = (r: CachedRow) => r[4] === 0 || r[4][1] <= today;
    if (row && row[1] === size && row[2] === mtimeMs && mtimeMs < this.writtenAt - RACY_MS && reusable(row)) return { hit: resultOf(row, file) };
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch {
      return null;
    }
    const hash = createHash('sha256').update(bytes).digest('base64');
    if (row && row[3] === hash && reusable(row)) {
      row[1] = size;
      row[2] = mtimeMs;
      this.changed = true;
      return { hit: resultOf(row, file) };
    }
    return { hash };
  }

  store(file: string, hash: string, result: FileResult, today: string): void {
    if (result.entry !== null && result.entry.completed > today) return;
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info) return;
    const key = isAbsolute(file) ? file : resolve(file);
    this.rows.set(key, rowOf(key, info.size, info.mtimeMs, hash, result));
    this.changed = true;
  }

  /**
   * Writes the cache to the first folder that takes it. A cache that cannot
   * be written (a read-only home, a full disk) only costs time next run, so
   * it never fails the check.
   */
  async save(): Promise<void> {
    if (!this.changed) return;
    const content = JSON.stringify({ writtenAt: Date.now(), rows: [...this.rows.values()] } satisfies CacheFile);
    for (const file of this.files) {
      try {
        await mkdir(dirname(file), { recursive: true });
        await writeFileAtomic(file, content, { overwrite: true });
        return;
      } catch {
        // Try the next folder.
      }
    }
  }
}

function rowOf(key: string, size: number, mtimeMs: number, hash: string, result: FileResult): CachedRow {
  const e = result.entry;
  const entry: CachedEntry | 0 = e
    ? [e.ref, e.completed, e.completedAt?.line ?? 0, e.completedAt?.column ?? 0, e.nextReview, e.nextReviewAt?.line ?? 0, e.nextReviewAt?.column ?? 0]
    : 0;
  const row: CachedRow = [key, size, mtimeMs, hash, entry];
  if (result.findings.length > 0) row.push(result.findings.map((f): CachedFinding => [f.line, f.column, f.severity, f.code, f.path, f.message]));
  return row;
}

/** The result as it reads under `file` (a file may be reached under another name than it was checked as). */
function resultOf(row: CachedRow, file: string): FileResult {
  const e = row[4];
  const entry = e === 0 ? null : { file, ref: e[0], completed: e[1], completedAt: positionOf(e[2], e[3]), nextReview: e[4], nextReviewAt: positionOf(e[5], e[6]) };
  const findings = (row[5] ?? []).map(([line, column, severity, code, path, message]) => ({ file, line, column, severity, code, path, message }));
  return { findings, entry, facts: null };
}

/** Line 0 stands for "no position": real lines start at 1. */
function positionOf(line: number, column: number): Position | null {
  return line === 0 ? null : { line, column };
}

/** $XDG_CACHE_HOME/ntk (else ~/.cache/ntk), then node_modules/.cache/ntk in the package. */
export function cacheFolders(): string[] {
  const home = process.env.XDG_CACHE_HOME ? join(process.env.XDG_CACHE_HOME, 'ntk') : homedir() ? join(homedir(), '.cache', 'ntk') : null;
  const inPackage = fileURLToPath(new URL('../../node_modules/.cache/ntk/', import.meta.url));
  return home ? [home, inPackage] : [inPackage];
}

/** ntk's version, the schema and every template file: change any and the cache starts again. */
function contextHash(version: string): string {
  const hash = createHash('sha256').update(`ntk ${version}\0`).update(readFileSync(SCHEMA_FILE));
  for (const file of templateFiles()) hash.update(`\0${file}\0`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 32);
}
