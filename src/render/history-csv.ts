import type { ChildHistory } from '../analyse/history.js';
import { terminalSafeLine } from './safe-text.js';
import { csvText } from './csv-text.js';

const COLUMNS = ['child_ref', 'completed', 'type', 'area', 'section', 'section_title', 'score', 'trend', 'file', 'commit', 'author', 'commit_date'];
/** The header line: plain column names, which need no quoting. */
export const HISTORY_CSV_HEADER = csvText([COLUMNS]);

/** Every child's rows under the header (history-formats.ts writes the same a child at a time). */
export function renderHistoryCsv(histories: readonly ChildHistory[]): string {
  return HISTORY_CSV_HEADER + histories.map(renderChildHistoryCsv).join('');
}

/**
 * One child's rows: one per toolkit and section, for spreadsheets and
 * analysts; after the header, children follow one another. Record text and
 * git metadata (a git author is whatever they typed) stay text: no terminal
 * control, and nothing a spreadsheet would run (csvText).
 */
export function renderChildHistoryCsv(h: ChildHistory): string {
  const rows: (string | number)[][] = [];
  h.points.forEach((p, i) => {
    for (const a of h.areas) {
      for (const s of a.sections) {
        rows.push([
          terminalSafeLine(h.ref),
          p.completed,
          p.type,
          a.area,
          s.section,
          terminalSafeLine(s.title),
          s.scores[i] ?? '',
          s.trend,
          terminalSafeLine(p.source.file),
          p.source.commit ?? '',
          terminalSafeLine(p.source.author ?? ''),
          p.source.date ?? '',
        ]);
      }
    }
  });
  return csvText(rows);
}
