import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MAX_RECORD_BYTES } from '../read/record-size.js';
import type { BatchEntry } from '../validate/batch-rules.js';
import { cacheFolders, contextHash, keepInUse, removeUnusedCaches } from './cache-folder.js';
import { CheckedBatch } from './checked-batch.js';
import type { PoolOptions } from './check-pool.js';
import type { FileResult } from './check-one.js';
import { findingRows, numberedRows, packFindings, readNumbers, rowsOf, type FindingRow } from './file-findings.js';
import { isFindingCode } from '../record/finding-codes.js';

/**
 * `ntk check --cache`: results of unchanged files are reused.
 *
 * One cache file per set of paths checked (`ntk check records/` has its
 * own), in the user's cache folder, never beside the records. Its name
 * (cache-folder.ts) hashes everything a result depends on apart from the
 * files: ntk's version, the cache format, the rule code, the schema, the
 * templates and the paths checked. Inside, JSON of a few flat lists, the
 * i-th file's part at the same place in each:
 *
 *     { "writtenAt": 1764466800000,
 *       "texts":    ["score-range", "areas.physical-care.sections.1.1.score", "…", …],
 *       "files":    ["records/C-1.yaml", …],
 *       "stamps":   [9412, 1764466790312.5, 1764466790312.5, …],
 *       "hashes":   ["K3…", …],
 *       "entries":  ["C-1", "2024-06-01", 4, 14, "2024-12-01", 300, 16, …],
 *       "findings": ["89,23,0,1,2,110,23,0,3,4", "", …],
 *       "answer":   { "today": "2025-01-01", "files": [0, 3, …], "findings": ["300,16,7,8,9", …] } }
 *
 * `files` holds exactly the files of the last run, in the order checked: a
 * file deleted or moved out of the folder leaves the cache on the next
 * save, so the cache never outgrows the records. For each, three `stamps`
 * (size, modification and change times), its content hash (the SHA-256 of
 * its bytes, cut to 22 base64 characters), seven `entries` (what the batch
 * rules need: the child's ref, the completed date and its line and column,
 * the next review date and its line and column; null, null, 0, 0, null, 0,
 * 0 for a file that had none, and 0, 0 for no position) and its `findings`,
 * five numbers each: line and column (0 for none), then the code, path and
 * message as indexes into `texts`. Ten thousand files share a hundred
 * messages, kept once. Flat lists of numbers and short strings, not an
 * object per file: a warm run reads the cache of 10,000 files in a quarter
 * of the time, and makes a fraction of the objects.
 *
 * Results are found by content: a file whose size or times changed is
 * hashed, and a file of the cache with the same hash (the same file
 * touched, renamed or copied) gives its result. The size and times only
 * save reading a file that is plainly unchanged (and are ignored when the
 * file changed within a second or two of the cache being written, as git
 * does).
 *
 * The one per-file rule that depends on today is `completed-in-future`, so
 * a result is kept only when the record's completed date is not after
 * today, and reused only on days when that still holds. The batch rules
 * (duplicates, overdue reviews) depend on every file and on the day: their
 * findings are the `answer`, numbered as the others, by the index of their
 * file, for the day they were worked out on. A run on that day over the
 * same files, every one plainly unchanged where it was, reuses it; any
 * other works them out afresh from the entries (and saves the new answer).
 */

/** A file modified this close to the cache being written may have changed again within the same clock tick. */
const RACY_MS = 2000;
/** How many values a file has in `stamps` and in `entries`, and a finding in `findings`. */
const STAMP = 3;
const ENTRY = 7;
const ROW = 5;

interface CacheFile {
  writtenAt: number;
  texts: string[];
  files: string[];
  stamps: number[];
  hashes: string[];
  entries: (string | number | null)[];
  findings: string[];
  /** The batch rules' findings on `today`: the index of each file that has some, and its findings. */
  answer: { today: string; files: number[]; findings: string[] } | null;
}

type CachedEntry = Omit<BatchEntry, 'file'>;

/** A freshly checked file's result as this run will save it: its findings as the one string the check packed them in (file-findings.ts). */
interface FreshResult {
  entry: CachedEntry | null;
  findings: string;
}

/**
 * What this run keeps, to save: for each file, its size and times now, its
 * content hash and where its result comes from, the saved cache (an index
 * into its lists) or the check. In typed arrays and the hashes the cache
 * already holds, not an object per file: a warm run keeps 10,000 of them
 * until the end, and every object kept that long is copied by the garbage collector.
 */
class Kept {
  readonly stamps: Float64Array;
  /** Undefined for a file the cache cannot keep: not a regular file of a record's size, or unreadable. */
  readonly hashes: (string | undefined)[];
  /** Index of the result in the saved cache; -1 for none (then `fresh` may have it). */
  readonly from: Int32Array;
  readonly fresh = new Map<number, FreshResult>();

  constructor(files: number) {
    this.stamps = new Float64Array(files * STAMP);
    this.hashes = new Array<string | undefined>(files);
    this.from = new Int32Array(files).fill(-1);
  }
}

/** A cache as read, its lists checked to be lists of matching lengths. */
class SavedCache {
  /** Per text: 1 a finding code, 2 any other string, 0 not a string; worked out once, not for every finding. */
  private readonly kinds: Uint8Array;
  private byFile: Map<string, number> | null = null;
  private byHash: Map<string, number> | null = null;

  constructor(
    readonly cache: CacheFile,
    readonly place: string,
  ) {
    this.kinds = new Uint8Array(cache.texts.length);
    cache.texts.forEach((text, i) => (this.kinds[i] = isFindingCode(text) ? 1 : typeof text === 'string' ? 2 : 0));
  }

  /** Where `file` is in the cache: at `guess` when the files are the ones of the last run, in the same order; else looked up. */
  indexOf(file: string, guess: number): number {
    const files = this.cache.files;
    if (files[guess] === file) return guess;
    this.byFile ??= new Map(files.map((f, i) => [f, i]));
    return this.byFile.get(file) ?? -1;
  }

  /** Where a file of this content is in the cache, or -1: the map is made on the first file that changed. */
  indexOfHash(hash: string): number {
    this.byHash ??= new Map(this.cache.hashes.map((h, i) => [h, i]));
    return this.byHash.get(hash) ?? -1;
  }

  /** The content hash of the file at `i` when it is plainly unchanged since (its size and times as `kept` has them now for `file`), else null. */
  unchangedHash(i: number, kept: Kept, file: number): string | null {
    const s = this.cache.stamps;
    const now = kept.stamps;
    const k = i * STAMP;
    const n = file * STAMP;
    const hash = this.cache.hashes[i];
    const same = s[k] === now[n] && s[k + 1] === now[n + 1] && s[k + 2] === now[n + 2] && now[n + 2]! < this.cache.writtenAt - RACY_MS;
    return same && typeof hash === 'string' ? hash : null;
  }

  /**
   * The result at `i`, for `file`, when it is the shape this code writes and
   * holds on `today`, with its entry unless `withEntry` is false (the day's
   * answer stands in for the batch rules: the entries it was worked out from
   * held on this day); a result damaged by hand costs a check, never a wrong
   * answer or a crash.
   */
  result(i: number, file: string, today: string, withEntry: boolean): { entry: BatchEntry | null; numbers: readonly number[] } | null {
    const entry = withEntry ? this.entry(i, file, today) : null;
    if (entry === undefined) return null;
    const numbers = this.findingsAt(this.cache.findings[i]);
    return numbers === null ? null : { entry, numbers };
  }

  /**
   * Gives `take` the batch rules' findings the cache holds for `today`, by
   * file index, numbered (readNumbers: valid until the next call); false,
   * part way or before, when there is no answer for the day or it is damaged.
   */
  answer(today: string, files: number, take: (index: number, numbers: readonly number[]) => void): boolean {
    const answer: unknown = this.cache.answer;
    if (!isObject(answer) || answer.today !== today || !Array.isArray(answer.files) || !Array.isArray(answer.findings)) return false;
    if (answer.files.length !== answer.findings.length) return false;
    for (let k = 0; k < answer.files.length; k++) {
      const index: unknown = answer.files[k];
      if (!isCount(index) || index >= files) return false;
      const numbers = this.findingsAt(answer.findings[k]);
      if (numbers === null) return false;
      take(index, numbers);
    }
    return true;
  }

  /** The numbers of findings (readNumbers: kept until its next call) when each points at texts of its kind, else null. */
  private findingsAt(text: unknown): readonly number[] | null {
    const numbers = typeof text === 'string' ? readNumbers(text) : null;
    if (numbers === null) return null;
    // Indexes past the end give undefined, which is neither 1 nor >= 1.
    const kinds = this.kinds;
    for (let j = 0; j < numbers.length; j += ROW) if (kinds[numbers[j + 2]!] !== 1 || !(kinds[numbers[j + 3]!]! >= 1) || !(kinds[numbers[j + 4]!]! >= 1)) return null;
    return numbers;
  }

  /** The entry at `i` for `file` (null for a file that had none), or undefined when it is damaged or completed after `today`. */
  private entry(i: number, file: string, today: string): BatchEntry | null | undefined {
    const e = this.cache.entries;
    const k = i * ENTRY;
    const ref = e[k];
    if (ref === null) return null;
    const completed = e[k + 1];
    const nextReview = e[k + 4];
    if (typeof ref !== 'string' || typeof completed !== 'string' || !(nextReview === null || typeof nextReview === 'string')) return undefined;
    // `completed-in-future` depends on the day.
    if (completed > today) return undefined;
    const completedAt = positionAt(e, k + 2);
    const nextReviewAt = positionAt(e, k + 5);
    if (completedAt === undefined || nextReviewAt === undefined) return undefined;
    return { file, ref, completed, completedAt, nextReview, nextReviewAt };
  }
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
  const kept = new Kept(files.length);
  // First which files the cache knows as they are now, then what it knows of them.
  const { unchanged, changed } = knownFiles(files, saved, kept);
  const withAnswer = unchanged ? reuse(files, saved, kept, options.today, true, onDone) : null;
  // Without the day's answer (or should it or a result it needs be damaged), the batch rules are worked out afresh.
  const batch = withAnswer ?? reuse(files, saved, kept, options.today, false, onDone)!;
  const misses: number[] = [];
  for (let i = 0; i < files.length; i++) if (kept.from[i] === -1) misses.push(i);
  let done = files.length - misses.length;
  let keptFresh = false;
  if (misses.length > 0) {
    // The checking code is loaded only when something needs checking: a fully warm run just reads the cache.
    const { checkEachInPool } = await import('./check-pool.js');
    await checkEachInPool(
      misses.map((index) => files[index]!),
      options,
      (k, fresh) => {
        const index = misses[k]!;
        batch.addResult(index, fresh);
        if (keepFresh(kept, index, files[index]!, fresh, options.today)) keptFresh = true;
        onDone?.(++done);
      },
    );
  }
  // The day's answer is saved when there is a new one that a run over these files could reuse: every file is kept.
  const newAnswer = withAnswer === null && kept.from.every((from, i) => from >= 0 || kept.fresh.has(i));
  if (changed || keptFresh || newAnswer) await save(places, files, kept, saved?.cache ?? null, batch, options.today);
  else keepInUse(saved!.place);
  return batch;
}

/**
 * Stamps every file, and finds each one's result in the cache: where the
 * file was when it is plainly unchanged, else by its content. `unchanged`:
 * every file is where it was, plainly unchanged, and no other is in the
 * cache; `changed`: the cache needs saving for what this finds.
 */
function knownFiles(files: readonly string[], saved: SavedCache | null, kept: Kept): { unchanged: boolean; changed: boolean } {
  // Where the next kept file goes in the cache saved: when every file is where it was, nothing needs saving.
  let position = 0;
  let unchanged = saved !== null;
  let changed = saved === null;
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    // Not a regular file (a FIFO would never finish reading), or too big to be a record: the checker must see it.
    if (!stampInto(kept.stamps, i, file)) {
      unchanged = false;
      continue;
    }
    let at = saved === null ? -1 : saved.indexOf(file, position);
    let hash = at >= 0 ? saved!.unchangedHash(at, kept, i) : null;
    if (hash === null) {
      try {
        hash = contentHash(readFileSync(file));
      } catch {
        unchanged = false;
        continue;
      }
      // A file touched, renamed or copied but not changed keeps its result (and its new stamp is saved).
      changed = true;
      unchanged = false;
      at = saved === null ? -1 : saved.indexOfHash(hash);
    }
    kept.hashes[i] = hash;
    kept.from[i] = at;
    if (at < 0) unchanged = false;
    else if (at !== position++) changed = true;
  }
  // Files gone since leave the cache too.
  if (saved !== null && position !== saved.cache.files.length) changed = true;
  return { unchanged: unchanged && !changed, changed };
}

/**
 * The batch of the results the cache holds for the files `knownFiles` found
 * (a file whose result cannot be used is left to check: its `from` set to
 * -1), with the day's answer for the batch rules (`withAnswer`), or without,
 * the entries to work them out from. With the answer, null when there is
 * none or a result cannot be used: the answer is for every file as it was.
 */
function reuse(files: readonly string[], saved: SavedCache | null, kept: Kept, today: string, withAnswer: boolean, onDone?: (done: number) => void): CheckedBatch | null {
  const batch = new CheckedBatch(files, today);
  if (withAnswer) {
    const known = batch.knownRuleFindings(saved!.cache.texts);
    if (!saved!.answer(today, files.length, (index, numbers) => known.add(index, numbers))) return null;
  }
  let done = 0;
  for (let i = 0; i < files.length; i++) {
    const at = kept.from[i]!;
    const result = at >= 0 ? saved!.result(at, files[i]!, today, !withAnswer) : null;
    if (result === null) {
      if (withAnswer) return null;
      kept.from[i] = -1;
      continue;
    }
    batch.addCached(i, result.numbers, saved!.cache.texts, result.entry);
    onDone?.(++done);
  }
  return batch;
}

function readCache(places: readonly string[]): SavedCache | null {
  for (const place of places) {
    try {
      const cache = JSON.parse(readFileSync(place, 'utf8')) as CacheFile;
      if (!isObject(cache) || typeof cache.writtenAt !== 'number') continue;
      const { texts, files, stamps, hashes, entries, findings } = cache;
      if (![texts, files, stamps, hashes, entries, findings].every(Array.isArray)) continue;
      const n = files.length;
      if (stamps.length !== n * STAMP || hashes.length !== n || entries.length !== n * ENTRY || findings.length !== n) continue;
      return new SavedCache(cache, place);
    } catch {
      // Not there, or not readable: try the next folder, then start afresh.
    }
  }
  return null;
}

/** Keeps a freshly checked file's result, with its size and times as they are now; false when it cannot be kept. */
function keepFresh(kept: Kept, index: number, file: string, fresh: FileResult, today: string): boolean {
  const e = fresh.entry;
  if (kept.hashes[index] === undefined || (e !== null && e.completed > today)) return false;
  if (!stampInto(kept.stamps, index, file)) return false;
  kept.fresh.set(index, {
    entry: e && { ref: e.ref, completed: e.completed, completedAt: e.completedAt, nextReview: e.nextReview, nextReviewAt: e.nextReviewAt },
    findings: fresh.packed ? fresh.packed.text : packFindings(fresh.findings),
  });
  return true;
}

/**
 * Writes the cache to the first folder that takes it, in the order of
 * `files`: the same files give the same text. The batch rules' findings are
 * the answer for `today` when every file is kept, so that they are for the
 * files the cache holds.
 */
async function save(places: readonly string[], files: readonly string[], kept: Kept, old: CacheFile | null, batch: CheckedBatch, today: string): Promise<void> {
  // Loaded here: a warm run with nothing to save never needs it.
  const { writeFileAtomic } = await import('../io/atomic-write.js');
  const cache: CacheFile = { writtenAt: Date.now(), texts: [], files: [], stamps: [], hashes: [], entries: [], findings: [], answer: null };
  const ids = new Map<string, number>();
  const id = (text: string) => ids.get(text) ?? ids.set(text, cache.texts.push(text) - 1).get(text)!;
  const numbered = (rows: readonly FindingRow[]) => {
    const numbers: number[] = [];
    for (const [line, column, code, path, message] of rows) numbers.push(line ?? 0, column ?? 0, id(code), id(path), id(message));
    return numbers.join(',');
  };
  for (let i = 0; i < files.length; i++) {
    const from = kept.from[i]!;
    const fresh = kept.fresh.get(i);
    let rows;
    if (from >= 0) {
      // Read and checked when this run began (SavedCache.result).
      cache.entries.push(...old!.entries.slice(from * ENTRY, (from + 1) * ENTRY));
      rows = numberedRows(old!.findings[from]!, old!.texts);
    } else if (fresh !== undefined) {
      const e = fresh.entry;
      if (e === null) cache.entries.push(null, null, 0, 0, null, 0, 0);
      else cache.entries.push(e.ref, e.completed, e.completedAt?.line ?? 0, e.completedAt?.column ?? 0, e.nextReview, e.nextReviewAt?.line ?? 0, e.nextReviewAt?.column ?? 0);
      rows = rowsOf(fresh.findings);
    } else {
      continue;
    }
    cache.files.push(files[i]!);
    cache.stamps.push(...kept.stamps.subarray(i * STAMP, (i + 1) * STAMP));
    cache.hashes.push(kept.hashes[i]!);
    cache.findings.push(numbered(rows));
  }
  if (cache.files.length === files.length) {
    const answer: NonNullable<CacheFile['answer']> = { today, files: [], findings: [] };
    for (const [index, found] of batch.ruleFindingsByFile()) {
      answer.files.push(index);
      answer.findings.push(numbered(findingRows(found)));
    }
    cache.answer = answer;
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

/** A position as two numbers (0, 0 for none); undefined when they are not. */
function positionAt(list: readonly unknown[], k: number): BatchEntry['completedAt'] | undefined {
  const line = list[k];
  const column = list[k + 1];
  if (!isCount(line) || !isCount(column)) return undefined;
  return line === 0 ? null : { line, column };
}

/** One options object for 10,000 stat calls. */
const MAY_BE_GONE = { throwIfNoEntry: false } as const;

/**
 * Puts the size and times of `file` at `i` of `stamps`, when it is a regular
 * file of a record's size; false for anything the cache leaves to the checker.
 */
function stampInto(stamps: Float64Array, i: number, file: string): boolean {
  let info;
  try {
    info = statSync(file, MAY_BE_GONE);
  } catch {
    return false;
  }
  if (info === undefined || !info.isFile() || info.size > MAX_RECORD_BYTES) return false;
  const k = i * STAMP;
  stamps[k] = info.size;
  stamps[k + 1] = info.mtimeMs;
  stamps[k + 2] = info.ctimeMs;
  return true;
}

/**
 * SHA-256 of the content, cut to 128 bits (22 base64 characters): plenty to
 * tell one version of a file from another.
 */
function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64').slice(0, 22);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
