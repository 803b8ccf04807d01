import type { Chronology } from '../analyse/chronology.js';
import type { FormatTable } from './format-table.js';
import { jsonSafe } from './safe-text.js';

/** The formats of `ntk chronology`; `decisionLabel` words a decision key as the records' templates do. */
export const chronologyFormats = {
  terminal: async (chronology, m) => (await import('./chronology-terminal.js')).renderChronologyTerminal(chronology, m.decisionLabel, m.style, m.width),
  markdown: async (chronology, m) => (await import('./chronology-markdown.js')).renderChronologyMarkdown(chronology, m.decisionLabel),
  csv: async (chronology, m) => (await import('./chronology-csv.js')).renderChronologyCsv(chronology, m.decisionLabel),
  json: async (chronology) => `${jsonSafe(chronology)}\n`,
  html: async (chronology, m) => (await import('./chronology-html.js')).renderChronologyHtml(chronology, m.decisionLabel),
} satisfies FormatTable<Chronology, { decisionLabel: (key: string) => string }>;
