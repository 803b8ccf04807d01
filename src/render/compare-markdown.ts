import { childVoiceQuestions } from '../analyse/summary-sheet.js';
import type { SiblingComparison } from '../analyse/sibling-comparison.js';
import { childColumn, childName, compareKey, DIFFERENTIAL_MARK, farApartNote, flagQuestion, HOUSEHOLD_MARK, NO_FLAGS } from './compare-style.js';
import { markdownCell, markdownInline } from './safe-text.js';
import { NOT_ASSESSED_MARK, scaleLook } from './score-style.js';

/** Children side by side as Markdown: one table, the questions, then each child's words in a table of their own. */
export function renderCompareMarkdown(sheet: SiblingComparison): string {
  const md = markdownInline;
  const out: string[] = [];
  out.push(`# Compare: ${sheet.children.map((ch) => `${childName(ch, md)} (${md(ch.ref)})`).join(', ')}`, '');
  const note = farApartNote(sheet);
  if (note) out.push(`> ⚠️ ${note}`, '');
  out.push(`| Section | ${sheet.children.map((ch) => `${childName(ch, md)}<br>${childColumn(ch)}`).join(' | ')} | |`, `|---|${sheet.children.map(() => '---|').join('')}---|`);
  for (const area of sheet.areas) {
    out.push(`| **${area.number} ${md(area.title)}** | ${sheet.children.map(() => '').join(' | ')} | |`);
    for (const s of area.sections) {
      const cells = s.scores.map((x) => (x === null ? NOT_ASSESSED_MARK : `${scaleLook(sheet.template).square(x)} ${x}`));
      out.push(`| ${s.key} ${md(s.title)}${s.householdWide ? ` ${HOUSEHOLD_MARK}` : ''} | ${cells.join(' | ')} | ${s.flagged ? `**${DIFFERENTIAL_MARK}**` : ''} |`);
    }
  }
  out.push('', `*${compareKey(sheet)}*`, '', '## To talk about', '');
  if (sheet.flags.length === 0) out.push(NO_FLAGS);
  for (const flag of sheet.flags) out.push(`- ${DIFFERENTIAL_MARK} ${flagQuestion(sheet, flag, md)}`);
  out.push('', '## In their own words', '', `| | ${sheet.children.map((ch) => childName(ch, md)).join(' | ')} |`, `|---|${sheet.children.map(() => '---|').join('')}`);
  for (const [key, question] of childVoiceQuestions) {
    out.push(`| ${question} | ${sheet.children.map((ch) => (ch.voice[key]?.trim() ? markdownCell(ch.voice[key]!) : '*not recorded*')).join(' | ')} |`);
  }
  return `${out.join('\n')}\n`;
}
