import type { ChalkInstance } from 'chalk';
import type { ChildHistory } from '../analyse/history.js';
import { HISTORY_CSV_HEADER, renderChildHistoryCsv } from './history-csv.js';
import { renderChildHistoryMarkdown } from './history-markdown.js';
import { renderChildHistoryTerminal } from './history-terminal.js';
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
  child: (h: ChildHistory) => string;
  between: string;
  end: string;
}

/** jsonSafe's two-space layout of `{ children: [...] }`, one child at a time. */
const json: HistoryFormat = {
  begin: '{\n  "children": [\n',
  // A JSON text holds no raw line break inside a string, so every line break is between values and gets the indent.
  child: (h) => `    ${jsonSafe(h).replaceAll('\n', '\n    ')}`,
  between: ',\n',
  end: '\n  ]\n}\n',
};

/** Each format, given colour, width, the decisions' words and each child's template (the scale a child's scores are drawn and worded on). */
export const historyFormats: Record<'terminal' | 'markdown' | 'csv' | 'json', (c: ChalkInstance, width: number, decisionLabel: (key: string) => string, templateOf: (ref: string) => TemplateIndex) => HistoryFormat> = {
  terminal: (c, width, _decisionLabel, templateOf) => ({ begin: '', child: (h) => renderChildHistoryTerminal(h, c, width, templateOf(h.ref)), between: '\n', end: '' }),
  markdown: (_c, _width, decisionLabel, templateOf) => ({ begin: '', child: (h) => renderChildHistoryMarkdown(h, decisionLabel, templateOf(h.ref)), between: '\n', end: '' }),
  csv: () => ({ begin: HISTORY_CSV_HEADER, child: renderChildHistoryCsv, between: '', end: '' }),
  json: () => json,
};
