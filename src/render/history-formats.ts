import type { ChildHistory } from '../analyse/history.js';
import type { Medium } from './format-table.js';
import { jsonSafe } from './safe-text.js';
import type { TemplateIndex } from '../template/load-template.js';

/**
 * A format of `ntk history` as pieces: what opens the output, each child's
 * timeline, what goes between two children and what closes it. Written child
 * by child, a caseload's history is never held whole, neither as timelines
 * nor as one string.
 */
export interface HistoryFormat {
  begin: string;
  child: (h: ChildHistory, words: HistoryWords) => string;
  between: string;
  end: string;
}

/** What a child's timeline is worded with, from the versions shown: the guidance's words for decisions, and each child's template (the scale its scores are drawn and worded on). */
export interface HistoryWords {
  decisionLabel: (key: string) => string;
  templateOf: (ref: string) => TemplateIndex;
}

/** jsonSafe's two-space layout of `{ children: [...] }`, one child at a time. */
const json: HistoryFormat = {
  begin: '{\n  "children": [\n',
  // A JSON text holds no raw line break inside a string, so every line break is between values and gets the indent.
  child: (h) => `    ${jsonSafe(h).replaceAll('\n', '\n    ')}`,
  between: ',\n',
  end: '\n  ]\n}\n',
};

/**
 * The formats of `ntk history`, by the name `--format` takes; as a view's
 * format table (format-table.ts), each loads its renderer when it is asked
 * for. The words a child is written with come with each child, not with the
 * medium: the versions they are taken from are still being read while the
 * renderer loads (run-history.ts).
 */
export const historyFormats = {
  terminal: async (m) => {
    const { renderChildHistoryTerminal } = await import('./history-terminal.js');
    return { begin: '', child: (h, w) => renderChildHistoryTerminal(h, m.style, m.width, w.templateOf(h.ref)), between: '\n', end: '' };
  },
  markdown: async () => {
    const { renderChildHistoryMarkdown } = await import('./history-markdown.js');
    return { begin: '', child: (h, w) => renderChildHistoryMarkdown(h, w.decisionLabel, w.templateOf(h.ref)), between: '\n', end: '' };
  },
  csv: async () => {
    const { HISTORY_CSV_HEADER, renderChildHistoryCsv } = await import('./history-csv.js');
    return { begin: HISTORY_CSV_HEADER, child: renderChildHistoryCsv, between: '', end: '' };
  },
  json: async () => json,
} satisfies Readonly<Record<string, (medium: Medium) => Promise<HistoryFormat>>>;
