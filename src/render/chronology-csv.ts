import type { Chronology } from '../analyse/chronology.js';
import { eventWords, namer, type ChronologyWords } from './chronology-style.js';
import { csvText } from './csv-text.js';
import { terminalSafe, terminalSafeLine } from './safe-text.js';

/**
 * One row per event, oldest first, for a spreadsheet: date, kind, children,
 * what happened in words, the record's own text, and the flags' codes.
 * Cells a spreadsheet would run as a formula are guarded by csvText.
 */
export function renderChronologyCsv(chronology: Chronology, templateWords: ChronologyWords): string {
  const name = namer(chronology, terminalSafeLine);
  const rows = chronology.days.flatMap((day) =>
    day.events.map((e) => {
      const words = eventWords(e, name, terminalSafe, chronology.today, templateWords);
      return [day.date, e.kind, e.refs.join(' '), words.headline, words.detail ?? '', e.flags.join(' ')];
    }),
  );
  return csvText(rows, { header: true, columns: ['date', 'kind', 'children', 'event', 'detail', 'flags'] });
}
