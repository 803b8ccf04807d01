import { availableParallelism } from 'node:os';
import { collectRecordFiles } from '../../read/collect-files.js';
import { viewFormats, type FormatOf } from '../../render/view-formats.js';
import { withoutIgnored } from '../../read/repository-config.js';
import type { CheckedBatch } from '../../batch/checked-batch.js';
import type { FindingsWriter } from '../../render/findings-report.js';
import type { FindingsTotals } from '../../record/finding.js';
import { checkFiles } from '../../batch/check-files.js';
import { EXIT, UsageError } from '../cli-error.js';
import { resolveJobs, type CliContext } from '../context.js';
import { progressReporter } from '../progress.js';
import { writePieces } from '../write-output.js';
import { repositoryConfig } from '../repository-defaults.js';

export interface CheckOptions {
  format: FormatOf<'check'>;
  strict?: boolean;
  quiet?: boolean;
  jobs?: string;
  cache?: boolean;
}

export async function runCheck(paths: string[], options: CheckOptions, ctx: CliContext, version: string): Promise<number> {
  const { today } = ctx;
  const config = repositoryConfig();
  const strict = options.strict ?? config?.strict ?? false;
  if (paths.includes('-')) return checkStdin(paths, options, strict, today, ctx, version);
  // Decided once here: the threads started early are the ones the batch uses.
  const threads = resolveJobs(options.jobs) ?? availableParallelism();
  // A warm --cache run needs no checking threads; any other batch starts them while files are found.
  if (!options.cache && threads > 1) (await import('../../batch/worker-start.js')).prestartCheckWorkers(threads - 1);
  // The format's writer and the cache's code are read from disk while files are found, not one after another
  // later; should loading fail, the `await` of each says so where it is needed.
  const writer = writerFor(options, ctx, version);
  if (options.cache) import('../../batch/check-cache.js').catch(() => undefined);
  const files = withoutIgnored(await collectRecordFiles(paths), paths, config);
  const progress = progressReporter(ctx, files.length, 'checked');
  const batch = await checkFiles(files, { today, jobs: threads, ...(options.cache ? { cache: { version, scope: paths } } : {}) }, progress.update);
  progress.done();
  return report(batch, await writer, options, strict, ctx);
}

function writerFor(options: CheckOptions, ctx: CliContext, version: string): Promise<FindingsWriter> {
  const writer = viewFormats.check[options.format]({ out: ctx.out, version });
  writer.catch(() => undefined);
  return writer;
}

/** `ntk check -`: one record from standard input, named `<stdin>` in findings. */
async function checkStdin(paths: string[], options: CheckOptions, strict: boolean, today: string, ctx: CliContext, version: string): Promise<number> {
  if (paths.length > 1) throw new UsageError('`-` (a record on standard input) is checked on its own; name files and folders in another run');
  if (process.stdin.isTTY) throw new UsageError('`ntk check -` reads a record from standard input: pipe or redirect one in, e.g. `ntk check - < record.yaml`');
  const [{ readStdinBytes, STDIN_NAME }, { checkOneBytes }, { CheckedBatch }] = await Promise.all([
    import('../../read/read-stdin.js'),
    import('../../batch/check-one.js'),
    import('../../batch/checked-batch.js'),
  ]);
  const batch = new CheckedBatch([STDIN_NAME], today);
  batch.addResult(0, checkOneBytes(STDIN_NAME, await readStdinBytes(), { today, facts: false }));
  return report(batch, await writerFor(options, ctx, version), options, strict, ctx);
}

/** Writes the batch's findings a file at a time, in pieces of about 64 KB: the report of 50,000 files is never one string. */
async function report(batch: CheckedBatch, writer: FindingsWriter, options: CheckOptions, strict: boolean, ctx: CliContext): Promise<number> {
  try {
    const totals = batch.totals(options.quiet ?? false);
    await writePieces(ctx.stdout, reportPieces(batch, writer, totals, options.quiet ?? false));
    const counts = totals.all;
    return counts.errors > 0 || (strict && counts.warnings > 0) ? EXIT.findings : EXIT.ok;
  } finally {
    batch.close();
  }
}

function* reportPieces(batch: CheckedBatch, writer: FindingsWriter, totals: FindingsTotals, errorsOnly: boolean): Generator<string> {
  yield writer.begin(totals);
  for (const { file, findings } of batch.byFile()) yield writer.file(file, errorsOnly ? findings.filter((f) => f.severity === 'error') : findings);
  yield writer.end(totals);
}
