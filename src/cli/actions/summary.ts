import { jsonSafe } from '../../render/safe-text.js';
import { buildSummarySheet } from '../../analyse/summary-sheet.js';
import { nextToolkitOf } from '../../read/next-toolkit.js';
import { plainStyle } from '../../render/plain-style.js';
import { renderSummaryHtml } from '../../render/summary-html.js';
import { renderSummaryMarkdown } from '../../render/summary-markdown.js';
import { renderSummaryTerminal } from '../../render/summary-terminal.js';
import { resolveToday, type CliContext } from '../context.js';
import { loadValidRecord } from '../load-valid-record.js';
import { writeOutput } from '../write-output.js';

export interface SummaryOptions {
  format: 'terminal' | 'markdown' | 'json' | 'html';
  output?: string;
  force?: boolean;
  evidence?: boolean;
  today?: string;
}

export async function runSummary(file: string, options: SummaryOptions, ctx: CliContext): Promise<number> {
  const today = resolveToday(options.today);
  const { record, template, findings } = await loadValidRecord(file, ctx, today);
  const reviewedOn = await nextToolkitOf(file, record.child.ref, record.assessment.completed, today);
  const sheet = buildSummarySheet(record, template, findings, reviewedOn);
  let text: string;
  if (options.format === 'json') text = `${jsonSafe(sheet)}\n`;
  else if (options.format === 'html') text = renderSummaryHtml(sheet, { evidence: options.evidence });
  else if (options.format === 'markdown') text = renderSummaryMarkdown(sheet, { evidence: options.evidence });
  // A file gets no colour codes; the terminal gets what its colour level allows.
  else text = renderSummaryTerminal(sheet, options.output ? plainStyle : ctx.out, { width: ctx.width, evidence: options.evidence });
  await writeOutput(text, options, [file], ctx);
  return 0;
}
