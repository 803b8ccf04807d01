import { buildSummarySheet } from '../../analyse/summary-sheet.js';
import { nextToolkitOf } from '../../read/next-toolkit.js';
import { viewFormats, type FormatOf } from '../../render/view-formats.js';
import type { CliContext } from '../context.js';
import { loadValidRecord } from '../load-valid-record.js';
import { writeView } from '../write-output.js';

export interface SummaryOptions {
  format: FormatOf<'summary'>;
  output?: string;
  force?: boolean;
  evidence?: boolean;
}

export async function runSummary(file: string, options: SummaryOptions, ctx: CliContext): Promise<number> {
  const { record, template, findings } = await loadValidRecord(file, ctx, ctx.today);
  const reviewedOn = await nextToolkitOf(file, record.child.ref, record.assessment.completed, ctx.today);
  const sheet = buildSummarySheet(record, template, findings, reviewedOn);
  await writeView(viewFormats.summary[options.format], sheet, { evidence: options.evidence }, options, [file], ctx);
  return 0;
}
