import { availableParallelism } from 'node:os';
import { collectRecordFiles } from '../../read/collect-files.js';
import { checkFormatAliases, checkFormats } from '../../render/check-formats.js';
import { countFindings } from '../../validate/finding.js';
import { checkFiles } from '../../validate/check-files.js';
import { EXIT } from '../cli-error.js';
import { resolveJobs, resolveToday, type CliContext } from '../context.js';
import { progressReporter } from '../progress.js';

export interface CheckOptions {
  format: string;
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
  const render = checkFormats[checkFormatAliases[options.format] ?? options.format]!;
  ctx.stdout.write(await render({ findings, shown, files, out: ctx.out, version }));
  const counts = countFindings(findings);
  return counts.errors > 0 || (options.strict && counts.warnings > 0) ? EXIT.findings : EXIT.ok;
}
