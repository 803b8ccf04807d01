import { availableParallelism } from 'node:os';
import { collectRecordFiles } from '../../read/collect-files.js';
import { findingsByFile, findingsTotals, findingsWriters, type FindingsFormat } from '../../render/findings-report.js';
import { checkFiles } from '../../validate/check-files.js';
import { EXIT } from '../cli-error.js';
import { resolveJobs, resolveToday, type CliContext } from '../context.js';
import { progressReporter } from '../progress.js';

export interface CheckOptions {
  format: FindingsFormat;
  strict?: boolean;
  today?: string;
  quiet?: boolean;
  jobs?: string;
  cache?: boolean;
}

export async function runCheck(paths: string[], options: CheckOptions, ctx: CliContext, version: string): Promise<number> {
  const today = resolveToday(options.today);
  // Decided once here: the threads started early are the ones the batch uses.
  const threads = resolveJobs(options.jobs) ?? availableParallelism();
  // A warm --cache run needs no checking threads; any other batch starts them while files are found.
  if (!options.cache && threads > 1) (await import('../../batch/worker-start.js')).prestartCheckWorkers(threads - 1);
  const files = await collectRecordFiles(paths);
  const progress = progressReporter(ctx, files.length, 'checked');
  const findings = await checkFiles(files, { today, jobs: threads, ...(options.cache ? { cache: { version, scope: paths } } : {}) }, progress.update);
  progress.done();
  const shown = options.quiet ? findings.filter((f) => f.severity === 'error') : findings;
  const totals = findingsTotals(findings, files.length, shown);
  // Written a file at a time, in pieces of about 64 KB: the report of 50,000 files is never one string.
  const writer = findingsWriters[options.format](ctx.out);
  let pending = writer.begin(totals);
  for (const group of findingsByFile(shown)) {
    pending += writer.file(group);
    if (pending.length > 65_536) {
      ctx.stdout.write(pending);
      pending = '';
    }
  }
  ctx.stdout.write(pending + writer.end(totals));
  const counts = totals.all;
  return counts.errors > 0 || (options.strict && counts.warnings > 0) ? EXIT.findings : EXIT.ok;
}
