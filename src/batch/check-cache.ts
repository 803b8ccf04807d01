import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MAX_RECORD_BYTES } from '../read/record-size.js';
import { cacheFolders, contextHash, keepInUse, removeUnusedCaches } from './cache-folder.js';
import { encodeCache, ENTRY, ROW, STAMP, type CacheData } from './cache-file.js';
import { contentHash, HASH_BYTES } from './content-hash.js';
import { CheckedBatch } from './checked-batch.js';
import type { PoolOptions } from './check-pool.js';
import { Kept } from './kept-results.js';
import { readCache, type SavedCache } from './saved-cache.js';

/**
 * `ntk check --cache`: results of unchanged files are reused.
 *
 * One cache file per set of paths checked (`ntk check records/` has its
 * own), in the user's cache folder, never beside the records. Its name
 * (cache-folder.ts) hashes everything a result depends on apart from the
 * files: ntk's version, the cache format, the rule code, the schema, the
 * templates and the paths checked. Inside (cache-file.ts), for each file
 * of the last run, in the order checked: its three stamps (size,
 * modification and change times), its content hash, its seven entries (what
 * the batch rules need: the child's ref, the completed date and its line and
 * column, the next review date and its line and column) and its findings,
 * five numbers each: line and column, then the code, path and message as
 * indexes into texts the files share (ten thousand files share a hundred
 * messages, kept once). A file deleted or moved out of the folder leaves the
 * cache on the next save, so the cache never outgrows the records.
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

/**
 * A check that reuses what the cache knows: the results of unchanged files,
 * with only the others going to the worker pool. `scope` is the paths the
 * user named, which pick the cache. A cache that cannot be read is no
 * cache; one that cannot be written costs time next run, never the check.
 */
export async function checkWithCache(files: readonly string[], scope: readonly string[], options: PoolOptions, version: string, onDone?: (done: number) => void): Promise<CheckedBatch> {
  const name = `check-${contextHash(version, scope)}.bin`;
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
      { ...options, hash: true },
      (k, fresh) => {
        const index = misses[k]!;
        batch.addResult(index, fresh);
        // Kept when the cache can hold it: a regular file read whole, completed by today, its stamp taken again.
        if (fresh.hash !== undefined) kept.setHash(index, fresh.hash);
        const e = fresh.entry;
        if (kept.hashKind[index] !== 0 && (e === null || e.completed <= options.today) && stampInto(kept.stamps, index, files[index]!)) {
          kept.fresh.add(index, fresh);
          keptFresh = true;
        }
        onDone?.(++done);
      },
    );
  }
  // The day's answer is saved when there is a new one that a run over these files could reuse: every file is kept.
  const newAnswer = withAnswer === null && files.every((_file, i) => kept.has(i));
  if (changed || keptFresh || newAnswer) await save(places, files, kept, saved, batch, options.today);
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
    if (at >= 0 && saved!.unchanged(at, kept.stamps, i)) kept.sameAsSaved(i, at);
    else if (saved !== null) {
      try {
        kept.setHash(i, contentHash(readFileSync(file)));
      } catch {
        unchanged = false;
        continue;
      }
      // A file touched, renamed or copied but not changed keeps its result (and its new stamp is saved).
      changed = true;
      unchanged = false;
      at = saved.indexOfHash(kept.hashes, i);
      kept.from[i] = at;
    }
    // With no cache to find a file in by its content, its hash comes from its check (the bytes the check read).
    if (at < 0) unchanged = false;
    else if (at !== position++) changed = true;
  }
  // Files gone since leave the cache too.
  if (saved !== null && position !== saved.data.files.length) changed = true;
  return { unchanged: unchanged && !changed, changed };
}

/**
 * The batch of the results the cache holds for the files `knownFiles` found
 * (a file whose result cannot be used is left to check: forgotten), with the
 * day's answer for the batch rules (`withAnswer`), or without, the entries
 * to work them out from. With the answer, null when there is none or a
 * result cannot be used: the answer is for every file as it was.
 */
function reuse(files: readonly string[], saved: SavedCache | null, kept: Kept, today: string, withAnswer: boolean, onDone?: (done: number) => void): CheckedBatch | null {
  const batch = new CheckedBatch(files, today);
  if (withAnswer) {
    const known = saved!.answer(today, files.length);
    // The day's answer is taken only when every file is where it was in the cache, which then holds these files alone.
    const all = saved!.allFindings();
    if (known === null || all === null) return null;
    batch.knownRuleFindings(saved!.texts, known.indexes, known.starts, known.numbers);
    batch.addAllCached(all.numbers, all.starts, saved!.texts);
    onDone?.(files.length);
    return batch;
  }
  let done = 0;
  for (let i = 0; i < files.length; i++) {
    const at = kept.from[i]!;
    if (at < 0) continue;
    const entry = saved!.entry(at, files[i]!, today);
    const numbers = entry === undefined ? null : saved!.findingsAt(at);
    if (entry === undefined || numbers === null) {
      kept.forget(i, saved!);
      continue;
    }
    batch.addCached(i, numbers, saved!.texts, entry);
    onDone?.(++done);
  }
  return batch;
}

/**
 * Writes the cache to the first folder that takes it: the files kept, in the
 * order of `files`, their texts numbered in that order, so that the same
 * files give the same bytes. The batch rules' findings are the answer for
 * `today` when every file is kept, so that they are for the files the cache holds.
 */
async function save(places: readonly string[], files: readonly string[], kept: Kept, saved: SavedCache | null, batch: CheckedBatch, today: string): Promise<void> {
  // Loaded here: a warm run with nothing to save never needs it.
  const { writeFileAtomic } = await import('../io/atomic-write.js');
  const texts: string[] = [];
  const ids = new Map<string, number>();
  const id = (text: string) => {
    let k = ids.get(text);
    if (k === undefined) {
      k = texts.push(text) - 1;
      ids.set(text, k);
    }
    return k;
  };
  // The saved cache's numbers and the fresh ones each point into texts of their own: both are numbered into `texts`.
  const renumber = (from: readonly string[]) => {
    const to = new Int32Array(from.length).fill(-1);
    return (k: number) => (to[k]! >= 0 ? to[k]! : (to[k] = id(from[k]!)));
  };
  const fromSaved = renumber(saved?.texts ?? []);
  const fromFresh = renumber(kept.fresh.findings.texts);
  const order: number[] = [];
  let total = 0;
  for (let i = 0; i < files.length; i++) {
    if (!kept.has(i)) continue;
    order.push(i);
    const from = kept.from[i]!;
    total += from >= 0 ? saved!.data.findingStarts[from + 1]! - saved!.data.findingStarts[from]! : kept.fresh.findings.store.numbersOf(i).length;
  }
  const n = order.length;
  const data: CacheData = {
    writtenAt: Date.now(),
    files: order.map((i) => files[i]!),
    texts,
    stamps: new Float64Array(n * STAMP),
    entries: new Int32Array(n * ENTRY),
    findingStarts: new Int32Array(n + 1),
    findings: new Int32Array(total),
    answer: null,
    hashes: new Uint8Array(n * HASH_BYTES),
  };
  let at = 0;
  order.forEach((i, k) => {
    const from = kept.from[i]!;
    const [entries, e, findings, next] =
      from >= 0 ? [saved!.data.entries, from * ENTRY, saved!.findingsAt(from)!, fromSaved] : [kept.fresh.entries, i * ENTRY, kept.fresh.findings.store.numbersOf(i), fromFresh];
    data.stamps.set(kept.stamps.subarray(i * STAMP, (i + 1) * STAMP), k * STAMP);
    data.hashes.set(kept.hash(i, saved), k * HASH_BYTES);
    // The ref and the two dates are texts (-1 for none), the rest places.
    for (let j = 0; j < ENTRY; j++) {
      const value = entries[e + j]!;
      data.entries[k * ENTRY + j] = (j === 0 || j === 1 || j === 4) && value >= 0 ? next(value) : value;
    }
    data.findingStarts[k] = at;
    const out = data.findings;
    for (let j = 0; j < findings.length; j += ROW, at += ROW) {
      out[at] = findings[j]!;
      out[at + 1] = findings[j + 1]!;
      out[at + 2] = next(findings[j + 2]!);
      out[at + 3] = next(findings[j + 3]!);
      out[at + 4] = next(findings[j + 4]!);
    }
  });
  data.findingStarts[n] = at;
  if (n === files.length) {
    const answerFiles: number[] = [];
    const starts = [0];
    const numbers: number[] = [];
    for (const [index, found] of batch.ruleFindingsByFile()) {
      answerFiles.push(index);
      for (const f of found) numbers.push(f.line ?? 0, f.column ?? 0, id(f.code), id(f.path), id(f.message));
      starts.push(numbers.length);
    }
    data.answer = { today, files: Int32Array.from(answerFiles), starts: Int32Array.from(starts), findings: Int32Array.from(numbers) };
  }
  const content = encodeCache(data);
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
