import type { ChalkInstance } from 'chalk';
import type { ReviewDiff, SectionDiff, WordPart } from '../analyse/review-diff.js';
import { longDate } from '../record/dates.js';
import { changeSymbols } from './change-symbols.js';
import { areaLine, changeColour, changeWords, countsLine, decisionWords, planItems, planItemWords, sideTitle, textLabel, type DiffWords, type PlanItemKind } from './diff-style.js';
import { graphemes } from '../text/graphemes.js';
import { terminalSafe, terminalSafeLine } from './safe-text.js';
import { NOT_ASSESSED_MARK, NOT_RELEVANT_MARK, scaleLook, type ScaleLook } from './score-style.js';
import { scaleWords, type ScaleWords } from '../template/scale-facts.js';
import { displayWidth, fillLines, padEndDisplay, roomAfter, wrapText, type LayoutWord } from './text-layout.js';

/**
 * The review diff for a terminal: what got better, worse or stayed the same,
 * area by area, then the changed words, sessions, actions and decision.
 * `ntk review` prints this after writing a review.
 */
export function renderDiffTerminal(diff: ReviewDiff, words: DiffWords, c: ChalkInstance, width: number): string {
  const tl = terminalSafeLine;
  const out: string[] = [];
  const who = diff.to.name ? `${tl(diff.to.name)} (${tl(diff.to.ref)})` : tl(diff.to.ref);
  out.push(c.bold(`Review diff - ${who}`));
  out.push(`${sideTitle(diff.from)} -> ${sideTitle(diff.to)} (${diff.daysBetween} days)`);
  if (diff.from.source) out.push(c.dim(`  from ${tl(diff.from.source)}`));
  if (diff.to.source) out.push(c.dim(`  to   ${tl(diff.to.source)}`));
  if (!diff.sameChild) out.push(c.yellow(`⚠ these records are about different children (${tl(diff.from.ref)} and ${tl(diff.to.ref)})`));
  out.push(countsLine(diff.counts));

  const titleWidth = Math.max(0, ...diff.sections.map((s) => displayWidth(terminalSafeLine(`${s.section} ${s.title}`))));
  const scale = { look: scaleLook(diff.scale), words: scaleWords(diff.scale) };
  for (const area of diff.areas) {
    out.push('', `${c.bold(`${area.number} ${tl(area.title)}`)}  ${changeColour(area.verdict, c)(areaLine(area, scale.words.worst))}`);
    for (const s of diff.sections.filter((x) => x.area === area.area)) out.push(sectionLine(s, titleWidth, scale, c));
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

  const plan = planItems(diff.actions);
  if (plan.length > 0) {
    out.push('', c.bold.underline('Actions'));
    const marks: Record<PlanItemKind, string> = { done: c.green('☑'), 'added-done': c.green('☑'), new: c.cyan('+'), open: '☐', overdue: c.yellow.bold('⚠'), dropped: c.yellow('-') };
    for (const item of plan) out.push(wrapText(`${marks[item.kind]} ${planItemWords[item.kind]} ${terminalSafe(item.action)}${item.note ? ` (${terminalSafe(item.note)})` : ''}`, width, '  '));
  }

  const d = diff.decision;
  const label = (x: typeof d.from) => (x ? terminalSafeLine(decisionWords(words, x)) : 'not recorded');
  out.push('', `${c.bold('Decision:')} ${d.changed ? `${c.yellow('changed')} from "${label(d.from)}" to "${label(d.to)}"` : `unchanged - ${label(d.to)}`}`);
  if (diff.review) {
    out.push('', c.bold.underline('Review questions'));
    for (const { key, question } of words.review_questions) {
      const answer = diff.review[key];
      if (answer !== undefined && answer.trim() !== '') out.push(`  ${c.bold(question)}`, wrapText(terminalSafe(answer), width, '    '));
    }
  }
  return `${out.join('\n')}\n`;
}

function scoreText(score: number | null, state: SectionDiff['fromState'], look: ScaleLook, c: ChalkInstance): string {
  if (score === null) return padEndDisplay(c.dim(state === 'not-relevant' ? NOT_RELEVANT_MARK : NOT_ASSESSED_MARK), 2);
  return look.colour(score, c)(`${score}${look.bar(score)}`);
}

function sectionLine(s: SectionDiff, titleWidth: number, scale: { look: ScaleLook; words: ScaleWords }, c: ChalkInstance): string {
  const colour = changeColour(s.change, c);
  const title = padEndDisplay(terminalSafeLine(`${s.section} ${s.title}`), titleWidth);
  const carers = (list: SectionDiff['carersTo']) => (list.length > 0 ? list.map((v) => `${terminalSafeLine(v.carer)} ${v.score}`).join(', ') : NOT_ASSESSED_MARK);
  const parent =
    (s.parentFrom !== null || s.parentTo !== null ? c.dim(`  parent ${s.parentFrom ?? NOT_ASSESSED_MARK} -> ${s.parentTo ?? NOT_ASSESSED_MARK}`) : '') +
    (s.carersFrom.length > 0 || s.carersTo.length > 0 ? c.dim(`  carers ${carers(s.carersFrom)} -> ${carers(s.carersTo)}`) : '');
  return `  ${colour(changeSymbols(scale.words.better)[s.change])} ${title}  ${scoreText(s.from, s.fromState, scale.look, c)} -> ${scoreText(s.to, s.toState, scale.look, c)}  ${colour(changeWords[s.change])}${parent}`;
}

/**
 * Word-wraps a word diff. Each piece is styled on its own, so a line break
 * never falls inside a colour code, and the [- -] {+ +} marks say what
 * changed without colour. Breaks fall where the text has spaces, and inside
 * a word too wide for the line only between graphemes.
 */
function wrapParts(parts: readonly WordPart[], c: ChalkInstance, width: number, indent: string): string {
  type Run = { plain: string; style: (x: string) => string };
  const words: Run[][] = [];
  let word: Run[] = [];
  const end = () => {
    if (word.length > 0) words.push(word);
    word = [];
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
      word.push({ plain: `${i === first ? open : ''}${piece}${i === last ? close : ''}`, style });
    });
  }
  end();
  const styled = (runs: readonly Run[]) => runs.map((r) => r.style(r.plain)).join('');
  const layoutWords: LayoutWord[] = words.map((runs) => ({
    text: styled(runs),
    width: displayWidth(runs.map((r) => r.plain).join('')),
    // Each piece of a broken word is styled on its own, so no colour runs on into the next line's indent.
    pieces: (room) => {
      const lines: Run[][] = [[]];
      let used = 0;
      for (const run of runs) {
        for (const unit of graphemes(run.plain)) {
          const w = displayWidth(unit);
          if (used > 0 && used + w > room) {
            lines.push([]);
            used = 0;
          }
          lines[lines.length - 1]!.push({ plain: unit, style: run.style });
          used += w;
        }
      }
      return lines.map((line) => styled(mergeRuns(line)));
    },
  }));
  return fillLines(layoutWords, roomAfter(indent, width))
    .map((line) => indent + line)
    .join('\n');
}

/** Neighbouring runs of one style as one, so a broken word's piece gets one colour code, not one per grapheme. */
function mergeRuns<R extends { plain: string; style: unknown }>(runs: readonly R[]): R[] {
  const out: R[] = [];
  for (const run of runs) {
    const prev = out[out.length - 1];
    if (prev && prev.style === run.style) out[out.length - 1] = { ...prev, plain: prev.plain + run.plain };
    else out.push(run);
  }
  return out;
}
