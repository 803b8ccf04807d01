import type { ChalkInstance } from 'chalk';
import type { ChildHistory } from '../analyse/history.js';
import { longDate } from '../record/dates.js';
import { changeSummary, highestWords, patternWords, pointLabel, sectionsWith, trendColour, trendMarks, trendWords } from './history-style.js';
import type { TemplateIndex } from '../template/load-template.js';
import { terminalSafeLine } from './safe-text.js';
import { NOT_ASSESSED_MARK, scaleLook, type ScaleLook } from './score-style.js';
import { displayWidth, padEndDisplay, wrapText } from './text-layout.js';

/** Each child's timeline for a terminal (history-formats.ts writes the same a child at a time). */
export function renderHistoryTerminal(histories: readonly ChildHistory[], c: ChalkInstance, width: number, templateOf: (ref: string) => TemplateIndex): string {
  return histories.map((h) => renderChildHistoryTerminal(h, c, width, templateOf(h.ref))).join('\n');
}

function spark(scores: readonly (number | null)[], look: ScaleLook, c: ChalkInstance): string {
  return scores.map((s) => (s === null ? c.dim(NOT_ASSESSED_MARK) : look.colour(s, c)(look.bar(s)))).join('');
}

/** One child's timeline for a terminal, on the child's template's scale: a sparkline of score bars per area and section; children are joined by a blank line. */
export function renderChildHistoryTerminal(h: ChildHistory, c: ChalkInstance, width: number, template: TemplateIndex): string {
  const tl = terminalSafeLine;
  const look = scaleLook(template.template);
  const words = template.worryingWords;
  const trendMark = trendMarks(words.better);
  const out: string[] = [];
  const first = h.points[0]!;
  const last = h.points[h.points.length - 1]!;
  out.push(c.bold(`History - ${h.name ? `${tl(h.name)} (${tl(h.ref)})` : tl(h.ref)}`));
  out.push(`${h.points.length} toolkit${h.points.length === 1 ? '' : 's'}, ${longDate(first.completed)} to ${longDate(last.completed)}`);
  h.points.forEach((p, i) => {
    const from = p.source.commit ? `${tl(p.source.file)} at ${p.source.commit.slice(0, 7)} (${tl(p.source.author ?? '')}, ${p.source.date})` : tl(p.source.file);
    out.push(c.dim(wrapText(`${i + 1}. ${pointLabel(p)} - ${from}`, width, '  ')));
  });
  out.push(c.dim(`  Scores left to right, oldest first: ${template.scores.map((s) => `${look.bar(s)} ${s}`).join('  ')}  ${NOT_ASSESSED_MARK} not scored; ${words.better} is better care.`));

  const titleWidth = Math.max(0, ...h.areas.flatMap((a) => [displayWidth(tl(`${a.number} ${a.title}`)), ...a.sections.map((s) => displayWidth(tl(`  ${s.section} ${s.title}`)))]));
  for (const a of h.areas) {
    out.push(
      '',
      `${c.bold(padEndDisplay(tl(`${a.number} ${a.title}`), titleWidth))}  ${spark(a.highest, look, c)}  ${c.dim(`${words.worst} ${highestWords(a)} · ${patternWords(a, words)}`)}  ${trendColour(a.trend, c)(`${trendMark[a.trend]} ${trendWords[a.trend]}`)}`,
    );
    for (const s of a.sections) {
      const scores = s.scores.map((x) => (x === null ? NOT_ASSESSED_MARK : String(x))).join(' ');
      out.push(`${padEndDisplay(tl(`  ${s.section} ${s.title}`), titleWidth)}  ${spark(s.scores, look, c)}  ${padEndDisplay(scores, h.points.length * 2)} ${trendColour(s.trend, c)(`${trendMark[s.trend]} ${trendWords[s.trend]}`)}`);
    }
  }

  const sustained = sectionsWith(h, 'sustained');
  const slipped = sectionsWith(h, 'slipped-back');
  if (sustained.length || slipped.length) out.push('');
  if (sustained.length) out.push(wrapText(`${c.green.bold('★ Sustained')} - improvement held across two or more toolkits, to celebrate with the family: ${sustained.map((x) => tl(`${x.section} ${x.title}`)).join(', ')}`, width));
  if (slipped.length) out.push(wrapText(`${c.red.bold('⚠ Slipped back')} - worse again after improving: ${slipped.map((x) => tl(`${x.section} ${x.title}`)).join(', ')}`, width));

  if (h.changes.length) {
    out.push('', c.bold.underline('Who changed what and when'));
    for (const ch of h.changes) {
      const who = ch.source.commit ? `${ch.source.date} ${tl(ch.source.author ?? '')} (${ch.source.commit.slice(0, 7)}${ch.source.subject ? ` "${tl(ch.source.subject)}"` : ''})` : 'not yet committed';
      out.push(wrapText(`${who}: ${tl(ch.source.file)} - ${changeSummary(ch)}`, width, '  '));
    }
  }
  return `${out.join('\n')}\n`;
}
