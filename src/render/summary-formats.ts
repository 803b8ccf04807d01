import type { SummarySheet } from '../analyse/summary-sheet.js';
import type { FormatTable } from './format-table.js';
import { jsonSafe } from './safe-text.js';

/** The formats of `ntk summary`; `evidence` adds each section's evidence to the sheet people read (JSON holds it always). */
export const summaryFormats = {
  terminal: async (sheet, m) => (await import('./summary-terminal.js')).renderSummaryTerminal(sheet, m.style, { width: m.width, evidence: m.evidence }),
  markdown: async (sheet, m) => (await import('./summary-markdown.js')).renderSummaryMarkdown(sheet, { evidence: m.evidence }),
  json: async (sheet) => `${jsonSafe(sheet)}\n`,
  html: async (sheet, m) => (await import('./summary-html.js')).renderSummaryHtml(sheet, { evidence: m.evidence }),
} satisfies FormatTable<SummarySheet, { evidence?: boolean }>;
