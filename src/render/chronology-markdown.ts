import { CHRONOLOGY_KINDS, type Chronology } from '../analyse/chronology.js';
import { longDate } from '../record/dates.js';
import { eventWords, FLAG_MARK, flagWords, kindWords, namer, scopeWords, type ChronologyWords } from './chronology-style.js';
import { markdownInline } from './safe-text.js';

/** The chronology as Markdown: what to look at again, then a heading per date and a list of its events. */
export function renderChronologyMarkdown(chronology: Chronology, templateWords: ChronologyWords): string {
  const md = markdownInline;
  const name = namer(chronology, md);
  const many = chronology.children.length > 1;
  const out: string[] = [];
  out.push(`# Chronology: ${chronology.children.map((ch) => `${name(ch.ref)} (${md(ch.ref)})`).join(', ')}`, '');
  const scope = scopeWords(chronology, CHRONOLOGY_KINDS.length);
  out.push(`Oldest first; as of ${longDate(chronology.today)}${scope ? `; ${scope}` : ''}.`, '');
  if (chronology.flags.length) {
    out.push('## To look at again', '');
    for (const f of chronology.flags) out.push(`- ${FLAG_MARK} ${flagWords(f, name, md, templateWords)}`);
    out.push('');
  }
  for (const day of chronology.days) {
    out.push(`## ${longDate(day.date)}`, '');
    for (const e of day.events) {
      const words = eventWords(e, name, md, chronology.today, templateWords);
      const who = many ? `${e.refs.map(name).join(', ')}: ` : '';
      out.push(`- ${e.flags.length ? `**${FLAG_MARK}** ` : ''}*${kindWords[e.kind]}* - ${who}${words.headline}`);
      if (words.detail) out.push(`  <br>${words.detail}`);
    }
    out.push('');
  }
  if (chronology.days.length === 0) out.push('No events match.', '');
  return `${out.join('\n').trimEnd()}\n`;
}
