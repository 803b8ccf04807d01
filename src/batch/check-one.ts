import { caseloadFacts, type CaseloadFacts } from '../analyse/caseload-facts.js';
import { timelineRecord } from '../analyse/history.js';
import { REPORT_PROMPTS } from '../analyse/caseload-report.js';
import { readRecordBytes, readRecordFile } from '../read/read-record.js';
import { readSmallFile } from '../read/small-file.js';
import type { ParsedRecord } from '../read/yaml-document.js';
import type { ToolkitRecord } from '../record/types.js';
import { batchEntryOf, type BatchEntry } from '../validate/batch-rules.js';
import type { Finding } from '../record/finding.js';
import { validateParsedRecord, type CheckedRecord, type ValidateOptions } from '../validate/validate-record.js';
import { contentHash } from './content-hash.js';
import { packedFindings, type PackedFindings } from './file-findings.js';

/** What a batch keeps of one file: its findings, the batch rules' facts, and the report's when asked for. */
export interface FileResult {
  /** Every finding; with the report's facts, only those a report reads (reportFindings); none when `packed`. */
  findings: Finding[];
  /** With the `packed` option: the findings as one string and their codes, which cross from a worker far cheaper than objects. */
  packed?: PackedFindings;
  /** What the batch rules read of a valid record; with the report's facts, only when it has none (they hold the same). */
  entry: BatchEntry | null;
  facts: CaseloadFacts | null;
  /** With `timeline`: what `ntk history` shows of the record, when it has no errors. */
  timeline?: ToolkitRecord;
  /** With `hash`: the content hash (content-hash.ts) of the bytes checked, when the file could be read whole. */
  hash?: string;
}

export interface CheckOneOptions {
  today: string;
  /** Also extract the facts `ntk report` shows, and keep only the findings it reads. */
  facts: boolean;
  /** Keep what `ntk history` shows of a valid record (timelineRecord), and only the errors of an invalid one. */
  timeline?: boolean;
  /** Give the findings packed (FileResult.packed), for a batch that keeps them so until it writes them. */
  packed?: boolean;
  /** Give the content hash of the bytes checked (FileResult.hash), for the check cache: the file is read once, where it is read anyway. */
  hash?: boolean;
}

/** Reads and checks one file. */
export async function checkOneFile(file: string, options: CheckOneOptions): Promise<FileResult> {
  const result = await checkFile(file, options);
  return options.packed ? { ...result, findings: [], packed: packedFindings(result.findings) } : result;
}

async function checkFile(file: string, options: CheckOneOptions): Promise<FileResult> {
  const data = readSmallFile(file);
  if (data === null) {
    // Too big, unreadable, vanished, a folder: the reader has the words for it.
    const read = await readRecordFile(file);
    return { findings: keptFindings(read.findings, options), entry: null, facts: null };
  }
  const result = checkOneBytes(file, data, options);
  return options.hash ? { ...result, hash: contentHash(data) } : result;
}

/**
 * readRecordBytes takes the usual file with the fast reader, and only a file
 * it declines with the `yaml` reader, whose messages say what is wrong with
 * it; a file the fast reader answers for has the same data and positions in
 * both, so its schema errors are the same.
 */
export function checkOneBytes(file: string, bytes: Uint8Array, options: CheckOneOptions): FileResult {
  const read = readRecordBytes(file, bytes);
  if (!read.record) return { findings: keptFindings(read.findings, options), entry: null, facts: null };
  return resultOf(validateParsedRecord(file, read.record, validation(options)), read.record, options);
}

/** History keeps a record's errors and nothing else of its findings (keptFindings): the practice prompts are not worked out for it. */
function validation(options: CheckOneOptions): ValidateOptions {
  return options.timeline ? { today: options.today, errorsOnly: true } : { today: options.today };
}

function resultOf(checked: CheckedRecord, parsed: ParsedRecord, options: CheckOneOptions): FileResult {
  const facts = options.facts && checked.record && checked.template ? caseloadFacts(checked.record) : null;
  const findings = keptFindings(checked.findings, options);
  if (options.timeline) return { findings, entry: null, facts, ...(checked.record && checked.template && findings.length === 0 ? { timeline: timelineRecord(checked.record) } : {}) };
  // With the report's facts, the batch rules read the child and the dates from them (checkFilesWithFacts).
  return { findings, entry: facts ? null : batchEntryOf(checked, parsed), facts };
}

const reportPrompts: ReadonlySet<string> = new Set(REPORT_PROMPTS);

/**
 * History reads of a file's findings only its errors. A report reads only
 * whether it has an error (the file is left out) and which prompts it
 * raises: so its first error and its prompts are all that cross from a
 * worker and are kept, not 50,000 files' worth of messages.
 */
function keptFindings(findings: Finding[], options: CheckOneOptions): Finding[] {
  // History shows a record with errors as those errors, and nothing else of it.
  if (options.timeline) return findings.filter((f) => f.severity === 'error');
  if (!options.facts) return findings;
  const error = findings.find((f) => f.severity === 'error');
  return findings.filter((f) => f === error || reportPrompts.has(f.code));
}

/** Whether a report reads a finding: an error leaves its file out, and a prompt of REPORT_PROMPTS is counted. */
export function reportReads(finding: Finding): boolean {
  return finding.severity === 'error' || reportPrompts.has(finding.code);
}
