import type { FileResult } from './check-one.js';
import { ENTRY, STAMP } from './cache-file.js';
import { HASH_BYTES } from './content-hash.js';
import { NumberedFindings, packFindings } from './file-findings.js';
import type { SavedCache } from './saved-cache.js';

/**
 * What a `--cache` run keeps, to save: for each file, its size and times
 * now, its content hash and where its result comes from, the saved cache (an
 * index into its lists) or the check. In typed arrays, not an object per
 * file: a warm run keeps 10,000 of them until the end, and every object kept
 * that long is copied by the garbage collector.
 */
export class Kept {
  readonly stamps: Float64Array;
  /** Per file: 0 no hash (the cache cannot keep it), 1 its hash is in `hashes`, 2 it is the hash of its result in the saved cache (`from`). */
  readonly hashKind: Uint8Array;
  readonly hashes: Uint8Array;
  /** Index of the result in the saved cache; -1 for none (then `fresh` may have it). */
  readonly from: Int32Array;
  readonly fresh: FreshResults;

  constructor(files: number) {
    this.stamps = new Float64Array(files * STAMP);
    this.hashKind = new Uint8Array(files);
    this.hashes = new Uint8Array(files * HASH_BYTES);
    this.from = new Int32Array(files).fill(-1);
    this.fresh = new FreshResults(files);
  }

  /** The content hash (content-hash.ts) of the file at `i`. */
  setHash(i: number, hash: string): void {
    for (let k = 0; k < HASH_BYTES; k++) this.hashes[i * HASH_BYTES + k] = hash.charCodeAt(k);
    this.hashKind[i] = 1;
  }

  /** The file at `i` is the saved cache's file at `from` (its result may still prove unusable: forget). */
  sameAsSaved(i: number, from: number): void {
    this.from[i] = from;
    this.hashKind[i] = 2;
  }

  /** The saved result of the file at `i` cannot be used: its hash is kept, to save with a fresh result. */
  forget(i: number, saved: SavedCache): void {
    if (this.hashKind[i] === 2) {
      this.hashes.set(saved.hash(this.from[i]!), i * HASH_BYTES);
      this.hashKind[i] = 1;
    }
    this.from[i] = -1;
  }

  /** The content hash of the file at `i`; only for a file kept. */
  hash(i: number, saved: SavedCache | null): Uint8Array {
    return this.hashKind[i] === 2 ? saved!.hash(this.from[i]!) : this.hashes.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES);
  }

  /** Whether the file at `i` has a result to save, from the cache or the check. */
  has(i: number): boolean {
    return this.from[i]! >= 0 || this.fresh.has(i);
  }
}

/**
 * Freshly checked files' results as the cache will save them, numbered as
 * they arrive: entries as seven numbers, findings as five (cache-file.ts),
 * their texts each kept once. Numbers, not the strings the check packed
 * findings in: the first `--cache` run over 50,000 findings-heavy records held
 * 125 MB of those strings until the end.
 */
export class FreshResults {
  /** Findings, and the entries' ref and dates, numbered into texts in the order they came; save numbers them again in the order of files. */
  readonly findings: NumberedFindings;
  readonly entries: Int32Array;
  private readonly kept: Uint8Array;

  constructor(files: number) {
    this.findings = new NumberedFindings(files);
    this.entries = new Int32Array(files * ENTRY);
    this.kept = new Uint8Array(files);
  }

  has(i: number): boolean {
    return this.kept[i] === 1;
  }

  add(i: number, result: FileResult): void {
    const e = result.entry;
    const id = (text: string) => this.findings.id(text);
    const k = i * ENTRY;
    if (e === null) this.entries.set([-1, -1, 0, 0, -1, 0, 0], k);
    else {
      this.entries.set(
        [id(e.ref), id(e.completed), e.completedAt?.line ?? 0, e.completedAt?.column ?? 0, e.nextReview === null ? -1 : id(e.nextReview), e.nextReviewAt?.line ?? 0, e.nextReviewAt?.column ?? 0],
        k,
      );
    }
    this.findings.addPacked(i, result.packed ? result.packed.text : packFindings(result.findings));
    this.kept[i] = 1;
  }
}
