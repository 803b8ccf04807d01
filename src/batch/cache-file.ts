import { endianness } from 'node:os';
import { HASH_BYTES } from './content-hash.js';

/**
 * The bytes of a check cache (check-cache.ts says what it holds and why):
 * a line of JSON with its strings and counts, then its numbers as they sit
 * in memory, in typed arrays a warm run reads in place.
 *
 *     {"cache":"ntk check","endian":"LE","writtenAt":1764466800000,
 *      "files":["records/C-1.yaml",…],"texts":["score-range","C-1","2024-06-01",…],
 *      "findings":1234,"answer":{"today":"2025-01-01","files":3,"findings":15}}\n
 *     (zero bytes to the next multiple of 8)
 *     stamps          float64, 3 a file: size, modification and change times
 *     entries         int32, 7 a file: the child's ref, the completed date and its
 *                     line and column, the next review date and its line and column
 *                     (the dates and ref as indexes into texts, -1 for none)
 *     findingStarts   int32, a file's findings are findings[starts[i]..starts[i+1]]
 *     findings        int32, 5 a finding: line and column (0 for none), then the
 *                     code, path and message as indexes into texts
 *     answerFiles     int32, the index of each file the day's answer has findings for
 *     answerStarts    int32, as findingStarts, for answerFiles
 *     answerFindings  int32, as findings
 *     hashes          16 bytes a file: the first half of the SHA-256 of its content
 *
 * Numbers, not text: a warm run of 10,000 findings-heavy records parsed a
 * JSON cache of 3 MB and then its 10,000 strings of numbers, and every
 * number and string it made was copied by the garbage collector on its way
 * to the old generation. Here the numbers are never parsed or copied: the
 * file is read into one buffer and the lists are views of it.
 *
 * decodeCache takes any bytes: anything but a whole cache this code wrote is
 * null. What the numbers point at (texts of the right kind, counts in
 * range) the reader checks as it uses them (check-cache.ts).
 */
export interface CacheData {
  writtenAt: number;
  /** Strings, as far as the cache says: the reader checks each one it uses. */
  files: readonly unknown[];
  texts: readonly unknown[];
  stamps: Float64Array;
  entries: Int32Array;
  findingStarts: Int32Array;
  findings: Int32Array;
  /** The batch rules' findings for `today`, by the files they are in. */
  answer: { today: string; files: Int32Array; starts: Int32Array; findings: Int32Array } | null;
  hashes: Uint8Array;
}

/** How many values a file has in `stamps` and `entries`, a finding in `findings`, and bytes a hash. */
export const STAMP = 3;
export const ENTRY = 7;
export const ROW = 5;

const NAME = 'ntk check';
/** Typed arrays are in this machine's byte order; a cache folder shared with a machine of the other order is no cache there. */
const ENDIAN = endianness();

interface Head {
  cache: string;
  endian: string;
  writtenAt: number;
  files: readonly unknown[];
  texts: readonly unknown[];
  findings: number;
  answer: { today: string; files: number; findings: number } | null;
}

/** The lengths of the lists after the head, in the order they are written. */
function lengths(files: number, findings: number, answer: Head['answer']): { float64: number; int32: number[]; bytes: number } {
  const answerFiles = answer?.files ?? 0;
  return {
    float64: files * STAMP,
    int32: [files * ENTRY, files + 1, findings, answerFiles, answer ? answerFiles + 1 : 0, answer?.findings ?? 0],
    bytes: files * HASH_BYTES,
  };
}

const padTo8 = (n: number) => (n + 7) & ~7;

export function encodeCache(data: CacheData): Uint8Array {
  const files = data.files.length;
  const answer = data.answer && { today: data.answer.today, files: data.answer.files.length, findings: data.answer.findings.length };
  const head: Head = { cache: NAME, endian: ENDIAN, writtenAt: data.writtenAt, files: data.files, texts: data.texts, findings: data.findings.length, answer };
  const headBytes = Buffer.from(`${JSON.stringify(head)}\n`);
  const size = lengths(files, data.findings.length, answer);
  const start = padTo8(headBytes.length);
  const int32Bytes = size.int32.reduce((a, b) => a + b, 0) * 4;
  const out = new Uint8Array(start + size.float64 * 8 + int32Bytes + size.bytes);
  out.set(headBytes);
  let at = start;
  new Float64Array(out.buffer, at, size.float64).set(data.stamps);
  at += size.float64 * 8;
  const lists = [data.entries, data.findingStarts, data.findings, data.answer?.files, data.answer?.starts, data.answer?.findings];
  lists.forEach((list, k) => {
    if (list) new Int32Array(out.buffer, at, size.int32[k]!).set(list);
    at += size.int32[k]! * 4;
  });
  out.set(data.hashes, at);
  return out;
}

/** The cache in `bytes`, its lists views of them; null unless it is whole and of this layout. */
export function decodeCache(bytes: Uint8Array): CacheData | null {
  const newline = bytes.indexOf(10);
  if (newline < 0) return null;
  let head: Head;
  try {
    head = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, newline).toString('utf8')) as Head;
  } catch {
    return null;
  }
  if (!isHead(head)) return null;
  const size = lengths(head.files.length, head.findings, head.answer);
  const start = padTo8(newline + 1);
  const int32Bytes = size.int32.reduce((a, b) => a + b, 0) * 4;
  if (bytes.length !== start + size.float64 * 8 + int32Bytes + size.bytes) return null;
  // Views need their numbers aligned: a buffer that is not (a small file Node read into its shared pool) is copied once.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const { buffer, byteOffset } = aligned;
  let at = byteOffset + start;
  const stamps = new Float64Array(buffer, at, size.float64);
  at += size.float64 * 8;
  const [entries, findingStarts, findings, answerFiles, answerStarts, answerFindings] = size.int32.map((length) => {
    const list = new Int32Array(buffer, at, length);
    at += length * 4;
    return list;
  }) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  if (!startsOf(findingStarts, findings.length) || (head.answer && !startsOf(answerStarts, answerFindings.length))) return null;
  return {
    writtenAt: head.writtenAt,
    files: head.files,
    texts: head.texts,
    stamps,
    entries,
    findingStarts,
    findings,
    answer: head.answer && { today: head.answer.today, files: answerFiles, starts: answerStarts, findings: answerFindings },
    hashes: new Uint8Array(buffer, at, size.bytes),
  };
}

function isHead(head: unknown): head is Head {
  if (typeof head !== 'object' || head === null) return false;
  const h = head as Partial<Head>;
  if (h.cache !== NAME || h.endian !== ENDIAN || typeof h.writtenAt !== 'number' || !Array.isArray(h.files) || !Array.isArray(h.texts) || !isCount(h.findings)) return false;
  const a = h.answer;
  return a === null || (typeof a === 'object' && a !== undefined && typeof a.today === 'string' && isCount(a.files) && isCount(a.findings));
}

/** Starts of runs of whole findings over a list of `length` numbers: from 0 to its end, never going back. */
function startsOf(starts: Int32Array, length: number): boolean {
  if (starts[0] !== 0 || starts[starts.length - 1] !== length) return false;
  for (let i = 1; i < starts.length; i++) if (starts[i]! < starts[i - 1]! || (starts[i]! - starts[i - 1]!) % ROW !== 0) return false;
  return true;
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
