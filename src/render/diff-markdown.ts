import type { ReviewDiff, SectionDiff, WordPart } from '../analyse/review-diff.js';
import { longDate } from '../record/dates.js';
import { changeSymbols } from './change-symbols.js';
import { areaLine, changeWords, countsLine, decisionWords, planItems, planItemWords, sideTitle, textLabel, type DiffWords, type PlanItemKind } from './diff-style.js';
import { markdownBlock, markdownCell, markdownInline } from './safe-text.js';
import { NOT_ASSESSED_MARK, NOT_RELEVANT_MARK, scaleLook, type ScaleLook } from './score-style.js';
import { scaleWords } from '../template/scale-facts.js';

/** The review diff as GitHub/GitLab Markdown; record text only through safe-text.ts. */
export function renderDiffMarkdown(diff: ReviewDiff, words: DiffWords): string {
  const md = markdownInline;
  const out: string[] = [];
  const who = diff.to.name ? `${md(diff.to.name)} (${md(diff.to.ref)})` : md(diff.to.ref);
  out.push(`# Review diff: ${who}`, '');
  out.push(`**${sideTitle(diff.from)} → ${sideTitle(diff.to)}** (${diff.daysBetween} days)`, '');
  if (diff.from.source || diff.to.source) {
    out.push(`From ${md(diff.from.source ?? 'an unnamed record')} to ${md(diff.to.source ?? 'an unnamed record')}.`, '');
  }
  if (!diff.sameChild) out.push(`⚠️ **These records are about different children** (${md(diff.from.ref)} and ${md(diff.to.ref)}).`, '');
  const scale = scaleWords(diff.scale);
  const symbols = changeSymbols(scale.better);
  const look = scaleLook(diff.scale);
  out.push(`${countsLine(diff.counts)}. ${scale.betterHeading} scores mean better care: ${symbols.improved} improved, ${symbols.deteriorated} deteriorated.`, '');

  out.push('## Areas', '');
  for (const a of diff.areas) out.push(`- **${a.number} ${md(a.title)}**: ${md(areaLine(a, scale.worst, '→'))}`);
  out.push('', '## Sections', '', '| Area | Section | From | To | Change |', '|---|---|---|---|---|');
  for (const s of diff.sections) {
    const area = diff.areas.find((a) => a.area === s.area);
    out.push(`| ${area ? `${area.number} ${md(area.title)}` : md(s.area)} | ${s.section} ${md(s.title)} | ${score(s.from, s.fromState, look)} | ${score(s.to, s.toState, look)} | ${symbols[s.change]} ${changeWords[s.change]} |`);
  }
  out.push('');

  if (diff.text.length) {
    out.push('## Changed text', '', '~~Removed~~ words are struck through; **added** words are in bold.', '');
    for (const t of diff.text) {
      out.push(`**${md(textLabel(t.about))}**`, '');
      // Mostly rewritten text reads better whole than as a patchwork of marks.
      if (t.rewritten) out.push(`- was: ~~${markdownCell(t.from ?? '')}~~`, `- now: **${markdownCell(t.to ?? '')}**`, '');
      else out.push(wordDiff(t.parts), '');
    }
  }
  if (diff.sessionsAdded.length) {
    out.push(`## Sessions added (${diff.sessionsAdded.length})`, '');
    for (const s of diff.sessionsAdded) {
      const meta = [s.type.replace(/-/g, ' '), s.by ? `by ${md(s.by)}` : undefined, s.seen_alone ? 'child seen alone' : undefined].filter(Boolean).join(', ');
      out.push(`- **${longDate(s.date)}**: ${meta}${s.note ? ` - ${markdownCell(s.note)}` : ''}`);
    }
    out.push('');
  }
  const plan = planItems(diff.actions);
  if (plan.length) {
    out.push('## Actions', '');
    const marks: Record<PlanItemKind, string> = { done: '✅', 'added-done': '✅', new: '➕', open: '☐', overdue: '⚠️', dropped: '➖' };
    for (const item of plan) out.push(`- ${marks[item.kind]} ${item.kind === 'overdue' ? '**overdue**' : planItemWords[item.kind]}: ${markdownCell(item.action)}${item.note ? ` (${markdownCell(item.note)})` : ''}`);
    out.push('');
  }
  const d = diff.decision;
  const label = (x: typeof d.from) => (x ? markdownInline(decisionWords(words, x)) : 'not recorded');
  out.push('## Decision', '', d.changed ? `Changed from *${label(d.from)}* to **${label(d.to)}**.` : `Unchanged: ${label(d.to)}.`);
  if (diff.review) {
    out.push('', '## Review questions', '');
    for (const { key, question } of words.review_questions) {
      const answer = diff.review[key];
      if (answer !== undefined && answer.trim() !== '') out.push(`**${question}**`, '', markdownBlock(answer), '');
    }
  }
  return `${out.join('\n')}\n`;
}

function score(value: number | null, state: SectionDiff['fromState'], look: ScaleLook): string {
  if (value === null) return state === 'not-relevant' ? NOT_RELEVANT_MARK : NOT_ASSESSED_MARK;
  return `${look.square(value)} ${value}`;
}

/**
 * Marks stay outside the spaces around a change, because Markdown ignores
 * `** added **` with inner spaces.
 */
function wordDiff(parts: readonly WordPart[]): string {
  return parts
    .map((p) => {
      const text = p.text.replace(/\s+/g, ' ');
      if (p.kind === 'same') return markdownInline(text);
      const [, lead = '', body = '', trail = ''] = /^(\s*)(.*?)(\s*)$/.exec(text) ?? [];
      if (body === '') return text;
      const mark = p.kind === 'added' ? '**' : '~~';
      return `${lead}${mark}${markdownInline(body)}${mark}${trail}`;
    })
    .join('');
}
