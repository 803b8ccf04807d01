import { diffRecords } from '../../analyse/review-diff.js';
import { GitError, showAtRevision } from '../../read/git.js';
import { readRecordBytes } from '../../read/read-record.js';
import { viewFormats, type FormatOf } from '../../render/view-formats.js';
import { UsageError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { loadValidRecord, validOrReport, type ValidRecord } from '../load-valid-record.js';
import { writeView } from '../write-output.js';

export interface DiffOptions {
  from?: string;
  to?: string;
  format: FormatOf<'diff'>;
  exitCode?: boolean;
  output?: string;
  force?: boolean;
}

export async function runDiff(oldFile: string, newFile: string | undefined, options: DiffOptions, ctx: CliContext): Promise<number> {
  const { today } = ctx;
  let before: ValidRecord;
  let after: ValidRecord;
  let sources: { from: string; to: string };
  if (options.from !== undefined) {
    if (newFile !== undefined) throw new UsageError('with --from give one file: ntk diff FILE --from REV [--to REV]');
    before = await atRevision(oldFile, options.from, ctx, today);
    after = options.to !== undefined ? await atRevision(oldFile, options.to, ctx, today) : await loadValidRecord(oldFile, ctx, today);
    sources = { from: `${options.from}:${oldFile}`, to: options.to !== undefined ? `${options.to}:${oldFile}` : oldFile };
  } else {
    if (options.to !== undefined) throw new UsageError('--to needs --from: ntk diff FILE --from REV [--to REV]');
    if (newFile === undefined) throw new UsageError('give two records to compare (ntk diff OLD NEW), or one with --from REV');
    before = await loadValidRecord(oldFile, ctx, today);
    after = await loadValidRecord(newFile, ctx, today);
    sources = { from: oldFile, to: newFile };
  }
  const diff = diffRecords(before.record, after.record, after.template, sources);
  await writeView(viewFormats.diff[options.format], diff, { words: after.template.template }, options, newFile === undefined ? [oldFile] : [oldFile, newFile], ctx);
  return options.exitCode && diff.counts.deteriorated > 0 ? 1 : 0;
}

/** A record as it was at a git revision, validated like a file on disk. */
async function atRevision(file: string, revision: string, ctx: CliContext, today: string): Promise<ValidRecord> {
  let bytes: Uint8Array;
  try {
    bytes = await showAtRevision(file, revision);
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
  const label = `${revision}:${file}`;
  const read = readRecordBytes(label, bytes);
  return validOrReport(label, read.record, read.findings, ctx, today);
}
