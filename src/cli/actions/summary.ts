import { buildSummarySheet } from '../../analyse/summary-sheet.js';
import { nextToolkitOf } from '../../read/next-toolkit.js';
import { summaryFormats, type SummaryFormat } from '../../render/summary-formats.js';
import type { CliContext } from '../context.js';
import { loadValidRecord } from '../load-valid-record.js';
import { writeView } from '../write-output.js';

export interface SummaryOptions {
  format: SummaryFormat;
  output?: string;
  force?: boolean;
  evidence?: boolean;
}

export async function runSummary(file: string, options: SummaryOptions, ctx: CliContext): Promise<number> {
  const { record, template, findings } = await loadValidRecord(file, ctx, ctx.today);
  const reviewedOn = await nextToolkitOf(file, record.child.ref, record.assessment.completed, ctx.today);
  const sheet = buildSummarySheet(record, template, findings, reviewedOn);
  await writeView(summaryFormats[options.format], sheet, { evidence: options.evidence }, options, [file], ctx);
  return 0;
}
