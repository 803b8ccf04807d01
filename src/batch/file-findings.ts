import { compareFindings, type Finding } from '../record/finding.js';
import { severityOf, type FindingCode } from '../record/finding-codes.js';
import { ownCopy } from '../text/own-copy.js';

/**
 * One finding as a batch keeps it until it is written, and as the check
 * cache stores it: without the file's name (the batch knows it) or the
 * severity (the code's).
 */
export type FindingRow = [line: number | null, column: number | null, code: FindingCode, path: string, message: string];

/**
 * One file's findings as rows. The batch holds them as one flat string per
 * file, not ten objects of five strings (packFindings), or as the numbers a
 * warm run read from the cache (CachedFindings).
 */
export function findingRows(findings: readonly Finding[]): FindingRow[] {
  return findings.map((f) => [f.line, f.column, f.code, f.path, f.message]);
}

/** Between the fields of packed findings: a control character no finding's code or number holds. */
const FIELD = '\u001f';
/**
 * Findings whose texts hold half of a surrogate pair, which the spool's UTF-8
 * file would not keep, are packed as JSON. Any surrogate sends them there
 * (the whole pair of an emoji too, which is rare in a record): asked of the
 * packed text once, that is several times quicker than a search for lone
 * halves in each text.
 */
const SURROGATE = /[\ud800-\udfff]/;

/**
 * A file's findings as one flat string of their own, sharing nothing with
 * the file's text; '' for none. Their five fields each, joined by FIELD (the
 * line and column empty for none): joining and splitting take about half the
 * time of JSON, which was a twentieth of a cold check of findings-heavy
 * records. The rare file whose texts hold FIELD is packed as JSON, which
 * starts with `[` where the joined form never does.
 */
export function packFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const fields: (string | number)[] = [];
  for (const f of findings) {
    if (f.path.includes(FIELD) || f.message.includes(FIELD)) return JSON.stringify(findingRows(findings));
    fields.push(f.line ?? '', f.column ?? '', f.code, f.path, f.message);
  }
  const text = fields.join(FIELD);
  return SURROGATE.test(text) ? JSON.stringify(findingRows(findings)) : text;
}

/** Findings as they cross from a worker thread: packed, with their codes to count them by. */
export interface PackedFindings {
  text: string;
  codes: FindingCode[];
}

/**
 * Sorted in the documented order (compareFindings) here, in the thread that
 * checked the file: the batch only puts the batch rules' one or two in
 * place among them (placeEach), and the thread writing the report is the
 * one every other waits for.
 */
export function packedFindings(findings: readonly Finding[]): PackedFindings {
  const sorted = findings.length < 2 ? findings : [...findings].sort(compareFindings);
  return { text: packFindings(sorted), codes: sorted.map((f) => f.code) };
}

/**
 * The fields of a text packFindings wrote, five a finding: line and column
 * ('' for none), code, path and message. The few packed as JSON are given
 * as fields too, so every reader of packed findings has one form to read.
 */
function packedFields(packed: string): string[] {
  if (packed === '') return [];
  if (packed.charCodeAt(0) !== 0x5b) return packed.split(FIELD);
  return (JSON.parse(packed) as FindingRow[]).flatMap(([line, column, code, path, message]) => [line === null ? '' : String(line), column === null ? '' : String(column), code, path, message]);
}

function numberOf(field: string): number | null {
  return field === '' ? null : Number(field);
}

/**
 * Findings as numbers, five a finding, into texts (cache-file.ts): those a
 * warm run takes from the cache, and a `--cache` run's fresh ones as it will
 * save them. Every file's numbers in one typed array, with the texts they
 * point to: no list or row per file or finding lives until the report is
 * written or the cache saved, where one did the garbage collector copied
 * every one of them, twice.
 */
export class CachedFindings {
  private numbers: Int32Array = new Int32Array(1 << 14);
  private used = 0;
  /** Where each file's numbers start and end (equal for a file with none). */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(
    readonly texts: readonly string[],
    files: number,
  ) {
    this.starts = new Int32Array(files);
    this.ends = new Int32Array(files);
  }

  /**
   * The findings of many files at once, as a cache holds them: `numbers`
   * taken as they are, not copied a file at a time. The k-th run,
   * numbers[starts[k]..starts[k + 1]], is the findings of file `indexes[k]`
   * of `files`, or of file k when the cache's files are these, in this order
   * (`indexes` null).
   */
  static over(texts: readonly string[], files: number, numbers: Int32Array, starts: Int32Array, indexes: Int32Array | null): CachedFindings {
    const found = new CachedFindings(texts, files);
    found.numbers = numbers;
    found.used = numbers.length;
    if (indexes === null) {
      found.starts.set(starts.subarray(0, -1));
      found.ends.set(starts.subarray(1));
    } else {
      for (let k = 0; k < indexes.length; k++) {
        found.starts[indexes[k]!] = starts[k]!;
        found.ends[indexes[k]!] = starts[k + 1]!;
      }
    }
    return found;
  }

  /** Keeps the numbers of the findings of the file at `index`, five a finding (cache-file.ts), their indexes checked. */
  add(index: number, numbers: ArrayLike<number>): void {
    if (this.used + numbers.length > this.numbers.length) {
      const bigger = new Int32Array(Math.max(this.numbers.length * 2, this.used + numbers.length));
      bigger.set(this.numbers.subarray(0, this.used));
      this.numbers = bigger;
    }
    this.numbers.set(numbers, this.used);
    this.starts[index] = this.used;
    this.used += numbers.length;
    this.ends[index] = this.used;
  }

  /** How many numbers are kept. */
  get size(): number {
    return this.used;
  }

  /** The numbers kept for the file at `index`: a view, valid until the next `add`. */
  numbersOf(index: number): Int32Array {
    return this.numbers.subarray(this.starts[index]!, this.ends[index]!);
  }

  /** The findings kept for `file`, at `index`; undefined for none. */
  findings(index: number, file: string): Finding[] | undefined {
    const start = this.starts[index]!;
    const end = this.ends[index]!;
    if (start === end) return undefined;
    const { numbers, texts } = this;
    const findings: Finding[] = new Array((end - start) / 5);
    for (let i = start, k = 0; i < end; i += 5, k++) {
      const code = texts[numbers[i + 2]!] as FindingCode;
      findings[k] = { file, line: numbers[i]! || null, column: numbers[i + 1]! || null, severity: severityOf(code), code, path: texts[numbers[i + 3]!]!, message: texts[numbers[i + 4]!]! };
    }
    return findings;
  }
}

/**
 * Findings numbered as they come (CachedFindings), into texts of their own,
 * each distinct code, path and message kept once. A report of 10,000
 * findings-heavy files then makes its findings from a few hundred texts,
 * whose hashes and flat copies are worked out once, where it made them
 * from a slice of each file's packed text and a printer hashed every
 * message afresh. `textChars` says how much the texts hold, for a batch
 * that bounds it (checked-batch.ts).
 */
export class NumberedFindings {
  readonly texts: string[] = [];
  private readonly ids = new Map<string, number>();
  readonly store: CachedFindings;
  textChars = 0;
  /** Where one file's numbers are made, used again for every file. */
  private readonly scratch: number[] = [];

  constructor(files: number) {
    this.store = new CachedFindings(this.texts, files);
  }

  /** The number of a text, kept as a copy of its own the first time (a slice would keep a file's whole packed text alive). */
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.push(ownCopy(text)) - 1;
      this.ids.set(text, id);
      this.textChars += text.length;
    }
    return id;
  }

  /** Keeps the findings of the file at `index` from the text packFindings wrote. */
  addPacked(index: number, packed: string): void {
    const numbers = this.scratch;
    numbers.length = 0;
    const fields = packedFields(packed);
    for (let i = 0; i < fields.length; i += 5) numbers.push(Number(fields[i]), Number(fields[i + 1]), this.id(fields[i + 2]!), this.id(fields[i + 3]!), this.id(fields[i + 4]!));
    this.store.add(index, numbers);
  }
}

/** The findings of `file` from the text packFindings wrote. */
export function unpackFindings(file: string, packed: string): Finding[] {
  const fields = packedFields(packed);
  const findings: Finding[] = new Array(fields.length / 5);
  for (let i = 0, k = 0; i < fields.length; i += 5, k++) {
    const code = fields[i + 2] as FindingCode;
    findings[k] = { file, line: numberOf(fields[i]!), column: numberOf(fields[i + 1]!), severity: severityOf(code), code, path: fields[i + 3]!, message: fields[i + 4]! };
  }
  return findings;
}
