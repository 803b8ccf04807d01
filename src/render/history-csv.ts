import { stringify } from 'csv-stringify/sync';
import type { ChildHistory } from '../analyse/history.js';
import { terminalSafeLine } from './safe-text.js';
import { spreadsheetText } from './spreadsheet-text.js';

/**
 * One row per child, toolkit and section, for spreadsheets and analysts.
 * Cells that a spreadsheet would run as a formula (=, +, -, @ first) get a
 * leading apostrophe, so record text stays text.
 */
export function renderHistoryCsv(histories: readonly ChildHistory[]): string {
  const rows: (string | number)[][] = [];
  for (const h of histories) {
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
  }
  return stringify(rows, {
    header: true,
    columns: ['child_ref', 'completed', 'type', 'area', 'section', 'section_title', 'score', 'trend', 'file', 'commit', 'author', 'commit_date'],
  });
}

function cell(text: string): string {
  return spreadsheetText(terminalSafeLine(text));
}
