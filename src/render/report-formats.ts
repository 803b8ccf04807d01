import type { CaseloadReport } from '../analyse/caseload-report.js';
import type { FormatTable } from './format-table.js';
import { jsonSafe } from './safe-text.js';

/** The formats of `ntk report`. */
export const reportFormats = {
  terminal: async (report, m) => (await import('./report-terminal.js')).renderReportTerminal(report, m.style),
  markdown: async (report) => (await import('./report-markdown.js')).renderReportMarkdown(report),
  csv: async (report) => (await import('./report-csv.js')).renderReportCsv(report),
  json: async (report) => `${jsonSafe(report)}\n`,
} satisfies FormatTable<CaseloadReport>;
