import { buildCaseloadReport, type CaseloadReport, type ReportFilters, type ReportSort } from '../../analyse/caseload-report.js';
import { collectRecordFiles } from '../../read/collect-files.js';
import { viewFormats, type FormatOf } from '../../render/view-formats.js';
import { displayPath } from '../../read/collect-files.js';
import { terminalSafeLine } from '../../render/safe-text.js';
import { defaultTemplate, loadTemplates } from '../../template/load-template.js';
import { checkFilesWithFacts } from '../../batch/check-files.js';
import { UsageError } from '../cli-error.js';
import { resolveJobs, type CliContext } from '../context.js';
import { progressReporter } from '../progress.js';
import { writeView } from '../write-output.js';

export interface ReportOptions {
  format: FormatOf<'report'>;
  overdue?: boolean;
  decision?: string;
  area?: string;
  minScore?: string;
  sort: ReportSort;
  jobs?: string;
  output?: string;
  force?: boolean;
}

export async function runReport(paths: string[], options: ReportOptions, ctx: CliContext): Promise<number> {
  const jobs = resolveJobs(options.jobs);
  if (options.area !== undefined && ![...loadTemplates().values()].some((t) => t.area(options.area!))) {
    const keys = defaultTemplate().template.areas.map((a) => a.key).join(', ');
    throw new UsageError(`--area must be an area key such as ${keys} (got ${JSON.stringify(options.area)})`);
  }
  // The templates say which decisions and scores there are; commander's fixed choices cannot.
  const templates = [...loadTemplates().values()];
  const decisions = [...new Set(templates.flatMap((t) => t.template.decisions.map((d) => d.key))), 'none'];
  if (options.decision !== undefined && !decisions.includes(options.decision)) {
    throw new UsageError(`--decision must be one of ${decisions.join(', ')} (got ${JSON.stringify(options.decision)})`);
  }
  const scores = [...new Set(templates.flatMap((t) => t.scores))].sort((a, b) => a - b);
  if (options.minScore !== undefined && !scores.map(String).includes(options.minScore)) {
    throw new UsageError(`--min-score must be a score of a template's scale, ${scores.join(', ')} (got ${JSON.stringify(options.minScore)})`);
  }
  const files = await collectRecordFiles(paths);
  const report = await caseloadReport(files, {
    sort: options.sort,
    ...(options.overdue ? { overdue: true } : {}),
    ...(options.decision !== undefined ? { decision: options.decision } : {}),
    ...(options.area !== undefined ? { area: options.area } : {}),
    ...(options.minScore !== undefined ? { minScore: Number(options.minScore) } : {}),
  }, jobs, ctx);
  if (report.skipped.length > 0) {
    ctx.stderr.write(`${ctx.err.yellow('ntk:')} ${report.skipped.length} of ${files.length} files left out of the report because they have errors (run \`ntk check\` on them):\n`);
    for (const file of report.skipped) ctx.stderr.write(`  ${terminalSafeLine(displayPath(file))}\n`);
  }
  await writeView(viewFormats.report[options.format], report, {}, options, files, ctx);
  return 0;
}

/**
 * The files' facts are this function's alone, let go as soon as the report
 * is built from them: writing the report reads its rows, not the facts of
 * every file (some 45 MB for 50,000 files).
 */
async function caseloadReport(files: readonly string[], filters: ReportFilters, jobs: number | undefined, ctx: CliContext): Promise<CaseloadReport> {
  const progress = progressReporter(ctx, files.length, 'read');
  const inputs = await checkFilesWithFacts(files, { today: ctx.today, jobs }, progress.update);
  progress.done();
  return buildCaseloadReport(inputs, ctx.today, filters);
}
