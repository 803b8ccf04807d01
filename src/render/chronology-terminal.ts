import type { ChalkInstance } from 'chalk';
import { CHRONOLOGY_KINDS, type Chronology } from '../analyse/chronology.js';
import { longDate } from '../record/dates.js';
import { eventWords, FLAG_MARK, flagWords, kindWords, namer, scopeWords, type ChronologyWords } from './chronology-style.js';
import { terminalSafe, terminalSafeLine } from './safe-text.js';
import { wrapText } from './text-layout.js';

/** The chronology for a terminal: what to look at again first, then date by date. */
export function renderChronologyTerminal(chronology: Chronology, templateWords: ChronologyWords, c: ChalkInstance, width: number): string {
  const tl = terminalSafeLine;
  const name = namer(chronology, tl);
  const many = chronology.children.length > 1;
  const out: string[] = [];
  out.push(c.bold(`Chronology - ${chronology.children.map((ch) => `${name(ch.ref)} (${tl(ch.ref)})`).join(', ')}`));
  const scope = scopeWords(chronology, CHRONOLOGY_KINDS.length);
  out.push(c.dim(`Oldest first; as of ${longDate(chronology.today)}${scope ? `; ${scope}` : ''}.`));
  if (chronology.flags.length) {
    out.push('', c.bold.underline('To look at again'));
    for (const f of chronology.flags) out.push(wrapText(`${c.red.bold(FLAG_MARK)} ${flagWords(f, name, tl, templateWords)}`, width, '  '));
  }
  for (const day of chronology.days) {
    out.push('', c.bold(longDate(day.date)));
    for (const e of day.events) {
      const words = eventWords(e, name, tl, chronology.today, templateWords);
      const who = many ? `${e.refs.map(name).join(', ')}: ` : '';
      const mark = e.flags.length ? `${c.red.bold(FLAG_MARK)} ` : '';
      out.push(wrapText(`${mark}${c.dim(`[${kindWords[e.kind]}]`)} ${who}${words.headline}`, width, '  '));
      if (words.detail) out.push(c.dim(wrapText(terminalSafe(words.detail), width, '      ')));
    }
  }
  if (chronology.days.length === 0) out.push('', 'No events match.');
  return `${out.join('\n')}\n`;
}
