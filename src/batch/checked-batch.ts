import { batchFindings, type BatchEntry } from '../validate/batch-rules.js';
import { placeEach, type Finding, type FindingCounts, type FindingsTotals, type Severity } from '../record/finding.js';
import { severityOf, type FindingCode } from '../record/finding-codes.js';
import type { FileResult } from './check-one.js';
import { CachedFindings, NumberedFindings, packedFindings, unpackFindings } from './file-findings.js';
import { FindingsSpool } from './findings-spool.js';

/**
 * How much the numbered findings of a batch keep at most, before the rest
 * go to the spool: texts (the distinct codes, paths and messages of 50,000
 * findings-heavy files are a few hundred; messages that each quote their
 * record could be as many as the findings) and numbers (five a finding:
 * 8 million are 32 MB, the findings of 150,000 findings-heavy files).
 */
const NUMBERED_TEXT_CHARS = 4 * 1024 * 1024;
const NUMBERED_NUMBERS = 8 * 1024 * 1024;

/**
 * A checked batch between the check and the report: each file's findings
 * numbered into texts kept once (NumberedFindings) or, past a bound,
 * packed (file-findings.ts) in a spool of bounded memory, or as the numbers
 * the cache gave (CachedFindings), the batch rules'
 * facts (a few fields per record) and running counts. Files are added in
 * whatever order the threads finish them; the report reads them back in the
 * order of `files`, each with its batch-rule findings merged in, so the
 * output is the same as if every finding had been kept, sorted and written
 * at once, but memory does not grow with the number of findings.
 */
export class CheckedBatch {
  /** Checked files' findings, numbered while they stay within the bounds (NUMBERED_TEXT_CHARS, NUMBERED_NUMBERS); past them, packed in the spool. */
  private readonly numbered: NumberedFindings;
  private readonly spool: FindingsSpool;
  private readonly entries: BatchEntry[] = [];
  private readonly counts: FindingCounts = { errors: 0, warnings: 0, prompts: 0 };
  private readonly codes = new Set<FindingCode>();
  private lastCode: FindingCode | null = null;
  private lastSeverity: Severity = 'error';
  /** Per file: 1 when it has a finding, 2 when one is an error. */
  private readonly marks: Uint8Array;
  /** Findings read from the cache. */
  private cached: CachedFindings | null = null;
  /** The batch rules' findings by the file's index, worked out once every file is in. */
  private byRule: (Finding[] | undefined)[] | null = null;
  /** Or the batch rules' findings as a cache knew them for the day. */
  private knownRules: CachedFindings | null = null;

  constructor(
    readonly files: readonly string[],
    private readonly today: string,
    /** How much is numbered before files go to the spool (a test sets smaller bounds). */
    private readonly bounds = { textChars: NUMBERED_TEXT_CHARS, numbers: NUMBERED_NUMBERS },
  ) {
    this.numbered = new NumberedFindings(files.length);
    this.spool = new FindingsSpool(files.length);
    this.marks = new Uint8Array(files.length);
  }

  /** A file's result as the checker gives it. */
  addResult(index: number, result: FileResult): void {
    const packed = result.packed ?? packedFindings(result.findings);
    if (this.numbered.textChars < this.bounds.textChars && this.numbered.store.size < this.bounds.numbers) this.numbered.addPacked(index, packed.text);
    else this.spool.put(index, packed.text);
    for (const code of packed.codes) this.count(index, code);
    if (result.entry !== null) this.entries.push(result.entry);
  }

  /**
   * A file's result as the cache kept it: its findings' numbers (five a
   * finding, cache-file.ts, their indexes checked) into `texts`, the same texts for every file.
   */
  addCached(index: number, numbers: Int32Array, texts: readonly string[], entry: BatchEntry | null): void {
    if (numbers.length > 0) {
      (this.cached ??= new CachedFindings(texts, this.files.length)).add(index, numbers);
      this.countNumbered(index, numbers, texts);
    }
    if (entry !== null) this.entries.push(entry);
  }

  /**
   * Every file's result as the cache kept it, when the cache's files are
   * these in this order (CachedFindings.over): the numbers taken as they
   * are, into `texts`, their indexes checked; no entries, as the day's
   * answer stands in for the batch rules (knownRuleFindings).
   */
  addAllCached(numbers: Int32Array, starts: Int32Array, texts: readonly string[]): void {
    this.cached = CachedFindings.over(texts, this.files.length, numbers, starts, null);
    for (let i = 0; i < this.files.length; i++) this.countNumbered(i, numbers, texts, starts[i]!, starts[i + 1]!);
  }

  /**
   * The batch rules' findings as they are known for these files as they are
   * and for this day (check-cache.ts: the answer): the k-th run of
   * `numbers` (from starts[k] to starts[k + 1], into `texts`, their indexes
   * checked) is the findings of file `indexes[k]`, in the documented order.
   * The rules are then not worked out.
   */
  knownRuleFindings(texts: readonly string[], indexes: Int32Array, starts: Int32Array, numbers: Int32Array): void {
    this.knownRules = CachedFindings.over(texts, this.files.length, numbers, starts, indexes);
    for (let k = 0; k < indexes.length; k++) this.countNumbered(indexes[k]!, numbers, texts, starts[k]!, starts[k + 1]!);
  }

  /** The batch rules' findings of each file that has some, by its index. */
  ruleFindingsByFile(): Map<number, Finding[]> {
    const found = new Map<number, Finding[]>();
    for (let i = 0; i < this.files.length; i++) {
      const f = this.ruleFindingsOf(i);
      if (f) found.set(i, f);
    }
    return found;
  }

  private ruleFindingsOf(index: number): Finding[] | undefined {
    return this.knownRules === null ? this.ruleFindings()[index] : this.knownRules.findings(index, this.files[index]!);
  }

  /** Counts findings as the cache numbers them (from `start` to `end` of `numbers`): five numbers each, the third the index of its code in `texts`. */
  private countNumbered(index: number, numbers: Int32Array, texts: readonly string[], start = 0, end = numbers.length): void {
    for (let i = start + 2; i < end; i += 5) this.count(index, texts[numbers[i]!] as FindingCode);
  }

  private count(index: number, code: FindingCode): void {
    // A file's findings mostly come in runs of one code (a parent's score 2 away in section after section): the
    // code's severity is looked up, and the code noted, once a run, not once a finding.
    if (code !== this.lastCode) {
      this.lastCode = code;
      this.lastSeverity = severityOf(code);
      this.codes.add(code);
    }
    const severity = this.lastSeverity;
    if (severity === 'error') {
      this.counts.errors++;
      this.marks[index] = 2;
    } else {
      if (severity === 'warning') this.counts.warnings++;
      else this.counts.prompts++;
      this.marks[index] ||= 1;
    }
  }

  /** The batch rules over every file's facts, counted with the rest; once. */
  private ruleFindings(): (Finding[] | undefined)[] {
    if (this.byRule) return this.byRule;
    const byRule = new Array<Finding[] | undefined>(this.files.length);
    for (const f of batchFindings(this.entries, this.today)) {
      const index = indexOfFile(this.files, f.file);
      this.count(index, f.code);
      const list = byRule[index];
      if (list) list.push(f);
      else byRule[index] = [f];
    }
    return (this.byRule = byRule);
  }

  /** The totals the formats need first; with `errorsOnly` (`--quiet`), only errors count as shown. */
  totals(errorsOnly: boolean): FindingsTotals {
    if (this.knownRules === null) this.ruleFindings();
    let filesWithErrors = 0;
    let filesWithAny = 0;
    const marks = this.marks;
    for (let i = 0; i < marks.length; i++) {
      if (marks[i] === 2) filesWithErrors++;
      if (marks[i]! > 0) filesWithAny++;
    }
    const all = { ...this.counts };
    const codes = [...this.codes].filter((c) => !errorsOnly || severityOf(c) === 'error').sort();
    return {
      files: this.files.length,
      all,
      shown: errorsOnly ? { errors: all.errors, warnings: 0, prompts: 0 } : all,
      filesWithErrors,
      filesShown: errorsOnly ? filesWithErrors : filesWithAny,
      codes,
    };
  }

  /** Every file in order with its findings, in the documented order (compareFindings). */
  *byFile(): Generator<{ file: string; findings: Finding[] }> {
    if (this.knownRules === null) this.ruleFindings();
    for (let i = 0; i < this.files.length; i++) {
      const file = this.files[i]!;
      const own = this.cached?.findings(i, file) ?? this.numbered.store.findings(i, file) ?? unpackFindings(file, this.spool.get(i));
      const added = this.ruleFindingsOf(i);
      if (added) placeEach(own, added);
      yield { file, findings: own };
    }
  }

  /** Removes the spool's temporary file, if it needed one. */
  close(): void {
    this.spool.close();
  }
}

/**
 * Where `file` (the file of an entry, so one of `files`) is in `files`: by
 * halves, as files come sorted (collectRecordFiles), and else one by one.
 */
function indexOfFile(files: readonly string[], file: string): number {
  let low = 0;
  let high = files.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = files[mid]!;
    if (at === file) return mid;
    if (at < file) low = mid + 1;
    else high = mid - 1;
  }
  return files.indexOf(file);
}
