import { access, readFile } from 'node:fs/promises';
import { FileChangedError, fingerprint } from '../io/atomic-write.js';
import { sameData } from '../record/plain-data.js';
import { readRecordBytes, readRecordFile } from '../read/read-record.js';
import type { ParsedRecord } from '../read/yaml-document.js';
import type { ToolkitRecord } from '../record/types.js';
import { renderFindingsPretty } from '../render/findings-report.js';
import type { TemplateIndex } from '../template/load-template.js';
import { batchEntryOf, batchFindings } from '../validate/batch-rules.js';
import { compareFindings, type Finding } from '../record/finding.js';
import { validateParsedRecord } from '../validate/validate-record.js';
import { UsageError } from './cli-error.js';
import type { CliContext } from './context.js';

export interface ValidRecord {
  file: string;
  record: ToolkitRecord;
  template: TemplateIndex;
  parsed: ParsedRecord;
  /** Warnings and prompts (never errors: a record with errors is not valid). */
  findings: Finding[];
}

/** Thrown after the record's diagnostics were printed; the command exits 1. */
export class InvalidRecordError extends Error {}

/**
 * What every command that needs one record does first: read it, validate it
 * as `ntk check` would, and on any error print the diagnostics the way
 * `check` prints them and stop with exit 1.
 */
export async function loadValidRecord(file: string, ctx: CliContext, today: string): Promise<ValidRecord> {
  try {
    await access(file);
  } catch (error) {
    // Only a path that is not there is a usage error; a looping link or a locked file is the record's problem, reported like check.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`${file}: no such file`);
  }
  const read = await readRecordFile(file);
  return validOrReport(file, read.record, read.findings, ctx, today);
}

/** The same for a record already read (e.g. from a git revision). */
export function validOrReport(file: string, parsed: ParsedRecord | null, readFindings: Finding[], ctx: CliContext, today: string): ValidRecord {
  if (!parsed) return fail(readFindings, ctx);
  const checked = validateParsedRecord(file, parsed, { today });
  const findings = [...checked.findings, ...batchFindings([batchEntryOf(checked, parsed)].filter((e) => e !== null), today)].sort(compareFindings);
  if (!checked.record || !checked.template || findings.some((f) => f.severity === 'error')) return fail(findings, ctx);
  return { file, record: checked.record, template: checked.template, parsed, findings };
}

function fail(findings: Finding[], ctx: CliContext): never {
  ctx.stderr.write(renderFindingsPretty(findings, 1, ctx.err));
  throw new InvalidRecordError('the record is not valid');
}

/** A record about to be rewritten in place: its text and the fingerprint a later write checks against. */
export interface RecordOnDisk {
  text: string;
  fingerprint: string;
}

/**
 * The exact bytes a valid record was read from, for a read-modify-write. If
 * they no longer parse to what `valid` holds, someone wrote the file between
 * the two reads, and nothing is guessed.
 */
export async function recordOnDisk(valid: ValidRecord): Promise<RecordOnDisk> {
  const bytes = await readFile(valid.file);
  const again = readRecordBytes(valid.file, bytes);
  if (!again.record || !sameData(again.record.data, valid.parsed.data)) throw new FileChangedError(valid.file);
  return { text: new TextDecoder().decode(bytes), fingerprint: fingerprint(bytes) };
}
