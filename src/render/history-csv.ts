import { stringify } from 'csv-stringify/sync';
import type { ChildHistory } from '../analyse/history.js';
import { terminalSafeLine } from './safe-text.js';
import { spreadsheetText } from './spreadsheet-text.js';

const COLUMNS = ['child_ref', 'completed', 'type', 'area', 'section', 'section_title', 'score', 'trend', 'file', 'commit', 'author', 'commit_date'];
/** The header line: plain column names, which need no quoting. */
export const HISTORY_CSV_HEADER = stringify([COLUMNS]);

/**
 * One child's rows: one per toolkit and section, for spreadsheets and
 * analysts; after the header, children follow one another. Cells that a
 * spreadsheet would run as a formula (=, +, -, @ first) get a leading
 * apostrophe, so record text stays text.
 */
export function renderChildHistoryCsv(h: ChildHistory): string {
  const rows: (string | number)[][] = [];
  h.points.forEach((p, i) => {
    for (const a of h.areas) {
      for (const s of a.sections) {
        rows.push([
          cell(h.ref),
          p.completed,
          p.type,
          a.area,
          s.section,
          cell(s.title),
          s.scores[i] ?? '',
          s.trend,
          cell(p.source.file),
          p.source.commit ?? '',
          cell(p.source.author ?? ''),
          p.source.date ?? '',
        ]);
      }
    }
  });
  return stringify(rows);
}

function cell(text: string): string {
  return spreadsheetText(terminalSafeLine(text));
}
