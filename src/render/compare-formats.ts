import type { SiblingComparison } from '../analyse/sibling-comparison.js';
import type { FormatTable } from './format-table.js';
import { jsonSafe } from './safe-text.js';

/** The formats of `ntk compare`. */
export const compareFormats = {
  terminal: async (sheet, m) => (await import('./compare-terminal.js')).renderCompareTerminal(sheet, m.style, m.width),
  markdown: async (sheet) => (await import('./compare-markdown.js')).renderCompareMarkdown(sheet),
  json: async (sheet) => `${jsonSafe(sheet)}\n`,
  html: async (sheet) => (await import('./compare-html.js')).renderCompareHtml(sheet),
} satisfies FormatTable<SiblingComparison>;
