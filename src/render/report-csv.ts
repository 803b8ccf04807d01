import { worryingSections, type CaseloadReport } from '../analyse/caseload-report.js';
import { DEFAULT_TEMPLATE_ID, findTemplate } from '../template/load-template.js';
import { csvText } from './csv-text.js';
import { terminalSafe } from './safe-text.js';

/**
 * One header row, one row per child. The column names are a contract for
 * spreadsheets and scripts (README "For analysts"): the fixed columns, then
 * one column per area key holding that area's sections scored 3-4. Every
 * other column holds values of a fixed form (references, dates, codes).
 */
export const REPORT_CSV_COLUMNS = [
  'ref',
  'household',
  'completed',
  'type',
  'decision',
  'next_review',
  'days_overdue',
  'highest_score',
  'sections_3_4',
  'prompts',
  'file',
] as const;

export function* renderReportCsv(report: CaseloadReport): Generator<string> {
  const areaKeys: string[] = [];
  for (const row of report.rows) for (const a of row.areas) if (!areaKeys.includes(a.key)) areaKeys.push(a.key);
  if (report.rows.length === 0) areaKeys.push(...(findTemplate(DEFAULT_TEMPLATE_ID)?.template.areas.map((a) => a.key) ?? []));
  const record = (r: CaseloadReport['rows'][number]) => [
    r.ref,
    r.household ?? '',
    r.completed,
    r.type,
    r.decision ?? '',
    r.nextReview ?? '',
    r.daysOverdue === null ? '' : String(r.daysOverdue),
    r.highestScore === null ? '' : String(r.highestScore),
    worryingSections(r).join(' '),
    r.prompts.join(' '),
    // The one column of free text: a path is whatever the user named, escape sequences included (a newline in a
    // name stays: the CSV quotes it, and scripts need the real name); csvText keeps a formula-like name text.
    terminalSafe(r.file),
    ...areaKeys.map((key) => r.areas.find((a) => a.key === key)?.worrying.join(' ') ?? ''),
  ];
  // A thousand rows at a time, each written as it is made: a caseload's cells, or its whole CSV, all at once would take more memory than the report itself.
  yield csvText([[...REPORT_CSV_COLUMNS, ...areaKeys]]);
  for (let i = 0; i < report.rows.length; i += 1000) yield csvText(report.rows.slice(i, i + 1000).map(record));
}
