import { readFileSync } from 'node:fs';
import type { BatchEntry } from '../validate/batch-rules.js';
import { isFindingCode } from '../record/finding-codes.js';
import { decodeCache, ENTRY, ROW, STAMP, type CacheData } from './cache-file.js';
import { HASH_BYTES } from './content-hash.js';

/** A file modified this close to the cache being written may have changed again within the same clock tick. */
const RACY_MS = 2000;

/**
 * A cache as read (cache-file.ts), and the checks of what a run takes from
 * it: each text a number points at is of the kind it must be, each count in
 * range. A cache damaged by hand costs a check, never a wrong answer or a crash.
 */
export class SavedCache {
  /** Per text: 1 a finding code, 2 any other string, 0 not a string; worked out once, not for every finding. */
  private readonly kinds: Uint8Array;
  private byFile: Map<unknown, number> | null = null;
  private byHash: Map<string, number> | null = null;

  constructor(
    readonly data: CacheData,
    readonly place: string,
  ) {
    this.kinds = new Uint8Array(data.texts.length);
    data.texts.forEach((text, i) => (this.kinds[i] = isFindingCode(text) ? 1 : typeof text === 'string' ? 2 : 0));
  }

  /** The texts every number points into; those a run takes are checked to be strings. */
  get texts(): readonly string[] {
    return this.data.texts as readonly string[];
  }

  /** Where `file` is in the cache: at `guess` when the files are the ones of the last run, in the same order; else looked up. */
  indexOf(file: string, guess: number): number {
    const files = this.data.files;
    if (files[guess] === file) return guess;
    this.byFile ??= new Map(files.map((f, i) => [f, i]));
    return this.byFile.get(file) ?? -1;
  }

  /** Where a file with the content hash at `at` of `hashes` is in the cache, or -1: the map is made on the first file that changed. */
  indexOfHash(hashes: Uint8Array, at: number): number {
    if (this.byHash === null) {
      const mine = Buffer.from(this.data.hashes.buffer, this.data.hashes.byteOffset, this.data.hashes.length);
      this.byHash = new Map();
      for (let i = 0; i < this.data.files.length; i++) this.byHash.set(mine.toString('latin1', i * HASH_BYTES, (i + 1) * HASH_BYTES), i);
    }
    return this.byHash.get(Buffer.from(hashes.buffer, hashes.byteOffset + at * HASH_BYTES, HASH_BYTES).toString('latin1')) ?? -1;
  }

  /** The content hash of the file at `i`, as bytes. */
  hash(i: number): Uint8Array {
    return this.data.hashes.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES);
  }

  /** Whether the file at `i` is plainly unchanged since: its size and times as `stamps` has them at `file` now. */
  unchanged(i: number, stamps: Float64Array, file: number): boolean {
    const s = this.data.stamps;
    const k = i * STAMP;
    const n = file * STAMP;
    return s[k] === stamps[n] && s[k + 1] === stamps[n + 1] && s[k + 2] === stamps[n + 2] && stamps[n + 2]! < this.data.writtenAt - RACY_MS;
  }

  /** The findings of the file at `i` (five numbers each, into `texts`), or null when they are damaged. */
  findingsAt(i: number): Int32Array | null {
    const { findingStarts, findings } = this.data;
    return this.rows(findings, findingStarts[i]!, findingStarts[i + 1]!);
  }

  /** The findings of every file, and where each file's start (cache-file.ts), or null when any is damaged: checked in one pass. */
  allFindings(): { numbers: Int32Array; starts: Int32Array } | null {
    const { findingStarts, findings } = this.data;
    const numbers = this.rows(findings, 0, findings.length);
    return numbers && { numbers, starts: findingStarts };
  }

  /**
   * The batch rules' findings the cache holds for `today` (cache-file.ts:
   * the k-th run of `numbers` is file `indexes[k]`'s), checked in one pass;
   * null when there is no answer for the day, or it is damaged: a file named
   * twice, out of order or past the `files` there are.
   */
  answer(today: string, files: number): { indexes: Int32Array; starts: Int32Array; numbers: Int32Array } | null {
    const answer = this.data.answer;
    if (answer === null || answer.today !== today || this.rows(answer.findings, 0, answer.findings.length) === null) return null;
    let previous = -1;
    for (const index of answer.files) {
      if (index <= previous || index >= files) return null;
      previous = index;
    }
    return { indexes: answer.files, starts: answer.starts, numbers: answer.findings };
  }

  /** Findings `start` to `end` of `list` when each is a place and texts of its kind, else null. */
  private rows(list: Int32Array, start: number, end: number): Int32Array | null {
    const kinds = this.kinds;
    for (let j = start; j < end; j += ROW) {
      // Indexes past the end give undefined, which is neither 1 nor >= 1.
      if (list[j]! < 0 || list[j + 1]! < 0 || kinds[list[j + 2]!] !== 1 || !(kinds[list[j + 3]!]! >= 1) || !(kinds[list[j + 4]!]! >= 1)) return null;
    }
    return list.subarray(start, end);
  }

  /** The entry at `i` for `file` (null for a file that had none), or undefined when it is damaged or completed after `today`. */
  entry(i: number, file: string, today: string): BatchEntry | null | undefined {
    const e = this.data.entries;
    const k = i * ENTRY;
    if (e[k] === -1) return null;
    const [ref, completed] = [this.text(e[k]!), this.text(e[k + 1]!)];
    const nextReview = e[k + 4] === -1 ? null : this.text(e[k + 4]!);
    if (ref === undefined || completed === undefined || nextReview === undefined) return undefined;
    // `completed-in-future` depends on the day.
    if (completed > today) return undefined;
    const completedAt = positionAt(e, k + 2);
    const nextReviewAt = positionAt(e, k + 5);
    if (completedAt === undefined || nextReviewAt === undefined) return undefined;
    return { file, ref, completed, completedAt, nextReview, nextReviewAt };
  }

  private text(index: number): string | undefined {
    return this.kinds[index]! >= 1 ? this.texts[index] : undefined;
  }
}

/** The cache at the first of `places` that holds one; null when none does. */
export function readCache(places: readonly string[]): SavedCache | null {
  for (const place of places) {
    try {
      const data = decodeCache(readFileSync(place));
      if (data !== null) return new SavedCache(data, place);
    } catch {
      // Not there, or not readable: try the next folder, then start afresh.
    }
  }
  return null;
}

/** A position as two numbers (0, 0 for none); undefined when they are not. */
function positionAt(list: Int32Array, k: number): BatchEntry['completedAt'] | undefined {
  const line = list[k]!;
  const column = list[k + 1]!;
  if (line < 0 || column < 0) return undefined;
  return line === 0 ? null : { line, column };
}
