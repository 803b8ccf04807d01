import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/atomic-write.js';
import { SCHEMA_FILE } from '../validate/schema-check.js';
import { templateFiles } from '../template/template-folders.js';
import type { FileResult } from './check-one.js';

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
export interface CachedFile {
  size: number;
  mtimeMs: number;
  hash: string;
  /** The result as found, under the file name it was checked as (renamed on reuse under another). */
  result: FileResult;
}

interface CacheFile {
  writtenAt: number;
  entries: Record<string, CachedFile>;
}

const RACY_MS = 2000;

export class CheckCache {
  private readonly entries: Map<string, CachedFile>;
  private changed = false;

  private constructor(
    /** Where the cache may be kept, in order of preference. */
    private readonly files: string[],
    private readonly writtenAt: number,
    entries: Record<string, CachedFile>,
  ) {
    this.entries = new Map(Object.entries(entries));
  }

  static async open(version: string): Promise<CheckCache> {
    const name = `check-${contextHash(version)}.json`;
    const files = cacheFolders().map((folder) => join(folder, name));
    for (const file of files) {
      try {
        const saved = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
        return new CheckCache(files, saved.writtenAt, saved.entries);
      } catch {
        // Not there, or not readable: try the next folder, then start afresh.
      }
    }
    return new CheckCache(files, 0, {});
  }

  /** A cached result when the file is unchanged and today allows reuse; otherwise its content hash, to store the fresh result under. */
  lookup(file: string, today: string): { hit: FileResult } | { hash: string } | null {
    const key = resolve(file);
    const entry = this.entries.get(key);
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(file));
    } catch {
      return null;
    }
    const reusable = (e: CachedFile) => e.result.entry === null || e.result.entry.completed <= today;
    if (entry && entry.size === size && entry.mtimeMs === mtimeMs && mtimeMs < this.writtenAt - RACY_MS && reusable(entry)) return { hit: asFile(entry.result, file) };
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch {
      return null;
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (entry && entry.hash === hash && reusable(entry)) {
      this.entries.set(key, { ...entry, size, mtimeMs });
      this.changed = true;
      return { hit: asFile(entry.result, file) };
    }
    return { hash };
  }

  store(file: string, hash: string, result: FileResult, today: string): void {
    if (result.entry !== null && result.entry.completed > today) return;
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(file));
    } catch {
      return;
    }
    this.entries.set(resolve(file), { size, mtimeMs, hash, result });
    this.changed = true;
  }

  /**
   * Writes the cache to the first folder that takes it. A cache that cannot
   * be written (a read-only home, a full disk) only costs time next run, so
   * it never fails the check.
   */
  async save(): Promise<void> {
    if (!this.changed) return;
    const content = JSON.stringify({ writtenAt: Date.now(), entries: Object.fromEntries(this.entries) } satisfies CacheFile);
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

/** The result as it reads under `file`: the same when the file is named as before (no copying on a warm run). */
function asFile(result: FileResult, file: string): FileResult {
  const named = result.entry?.file ?? result.findings[0]?.file;
  if (named === undefined || named === file) return result;
  return {
    ...result,
    findings: result.findings.map((f) => ({ ...f, file })),
    entry: result.entry && { ...result.entry, file },
  };
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
