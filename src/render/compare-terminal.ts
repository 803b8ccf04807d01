import type { ChalkInstance } from 'chalk';
import { childVoiceQuestions } from '../analyse/summary-sheet.js';
import type { SiblingComparison } from '../analyse/sibling-comparison.js';
import { childColumn, childName, compareKey, DIFFERENTIAL_MARK, farApartNote, flagQuestion, HOUSEHOLD_MARK, NO_FLAGS } from './compare-style.js';
import { terminalSafe, terminalSafeLine } from './safe-text.js';
import { NOT_ASSESSED_MARK, scaleLook } from './score-style.js';
import { wrapText } from './text-layout.js';

/** Children side by side for a terminal: a column per child, the questions, then their own words. */
export function renderCompareTerminal(sheet: SiblingComparison, c: ChalkInstance, width: number): string {
  const tl = terminalSafeLine;
  const look = scaleLook(sheet.template);
  const out: string[] = [];
  out.push(c.bold(`Compare - ${sheet.children.map((ch) => `${childName(ch, tl)} (${tl(ch.ref)})`).join(', ')}`));
  const note = farApartNote(sheet);
  if (note) out.push(c.yellow(wrapText(note, width)));

  const titleWidth = Math.max(24, ...sheet.areas.flatMap((a) => [`${a.number} ${a.title}`.length, ...a.sections.map((s) => `  ${s.key} ${s.title} ${HOUSEHOLD_MARK}`.length)]));
  const columns = sheet.children.map((ch) => Math.max(8, childName(ch, tl).length, childColumn(ch).length) + 2);
  const row = (title: string, cells: string[], plainCells: string[]) => `${title.padEnd(titleWidth)}  ${cells.map((cell, i) => cell + ' '.repeat(Math.max(0, columns[i]! - plainCells[i]!.length))).join('')}`;
  const names = sheet.children.map((ch) => childName(ch, tl));
  out.push('', row('', names.map((n) => c.bold(n)), names).trimEnd());
  const facts = sheet.children.map(childColumn);
  out.push(row('', facts.map((f) => c.dim(f)), facts).trimEnd());
  for (const area of sheet.areas) {
    out.push(c.bold(tl(`${area.number} ${area.title}`)));
    for (const s of area.sections) {
      const plain = s.scores.map((x) => (x === null ? NOT_ASSESSED_MARK : `${x}${look.bar(x)}`));
      const cells = s.scores.map((x, i) => (x === null ? c.dim(plain[i]!) : look.colour(x, c)(plain[i]!)));
      const title = tl(`  ${s.key} ${s.title}${s.householdWide ? ` ${HOUSEHOLD_MARK}` : ''}`);
      out.push(`${row(title, cells, plain)}${s.flagged ? c.red.bold(DIFFERENTIAL_MARK) : ''}`.trimEnd());
    }
  }
  out.push(c.dim(wrapText(compareKey(sheet), width)));

  out.push('', c.bold.underline('To talk about'));
  if (sheet.flags.length === 0) out.push(wrapText(NO_FLAGS, width, '  '));
  for (const flag of sheet.flags) out.push(wrapText(`${DIFFERENTIAL_MARK} ${flagQuestion(sheet, flag, tl)}`, width, '  '));

  out.push('', c.bold.underline('In their own words'));
  for (const ch of sheet.children) {
    out.push(c.bold(`  ${childName(ch, tl)}`));
    const said = childVoiceQuestions.filter(([key]) => ch.voice[key]?.trim());
    if (said.length === 0) out.push(c.dim('    not recorded'));
    for (const [key, question] of said) out.push(`    ${c.dim(question)}`, wrapText(terminalSafe(ch.voice[key]!), width, '      '));
  }
  return `${out.join('\n')}\n`;
}
