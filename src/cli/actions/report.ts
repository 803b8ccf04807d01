import { buildCaseloadReport, type ReportSort } from '../../analyse/caseload-report.js';
import { collectRecordFiles } from '../../read/collect-files.js';
import { plainStyle } from '../../render/plain-style.js';
import { renderReportCsv } from '../../render/report-csv.js';
import { renderReportMarkdown } from '../../render/report-markdown.js';
import { renderReportTerminal } from '../../render/report-terminal.js';
import { displayPath } from '../../read/collect-files.js';
import { jsonSafe, terminalSafeLine } from '../../render/safe-text.js';
import type { Decision } from '../../record/types.js';
import { defaultTemplate, loadTemplates } from '../../template/load-template.js';
import { checkFilesWithFacts } from '../../validate/check-files.js';
import { UsageError } from '../cli-error.js';
import { resolveJobs, resolveToday, type CliContext } from '../context.js';
import { progressReporter } from '../progress.js';
import { writeOutput } from '../write-output.js';

export interface ReportOptions {
  format: 'terminal' | 'markdown' | 'csv' | 'json';
  today?: string;
  overdue?: boolean;
  decision?: Decision | 'none';
  area?: string;
  minScore?: string;
  sort: ReportSort;
  jobs?: string;
  output?: string;
  force?: boolean;
}

export async function runReport(paths: string[], options: ReportOptions, ctx: CliContext): Promise<number> {
  const today = resolveToday(options.today);
  const jobs = resolveJobs(options.jobs);
  if (options.area !== undefined && ![...loadTemplates().values()].some((t) => t.area(options.area!))) {
    const keys = defaultTemplate().template.areas.map((a) => a.key).join(', ');
    throw new UsageError(`--area must be an area key such as ${keys} (got ${JSON.stringify(options.area)})`);
  }
  const files = await collectRecordFiles(paths);
  const progress = progressReporter(ctx, files.length, 'read');
  const result = await checkFilesWithFacts(files, { today, jobs }, progress.update);
  progress.done();
  const findingsByFile = new Map<string, typeof result.findings>();
  for (const f of result.findings) findingsByFile.set(f.file, [...(findingsByFile.get(f.file) ?? []), f]);
  const report = buildCaseloadReport(
    files.map((file, i) => ({ file, facts: result.results[i]!.facts, findings: findingsByFile.get(file) ?? [] })),
    today,
    {
      sort: options.sort,
      ...(options.overdue ? { overdue: true } : {}),
      ...(options.decision !== undefined ? { decision: options.decision } : {}),
      ...(options.area !== undefined ? { area: options.area } : {}),
      ...(options.minScore !== undefined ? { minScore: Number(options.minScore) } : {}),
    },
  );
  if (report.skipped.length > 0) {
    ctx.stderr.write(`${ctx.err.yellow('ntk:')} ${report.skipped.length} of ${files.length} files left out of the report because they have errors (run \`ntk check\` on them):\n`);
    for (const file of report.skipped) ctx.stderr.write(`  ${terminalSafeLine(displayPath(file))}\n`);
  }
  let text: string;
  if (options.format === 'json') text = `${jsonSafe(report)}\n`;
  else if (options.format === 'csv') text = renderReportCsv(report);
  else if (options.format === 'markdown') text = renderReportMarkdown(report);
  // A file gets no colour codes; the terminal gets what its colour level allows.
  else text = renderReportTerminal(report, options.output ? plainStyle : ctx.out);
  await writeOutput(text, options, files, ctx);
  return 0;
}
