import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MAX_RECORD_BYTES } from '../read/record-size.js';
import type { BatchEntry } from '../validate/batch-rules.js';
import type { Position } from '../record/finding.js';
import { cacheFolders, contextHash, keepInUse, removeUnusedCaches } from './cache-folder.js';
import { CheckedBatch } from './checked-batch.js';
import type { PoolOptions } from './check-pool.js';
import type { FileResult } from './check-one.js';
import { numberedRows, packFindings, rowsOf, type NumberedFindings } from './file-findings.js';
import { isFindingCode } from '../record/finding-codes.js';

/**
 * `ntk check --cache`: results of unchanged files are reused.
 *
 * One cache file per set of paths checked (`ntk check records/` has its
 * own), in the user's cache folder, never beside the records. Its name
 * (cache-folder.ts) hashes everything a result depends on apart from the
 * files: ntk's version, the cache format, the rule code, the schema, the
 * templates and the paths checked. Inside, JSON with named fields:
 *
 *     { "writtenAt": 1764466800000,
 *       "texts":   ["score-range", "areas.physical-care.sections.1.1.score", "…", …],
 *       "files":   { "records/C-1.yaml": { "size": 9412, "mtimeMs": …, "ctimeMs": …, "hash": "K3…" }, … },
 *       "results": { "K3…": { "entry": { "ref": …, "completed": …, "completedAt": { "line": 4, "column": 14 }, … } | null,
 *                             "findings": [12, 5, 0, 1, 2, …] }, … } }
 *
 * `files` holds exactly the files of the last run: a file deleted or moved
 * out of the folder leaves the cache on the next save, so the cache never
 * outgrows the records. `results` is content-addressed: a result is found
 * by the SHA-256 of the file's bytes (two copies of a record share one),
 * and holds what the batch keeps of a checked file: the batch rules' facts
 * and its findings, five numbers each: line and column (0 for none), then
 * the code, path and message as indexes into `texts`. Ten thousand files
 * share a hundred messages: kept once, the cache is a seventh of the size
 * and parses seven times faster than with the texts written out. A file's size,
 * modification and change times only save reading a file that is plainly
 * unchanged (and are ignored when the file changed within a second or two
 * of the cache being written, as git does).
 *
 * The one per-file rule that depends on today is `completed-in-future`, so
 * a result is kept only when the record's completed date is not after
 * today, and reused only on days when that still holds. Batch rules
 * (duplicates, overdue reviews) are never cached: they are worked out
 * afresh from the facts, which takes milliseconds.
 */

/** A file modified this close to the cache being written may have changed again within the same clock tick. */
const RACY_MS = 2000;

interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  /** The key of the file's result in `results`. */
  hash: string;
}

type CachedEntry = Omit<BatchEntry, 'file'>;

interface CacheFile {
  writtenAt: number;
  texts: string[];
  files: Record<string, FileStamp>;
  results: Record<string, { entry: CachedEntry | null; findings: number[] }>;
}

/**
 * A result as this run keeps it until it is saved: its findings as the cache
 * numbered them, or freshly checked, as the one string the check packed them
 * in (file-findings.ts), not a row of five texts each: a first run over
 * 50,000 files with ten findings each kept half a gigabyte of rows.
 */
interface KeptResult {
  entry: CachedEntry | null;
  findings: NumberedFindings | string;
}

/** A result read from the cache. */
interface CachedResult extends KeptResult {
  findings: NumberedFindings;
}

/** This run's files and results, to save. */
interface Kept {
  files: Record<string, FileStamp>;
  results: Map<string, KeptResult>;
}

/**
 * A check that reuses what the cache knows: the results of unchanged files,
 * with only the others going to the worker pool. `scope` is the paths the
 * user named, which pick the cache. A cache that cannot be read is no
 * cache; one that cannot be written costs time next run, never the check.
 */
export async function checkWithCache(files: readonly string[], scope: readonly string[], options: PoolOptions, version: string, onDone?: (done: number) => void): Promise<CheckedBatch> {
  const name = `check-${contextHash(version, scope)}.json`;
  const places = cacheFolders().map((folder) => join(folder, name));
  const saved = readCache(places);
  const batch = new CheckedBatch(files, options.today);
  const kept: Kept = { files: {}, results: new Map() };
  let changed = saved === null;
  const misses: { index: number; hash: string | null }[] = [];
  let done = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const found = lookup(saved?.cache ?? null, file, options.today);
    if (found === null || typeof found.result === 'string') {
      misses.push({ index: i, hash: typeof found?.result === 'string' ? found.result : null });
      continue;
    }
    const { stamp, result } = found;
    // A file touched but unchanged keeps its result under its new stamp.
    if (stamp !== saved?.cache.files[file]) changed = true;
    kept.files[file] = stamp;
    kept.results.set(stamp.hash, result);
    batch.addCached(i, result.findings, result.entry && { file, ...result.entry });
    onDone?.(++done);
  }
  if (misses.length > 0) {
    // The checking code is loaded only when something needs checking: a fully warm run just reads the cache.
    const { checkEachInPool } = await import('./check-pool.js');
    await checkEachInPool(
      misses.map((m) => files[m.index]!),
      options,
      (k, fresh) => {
        const { index, hash } = misses[k]!;
        batch.addResult(index, fresh);
        if (hash !== null && keep(kept, files[index]!, hash, fresh, options.today)) changed = true;
        onDone?.(++done);
      },
    );
  }
  // Files gone since (or no longer kept) leave the cache too.
  if (saved !== null && Object.keys(kept.files).length !== Object.keys(saved.cache.files).length) changed = true;
  if (changed) await save(places, files, kept);
  else if (saved) keepInUse(saved.place);
  return batch;
}

function readCache(places: readonly string[]): { cache: CacheFile; place: string } | null {
  for (const place of places) {
    try {
      const cache = JSON.parse(readFileSync(place, 'utf8')) as CacheFile;
      if (typeof cache.writtenAt !== 'number' || !Array.isArray(cache.texts) || !isObject(cache.files) || !isObject(cache.results)) continue;
      return { cache, place };
    } catch {
      // Not there, or not readable: try the next folder, then start afresh.
    }
  }
  return null;
}

/**
 * What the cache knows of `file`: its result, stamped as the file is now,
 * when the file is unchanged and today allows reuse; otherwise (result a
 * string) its content hash, to keep the fresh result under; null when the
 * checker must see it anyway: not a regular file (a FIFO would never finish
 * reading), too big to be a record, or unreadable.
 */
function lookup(cache: CacheFile | null, file: string, today: string): { stamp: FileStamp; result: CachedResult | string } | null {
  const now = stampOf(file);
  if (now === null) return null;
  const old = cache !== null && Object.hasOwn(cache.files, file) ? cache.files[file] : undefined;
  // Size and modification time, as make and git compare, and the change time too, as git does: any write or touch
  // sets it to the clock, so even an edit of the same length with its old date put back is seen.
  const plainlyUnchanged =
    isObject(old) && old.size === now.size && old.mtimeMs === now.mtimeMs && old.ctimeMs === now.ctimeMs && now.ctimeMs < cache!.writtenAt - RACY_MS && typeof old.hash === 'string';
  let hash: string;
  if (plainlyUnchanged) {
    hash = old.hash;
  } else {
    try {
      hash = contentHash(readFileSync(file));
    } catch {
      return null;
    }
  }
  const stamp = plainlyUnchanged ? old : { ...now, hash };
  const result = cache !== null && Object.hasOwn(cache.results, hash) ? usable(cache.results[hash], cache.texts, today) : null;
  return { stamp, result: result ?? hash };
}

/**
 * A saved result when it is the shape this code writes and holds on
 * `today`, its findings numbered as saved; a result damaged by hand costs a
 * check, never a wrong answer or a crash.
 */
function usable(result: unknown, texts: readonly unknown[], today: string): CachedResult | null {
  if (!isObject(result) || !Array.isArray(result.findings) || result.findings.length % 5 !== 0) return null;
  const entry: unknown = result.entry;
  if (entry !== null) {
    if (!isObject(entry) || typeof entry.ref !== 'string' || typeof entry.completed !== 'string') return null;
    if (!isPosition(entry.completedAt) || !isPosition(entry.nextReviewAt)) return null;
    if (!(entry.nextReview === null || typeof entry.nextReview === 'string')) return null;
    // `completed-in-future` depends on the day.
    if (entry.completed > today) return null;
  }
  const numbers: readonly unknown[] = result.findings;
  // Checked, not copied: indexed, no callbacks, nothing made, as this runs for every finding a warm run reuses.
  for (let i = 0; i < numbers.length; i += 5) {
    if (!Number.isInteger(numbers[i]) || !Number.isInteger(numbers[i + 1]) || !isFindingCode(texts[numbers[i + 2] as number])) return null;
    if (typeof texts[numbers[i + 3] as number] !== 'string' || typeof texts[numbers[i + 4] as number] !== 'string') return null;
  }
  return { entry: entry as CachedEntry | null, findings: { numbers: numbers as number[], texts: texts as string[] } };
}

/** Keeps a freshly checked file's result under its content hash, with its size and times as they are now; false when it cannot be kept. */
function keep(cache: Kept, file: string, hash: string, fresh: FileResult, today: string): boolean {
  const e = fresh.entry;
  if (e !== null && e.completed > today) return false;
  const now = stampOf(file);
  if (now === null) return false;
  cache.files[file] = { ...now, hash };
  cache.results.set(hash, {
    entry: e && { ref: e.ref, completed: e.completed, completedAt: e.completedAt, nextReview: e.nextReview, nextReviewAt: e.nextReviewAt },
    findings: fresh.packed ? fresh.packed.text : packFindings(fresh.findings),
  });
  return true;
}

/** Writes the cache to the first folder that takes it, in the order of `files`: the same files give the same text. */
async function save(places: readonly string[], files: readonly string[], kept: Kept): Promise<void> {
  // Loaded here: a warm run with nothing to save never needs it.
  const { writeFileAtomic } = await import('../io/atomic-write.js');
  const cache: CacheFile = { writtenAt: Date.now(), texts: [], files: {}, results: {} };
  const ids = new Map<string, number>();
  const id = (text: string) => ids.get(text) ?? ids.set(text, cache.texts.push(text) - 1).get(text)!;
  for (const file of files) {
    const stamp = kept.files[file];
    if (stamp === undefined) continue;
    cache.files[file] = stamp;
    if (Object.hasOwn(cache.results, stamp.hash)) continue;
    const { entry, findings: held } = kept.results.get(stamp.hash)!;
    const rows = typeof held === 'string' ? rowsOf(held) : numberedRows(held);
    const findings: number[] = [];
    for (const [line, column, code, path, message] of rows) findings.push(line ?? 0, column ?? 0, id(code), id(path), id(message));
    cache.results[stamp.hash] = { entry, findings };
  }
  const content = JSON.stringify(cache);
  for (const place of places) {
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

/** One options object for 10,000 stat calls. */
const MAY_BE_GONE = { throwIfNoEntry: false } as const;

/** Size and times of a regular file of a record's size; null for anything the cache leaves to the checker. */
function stampOf(file: string): Omit<FileStamp, 'hash'> | null {
  let info;
  try {
    info = statSync(file, MAY_BE_GONE);
  } catch {
    return null;
  }
  if (info === undefined || !info.isFile() || info.size > MAX_RECORD_BYTES) return null;
  return { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs };
}

/**
 * SHA-256 of the content, cut to 128 bits (22 base64 characters): plenty to
 * tell one version of a file from another, and half the cache's share of it.
 */
function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64').slice(0, 22);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): value is Position | null {
  return value === null || (isObject(value) && Number.isInteger(value.line) && Number.isInteger(value.column));
}
