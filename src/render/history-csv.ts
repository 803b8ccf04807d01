import type { ChildHistory } from '../analyse/history.js';
import { terminalSafeLine } from './safe-text.js';
import { csvText } from './csv-text.js';

/**
 * One row per child, toolkit and section, for spreadsheets and analysts.
 * Record text and git metadata (a git author is whatever they typed) stay
 * text: no terminal control, and nothing a spreadsheet would run (csvText).
 */
export function renderHistoryCsv(histories: readonly ChildHistory[]): string {
  const rows: (string | number)[][] = [];
  for (const h of histories) {
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
  }
  return csvText(rows, {
    header: true,
    columns: ['child_ref', 'completed', 'type', 'area', 'section', 'section_title', 'score', 'trend', 'file', 'commit', 'author', 'commit_date'],
  });
}
