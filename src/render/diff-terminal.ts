import type { ChalkInstance } from 'chalk';
import type { ReviewDiff, SectionDiff, WordPart } from '../analyse/review-diff.js';
import { decisionLabels } from '../record/vocabulary.js';
import { longDate } from '../validate/dates.js';
import { areaLine, changeColour, changeSymbol, changeWords, countsLine, sideTitle, textLabel } from './diff-style.js';
import { terminalSafe, terminalSafeLine } from './safe-text.js';
import { NOT_ASSESSED_MARK, NOT_RELEVANT_MARK, scoreBar, scoreColour } from './score-style.js';
import { wrapText } from './wrap.js';

/**
 * The review diff for a terminal: what got better, worse or stayed the same,
 * area by area, then the changed words, sessions, actions and decision.
 * `ntk review` prints this after writing a review.
 */
export function renderDiffTerminal(diff: ReviewDiff, c: ChalkInstance, width: number): string {
  const tl = terminalSafeLine;
  const out: string[] = [];
  const who = diff.to.name ? `${tl(diff.to.name)} (${tl(diff.to.ref)})` : tl(diff.to.ref);
  out.push(c.bold(`Review diff - ${who}`));
  out.push(`${sideTitle(diff.from)} -> ${sideTitle(diff.to)} (${diff.daysBetween} days)`);
  if (diff.from.source) out.push(c.dim(`  from ${tl(diff.from.source)}`));
  if (diff.to.source) out.push(c.dim(`  to   ${tl(diff.to.source)}`));
  if (!diff.sameChild) out.push(c.yellow(`⚠ these records are about different children (${tl(diff.from.ref)} and ${tl(diff.to.ref)})`));
  out.push(countsLine(diff.counts));

  const titleWidth = Math.max(0, ...diff.sections.map((s) => `${s.section} ${s.title}`.length));
  for (const area of diff.areas) {
    out.push('', `${c.bold(`${area.number} ${tl(area.title)}`)}  ${changeColour(area.verdict, c)(areaLine(area))}`);
    for (const s of diff.sections.filter((x) => x.area === area.area)) out.push(sectionLine(s, titleWidth, c));
  }

  if (diff.text.length > 0) {
    out.push('', c.bold.underline('Changed text'), c.dim('  [-removed-] {+added+}; text mostly rewritten is shown whole, was (-) and now (+)'));
    for (const t of diff.text) {
      out.push(`  ${c.bold(tl(textLabel(t.about)))}`);
      if (t.rewritten) {
        out.push(wrapParts([{ kind: 'removed', text: t.from ?? '' }], c, width, '    - '));
        out.push(wrapParts([{ kind: 'added', text: t.to ?? '' }], c, width, '    + '));
      } else {
        out.push(wrapParts(t.parts, c, width, '    '));
      }
    }
  }

  if (diff.sessionsAdded.length > 0) {
    out.push('', c.bold.underline(`Sessions added (${diff.sessionsAdded.length})`));
    for (const s of diff.sessionsAdded) {
      const meta = [s.type.replace(/-/g, ' '), s.by ? `by ${tl(s.by)}` : undefined, s.seen_alone ? 'child seen alone' : undefined].filter(Boolean).join(', ');
      out.push(wrapText(`+ ${longDate(s.date)}: ${meta}${s.note ? ` - ${terminalSafe(s.note)}` : ''}`, width, '  '));
    }
  }

  const { added, completed, dropped } = diff.actions;
  if (added.length + completed.length + dropped.length > 0) {
    out.push('', c.bold.underline('Actions'));
    for (const a of completed) out.push(wrapText(`${c.green(added.includes(a) ? '☑ added and completed' : '☑ completed')} ${terminalSafe(a.action)}${a.done ? ` (${longDate(a.done)})` : ''}`, width, '  '));
    for (const a of added.filter((x) => !completed.includes(x))) out.push(wrapText(`${c.cyan('+ added')} ${terminalSafe(a.action)}${a.by ? ` (by ${longDate(a.by)})` : ''}`, width, '  '));
    for (const a of dropped) out.push(wrapText(`${c.yellow('- no longer in the plan')} ${terminalSafe(a.action)}`, width, '  '));
  }

  const d = diff.decision;
  const label = (x: typeof d.from) => (x ? decisionLabels[x] : 'not recorded');
  out.push('', `${c.bold('Decision:')} ${d.changed ? `${c.yellow('changed')} from "${label(d.from)}" to "${label(d.to)}"` : `unchanged - ${label(d.to)}`}`);
  return `${out.join('\n')}\n`;
}

function scoreText(score: number | null, state: SectionDiff['fromState'], c: ChalkInstance): string {
  if (score === null) return c.dim(state === 'not-relevant' ? NOT_RELEVANT_MARK : NOT_ASSESSED_MARK).padEnd(2);
  return scoreColour(score, c)(`${score}${scoreBar[score] ?? ''}`);
}

function sectionLine(s: SectionDiff, titleWidth: number, c: ChalkInstance): string {
  const colour = changeColour(s.change, c);
  const title = terminalSafeLine(`${s.section} ${s.title}`).padEnd(titleWidth);
  const carers = (list: SectionDiff['carersTo']) => (list.length > 0 ? list.map((v) => `${terminalSafeLine(v.carer)} ${v.score}`).join(', ') : NOT_ASSESSED_MARK);
  const parent =
    (s.parentFrom !== null || s.parentTo !== null ? c.dim(`  parent ${s.parentFrom ?? NOT_ASSESSED_MARK} -> ${s.parentTo ?? NOT_ASSESSED_MARK}`) : '') +
    (s.carersFrom.length > 0 || s.carersTo.length > 0 ? c.dim(`  carers ${carers(s.carersFrom)} -> ${carers(s.carersTo)}`) : '');
  return `  ${colour(changeSymbol[s.change])} ${title}  ${scoreText(s.from, s.fromState, c)} -> ${scoreText(s.to, s.toState, c)}  ${colour(changeWords[s.change])}${parent}`;
}

/**
 * Word-wraps a word diff. Each piece is styled on its own, so a line break
 * never falls inside a colour code, and the [- -] {+ +} marks say what
 * changed without colour. Breaks fall only where the text has spaces.
 */
function wrapParts(parts: readonly WordPart[], c: ChalkInstance, width: number, indent: string): string {
  const words: { plain: string; styled: string }[] = [];
  let word = { plain: '', styled: '' };
  const add = (plain: string, styled: string) => {
    word.plain += plain;
    word.styled += styled;
  };
  const end = () => {
    if (word.plain !== '') words.push(word);
    word = { plain: '', styled: '' };
  };
  for (const part of parts) {
    const open = part.kind === 'removed' ? '[-' : part.kind === 'added' ? '{+' : '';
    const close = part.kind === 'removed' ? '-]' : part.kind === 'added' ? '+}' : '';
    const style = part.kind === 'removed' ? (x: string) => c.red.strikethrough(x) : part.kind === 'added' ? (x: string) => c.green.underline(x) : (x: string) => x;
    const pieces = terminalSafeLine(part.text).split(/(\s+)/).filter((x) => x !== '');
    const last = pieces.length - 1 - [...pieces].reverse().findIndex((x) => x.trim() !== '');
    const first = pieces.findIndex((x) => x.trim() !== '');
    pieces.forEach((piece, i) => {
      if (piece.trim() === '') {
        end();
        return;
      }
      const plain = `${i === first ? open : ''}${piece}${i === last ? close : ''}`;
      add(plain, style(plain));
    });
  }
  end();
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let line: string[] = [];
  let length = 0;
  for (const w of words) {
    if (line.length > 0 && length + 1 + w.plain.length > room) {
      lines.push(indent + line.join(' '));
      line = [];
      length = 0;
    }
    length += (line.length > 0 ? 1 : 0) + w.plain.length;
    line.push(w.styled);
  }
  if (line.length > 0) lines.push(indent + line.join(' '));
  return lines.join('\n');
}
