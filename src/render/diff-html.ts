import type { SectionChange } from '../analyse/record-changes.js';
import type { AreaDiff, AreaVerdict, ReviewDiff, SectionDiff, TextDiff, WordPart } from '../analyse/review-diff.js';
import type { Session } from '../record/types.js';
import { longDate } from '../record/dates.js';
import { changeSymbols } from './change-symbols.js';
import { decisionWords, fieldWords, planItems, planItemWords, sideTitle, textLabel, voiceWords, type DiffWords, type PlanItemKind } from './diff-style.js';
import { listWords } from '../template/load-template.js';
import { escapeHtml as h, htmlPage, htmlText as bdi, scoreBadge, scoreLegend } from './html-page.js';
import { scaleWords, type ScaleFacts } from '../template/scale-facts.js';
import { scaleLook } from './score-style.js';

/** What the page needs from the template: its title, the words for each score in the key, which scores are worrying, and the decisions' words. */
export interface DiffHtmlTemplate extends DiffWords {
  title: string;
  better?: ScaleFacts['better'];
  scale: readonly { score: number; label: string; worrying?: boolean }[];
}

/**
 * A review rewrites most of a record's text, and one page holds about this
 * much of it. Beyond it the page keeps the impact on the child and the
 * child's own words in full and shortens the rest (evidence, strengths,
 * concerns, analysis, parent's views, session notes) to the phrases that
 * changed, or names them as reworded, and says so on the page.
 */
const FULL_TEXT_BUDGET = 3000;

const changeWords: Record<SectionChange, string> = {
  improved: 'better',
  deteriorated: 'worse',
  unchanged: 'the same',
  'newly-assessed': 'newly looked at',
  'no-longer-assessed': 'no longer looked at',
};

const verdictWords: Record<AreaVerdict, string> = {
  improved: 'Better',
  deteriorated: 'Worse',
  mixed: 'Some better, some worse',
  unchanged: 'The same',
  'newly-assessed': 'Newly looked at',
  'no-longer-assessed': 'No longer looked at',
  'not-scored': 'Not scored',
};

const verdictSymbols = (diff: ReviewDiff): Record<AreaVerdict, string> => ({ ...changeSymbols(scaleWords(diff.scale).better), mixed: '▼▲', 'not-scored': '' });

/**
 * The review diff as one printable HTML page, for the review meeting and the
 * family: area by area what got better, worse or stayed the same, each
 * section's old and new score, how the impact on the child changed, the
 * child's words, and what happened to the plan. Wording is for a parent to
 * follow. Which end of the scale is better care is the template's.
 */
export function renderDiffHtml(diff: ReviewDiff, template: DiffHtmlTemplate): string {
  const childName = diff.to.name ?? diff.to.ref;
  const fullText = diff.text.reduce((n, t) => n + (t.from?.length ?? 0) + (t.to?.length ?? 0), 0) <= FULL_TEXT_BUDGET;
  // One flow in two columns: the areas, then the child's words and the plan fill whatever the areas leave, so the page holds the most.
  const flow = [...diff.areas.map((a) => areaCard(diff, template, a, childName, fullText)), voice(diff, childName, fullText), otherText(diff, fullText), sessions(diff, fullText), plan(diff, fullText), reviewAnswers(diff, template, fullText)];
  const body = `${header(diff, template, childName)}
${legend(diff, template, childName)}
<div class="flow">
${flow.filter(Boolean).join('\n')}
</div>`;
  return htmlPage({
    title: `What changed: ${childName}, ${longDate(diff.from.completed)} to ${longDate(diff.to.completed)}`,
    css: diffCss,
    footer: `${childName} · what changed ${longDate(diff.from.completed)} to ${longDate(diff.to.completed)}`,
    body,
  });
}

function header(diff: ReviewDiff, template: DiffHtmlTemplate, childName: string): string {
  const c = diff.counts;
  const weeks = Math.round(diff.daysBetween / 7);
  const counts = [`<strong>${count(c.improved)}</strong> better`, `<strong>${count(c.deteriorated)}</strong> worse`, `<strong>${count(c.unchanged)}</strong> the same`];
  if (c['newly-assessed']) counts.push(`<strong>${c['newly-assessed']}</strong> newly looked at`);
  if (c['no-longer-assessed']) counts.push(`<strong>${c['no-longer-assessed']}</strong> no longer looked at`);
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  const d = diff.decision;
  const label = (x: typeof d.from) => (x ? h(decisionWords(template, x)) : '<span class="missing">not recorded</span>');
  const decision = d.changed
    ? `<strong>changed</strong> from ${label(d.from)} to <strong>${label(d.to)}</strong>`
    : `<strong>${label(d.to)}</strong>, the same as before`;
  const sources = diff.from.source && diff.to.source ? ` · compares ${h(diff.from.source)} and ${h(diff.to.source)}` : '';
  const different = diff.sameChild
    ? ''
    : `<p class="warning"><strong>These toolkits are about different children</strong> (${h(diff.from.ref)} and ${h(diff.to.ref)}): the changes below compare two children, not one child over time.</p>`;
  return `<header class="head">
<p class="kicker">${h(template.title)} · what changed at the review${sources}</p>
<div class="title"><h1>${bdi(childName)}${diff.to.name ? ` <span class="muted ref">(${h(diff.to.ref)})</span>` : ''}</h1>
<p class="when">${h(sideTitle(diff.from))} → <strong>${h(sideTitle(diff.to))}</strong>: ${diff.daysBetween} days${weeks >= 2 ? ` (about ${weeks} weeks)` : ''} apart</p></div>
${different}<div class="overall">
<p><span class="k">Of ${total} ${total === 1 ? 'section' : 'sections'}</span> ${counts.join(', ')}</p>
<p><span class="k">Decision</span> ${decision}</p>
</div>
</header>`;
}

function count(n: number): string {
  return n === 0 ? 'none' : String(n);
}

function legend(diff: ReviewDiff, template: DiffHtmlTemplate, childName: string): string {
  const good = template.scale.filter((p) => p.worrying !== true).map((p) => String(p.score));
  const symbols = changeSymbols(scaleWords(diff.scale).better);
  const key = scoreLegend(template, [
    '<span class="arrow">→</span> earlier score, then the score now',
    `<span class="chg improved">${symbols.improved} better</span> ${scaleWords(diff.scale).better} score, better care`,
    `<span class="chg deteriorated">${symbols.deteriorated} worse</span>`,
    `<span class="kept">${symbols.unchanged} ${keptWords(diff)}</span> the same score, ${listWords(good, 'or')}, both times: good care that lasted`,
  ]);
  return `<h2>Area by area: how ${bdi(childName)}'s care has changed</h2>\n${key}`;
}

/** A score that stayed out of the worrying ones: "kept at 2 or better" on nscp-ncscp/2021's scale, the worst score that is not worrying. */
function keptWords(diff: ReviewDiff): string {
  return `kept at ${scaleWords(diff.scale).lastCalm ?? ''} or better`;
}

function areaCard(diff: ReviewDiff, template: DiffHtmlTemplate, area: AreaDiff, childName: string, fullText: boolean): string {
  const sections = diff.sections.filter((s) => s.area === area.area);
  const out = [
    `<article class="area">`,
    `<h3><span class="num">${area.number}</span> ${h(area.title)} <span class="verdict v-${area.verdict}">${verdictSymbols(diff)[area.verdict]} ${verdictWords[area.verdict]}</span> <span class="line">${areaLine(area, diff)}</span></h3>`,
  ];
  if (sections.length > 0) out.push(`<table class="secs"><tbody>${sections.map((s) => sectionRow(s, diff, template)).join('')}</tbody></table>`);
  const texts = diff.text.filter((t) => t.area === area.area);
  const impact = texts.find((t) => t.path.endsWith('.impact'));
  if (impact) out.push(`<div class="impact"><span class="lbl">Impact on ${bdi(childName)}</span> ${textChange(impact)}</div>`);
  const others = texts.filter((t) => t !== impact);
  if (others.length > 0) {
    if (fullText) out.push(...others.map((t) => `<div class="note"><span class="lbl">${h(capitalise(shortLabel(t)))}</span> ${textChange(t)}</div>`));
    else out.push(compactList(others));
  }
  out.push('</article>');
  return out.join('\n');
}

/** The area's change in words, e.g. "3 better, 1 the same; highest 4 → 3". */
function areaLine(area: AreaDiff, diff: ReviewDiff): string {
  const { worst } = scaleWords(diff.scale);
  const c = area.counts;
  const parts: string[] = [];
  if (c.improved) parts.push(`${c.improved} better`);
  if (c.deteriorated) parts.push(`${c.deteriorated} worse`);
  if (c.unchanged) parts.push(`${c.unchanged} the same`);
  if (c['newly-assessed']) parts.push(`${c['newly-assessed']} newly looked at`);
  if (c['no-longer-assessed']) parts.push(`${c['no-longer-assessed']} no longer looked at`);
  const { highestFrom: from, highestTo: to } = area;
  // The scores and their arrow stay on one line.
  const highest = from !== to ? `${worst} ${from ?? 'none'}\u00a0→\u00a0${to ?? 'none'}` : to !== null ? `${worst} ${to} as before` : '';
  return [parts.join(', '), highest].filter(Boolean).join('; ');
}

function sectionRow(s: SectionDiff, diff: ReviewDiff, template: DiffHtmlTemplate): string {
  const symbols = changeSymbols(scaleWords(diff.scale).better);
  const kept = s.change === 'unchanged' && s.to !== null && template.scale.some((p) => p.score === s.to && p.worrying !== true);
  const carers = (list: SectionDiff['carersTo']) => (list.length > 0 ? list.map((v) => `${h(v.carer)} ${v.score}`).join(', ') : '-');
  const parent =
    (s.parentFrom !== null || s.parentTo !== null ? `<span class="parent">parent ${s.parentFrom ?? '-'} → ${s.parentTo ?? '-'}</span>` : '') +
    (s.carersFrom.length > 0 || s.carersTo.length > 0 ? `<span class="parent">carers ${carers(s.carersFrom)} → ${carers(s.carersTo)}</span>` : '');
  return `<tr><th scope="row"><span class="key">${h(s.section)}</span> ${h(s.title)}</th><td class="move">${score(s.from, s.fromState, diff)}<span class="arrow">→</span>${score(s.to, s.toState, diff)}</td><td>${kept ? `<span class="kept">${symbols.unchanged} ${keptWords(diff)}</span>` : `<span class="chg ${s.change}">${symbols[s.change]} ${changeWords[s.change]}</span>`}</td><td>${parent}</td></tr>`;
}

function score(value: number | null, state: SectionDiff['fromState'], diff: ReviewDiff): string {
  if (value === null) return `<span class="na">${state === 'not-relevant' ? 'n/r' : '-'}</span>`;
  return scoreBadge(value, scaleLook(diff.scale), { small: true });
}

/** "1.1 Food and feeding - evidence" within its own area reads as "1.1 evidence"; text outside the areas keeps its label. */
function shortLabel({ about }: TextDiff): string {
  if (about.of === 'section') return `${about.section} ${fieldWords[about.field]}`;
  if (about.of === 'area') return fieldWords[about.field];
  return textLabel(about);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Changed text, readably: a few words changed are marked in place (struck
 * out, and underlined); text mostly rewritten is shown whole, before and now,
 * since a patchwork of marks would be unreadable.
 */
function textChange(t: TextDiff): string {
  if (t.from === null) return `<span class="tag">new</span> ${bdi(t.to ?? '')}`;
  if (t.to === null) return `<span class="tag">removed</span> <del>${bdi(t.from)}</del>`;
  if (t.rewritten) return `<span class="before"><span class="tag">before</span> ${bdi(t.from)}</span> <span class="now"><span class="tag">now</span> ${bdi(t.to)}</span>`;
  return `<bdi>${wordDiff(t.parts)}</bdi>`;
}

function wordDiff(parts: readonly WordPart[]): string {
  return parts.map((p) => (p.kind === 'same' ? h(p.text) : p.kind === 'added' ? `<ins>${h(p.text)}</ins>` : `<del>${h(p.text)}</del>`)).join('');
}

/** Only the changed phrases, each with a few words either side, the rest as "…"; isolated for direction as record text. */
function changedPhrases(parts: readonly WordPart[], context = 4): string {
  return `<bdi>${parts
    .map((p, i) => {
      if (p.kind !== 'same') return p.kind === 'added' ? `<ins>${h(p.text)}</ins>` : `<del>${h(p.text)}</del>`;
      const words = p.text.split(/(\s+)/);
      const first = i === 0;
      const last = i === parts.length - 1;
      const keep = context * 2;
      if (words.length <= keep * 2 + 1 || (first && last)) return h(p.text);
      if (first) return `… ${h(words.slice(-keep).join(''))}`;
      if (last) return `${h(words.slice(0, keep).join(''))} …`;
      return `${h(words.slice(0, keep).join(''))} … ${h(words.slice(-keep).join(''))}`;
    })
    .join('')}</bdi>`;
}

/**
 * On a full page, shortened text: a few changed words as phrases; text
 * rewritten, added or removed named in one line, a section's fields together
 * ("evidence for 1.1, 1.2").
 */
function compactList(texts: readonly TextDiff[]): string {
  const phrased = texts.filter((t) => t.from !== null && t.to !== null && !t.rewritten);
  const out = phrased.map((t) => `<div class="note"><span class="lbl">${h(shortLabel(t))}</span> ${changedPhrases(t.parts)}</div>`);
  const groups = new Map<string, string[]>();
  for (const t of texts.filter((x) => !phrased.includes(x))) {
    const section = t.about.of === 'section' ? t.about : null;
    const what = section ? `${fieldWords[section.field]} for` : shortLabel(t);
    const change = t.from === null ? ' (new)' : t.to === null ? ' (removed)' : '';
    groups.set(what, [...(groups.get(what) ?? []), `${section?.section ?? ''}${change}`.trim()]);
  }
  if (groups.size > 0) {
    const named = [...groups].map(([what, keys]) => h([what, keys.filter(Boolean).join(', ')].filter(Boolean).join(' ')));
    out.push(`<p class="also"><span class="lbl">Also reworded:</span> ${named.join('; ')}</p>`);
  }
  return out.join('\n');
}

/**
 * The child's own words: when the page is full, words rewritten since are given as
 * they are now, which is what the review hears; the earlier words are on the
 * earlier summary sheet.
 */
function voice(diff: ReviewDiff, childName: string, fullText: boolean): string {
  const texts = diff.text.filter((t) => t.path.startsWith('child_voice.'));
  if (texts.length === 0) return '';
  const said = (t: TextDiff) => (fullText || !t.rewritten ? textChange(t) : `<span class="now">${bdi(t.to ?? '')}</span>`);
  const houses = texts.map((t) => `<div><h3>${h(t.about.of === 'child-voice' ? voiceWords(t.about.field) : textLabel(t.about))}</h3>${said(t)}</div>`);
  return `<section class="voice">
<h2>What ${bdi(childName)} says now</h2>
<div class="houses">${houses.join('')}</div>
</section>`;
}

function otherText(diff: ReviewDiff, fullText: boolean): string {
  const texts = diff.text.filter((t) => t.area === null && !t.path.startsWith('child_voice.'));
  const voiceChanged = diff.text.some((t) => t.path.startsWith('child_voice.') && t.rewritten);
  const omitted = `${voiceChanged ? "the child's earlier words and " : ''}the wording marked "reworded"`;
  const shortened = fullText ? '' : `<p class="shortened muted">To fit one page, ${omitted} ${voiceChanged ? 'are' : 'is'} not repeated here: each toolkit's summary sheet has it in full.</p>`;
  if (texts.length === 0) return shortened;
  const body = fullText ? texts.map((t) => `<div class="note"><span class="lbl">${h(textLabel(t.about))}</span> ${textChange(t)}</div>`).join('\n') : compactList(texts);
  return `<section class="other">${body}${shortened}</section>`;
}

function sessions(diff: ReviewDiff, withNotes: boolean): string {
  if (diff.sessionsAdded.length === 0) return '';
  const items = diff.sessionsAdded.map((s) => sessionItem(s, withNotes));
  // Without their notes, the sessions run on as one paragraph; with them, one a line.
  return `<section class="block"><h2>Visits and meetings since (${diff.sessionsAdded.length})</h2>${withNotes ? `<ul class="list">${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p class="list">${items.join('; ')}.</p>`}</section>`;
}

const planClass: Record<PlanItemKind, string> = { done: 'done', 'added-done': 'done', new: 'new', open: 'open', overdue: 'overdue', dropped: 'dropped' };

function plan(diff: ReviewDiff, fullText: boolean): string {
  const items = planItems(diff.actions);
  if (items.length === 0) return '';
  // What was done is a record of progress; what is open, overdue, new or dropped is what the meeting acts on, so it gets a line each.
  const done = items.filter((i) => i.kind === 'done');
  const rest = items.filter((i) => i.kind !== 'done');
  // On a full page the dates things were done go: the review's summary sheet has them.
  const doneLine =
    done.length > 0 ? `<li><span class="tag done">${planItemWords.done}</span> ${done.map((i) => `${bdi(i.action)}${fullText && i.note ? `<span class="muted"> (${h(i.note)})</span>` : ''}`).join('; ')}</li>` : '';
  const lines = rest.map((item) => actionItem(planItemWords[item.kind], planClass[item.kind], item.action, item.note ? `, ${item.note}` : ''));
  return `<section class="block"><h2>The plan</h2><ul class="list">${doneLine}${lines.join('')}</ul></section>`;
}

/**
 * The review questions the guidance asks, with the answers given: the review
 * meeting hears them before the decision. On a full page long answers are cut
 * at a sentence (the review's summary sheet has them whole); the answer about
 * significant harm never is.
 */
function reviewAnswers(diff: ReviewDiff, words: DiffWords, fullText: boolean): string {
  const r = diff.review;
  if (!r) return '';
  let cut = false;
  const answers = words.review_questions.flatMap(({ key, question, required }) => {
    const answer = r[key];
    if (answer === undefined || answer.trim() === '') return [];
    const shown = fullText || required === true ? answer : shorten(answer, REVIEW_ANSWER_CHARS);
    if (shown !== answer) cut = true;
    return [`<div class="note"><span class="lbl">${h(question)}</span> ${h(shown)}</div>`];
  });
  const note = cut ? '<p class="shortened muted">Longer answers are cut short to fit one page: the review\'s summary sheet has them in full.</p>' : '';
  return `<section class="block review"><h2>Review questions</h2>${answers.join('')}${note}</section>`;
}

/** On a full page, about two printed lines of each review answer. */
const REVIEW_ANSWER_CHARS = 120;

/** The text up to the last sentence end within `max` characters (or the last whole word), with an ellipsis. */
function shorten(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const head = one.slice(0, max);
  const sentence = head.search(/[.!?](?=[^.!?]*$)/);
  if (sentence >= max / 3) return `${head.slice(0, sentence + 1)} …`;
  return `${head.slice(0, head.lastIndexOf(' '))} …`;
}

function sessionItem(s: Session, withNote: boolean): string {
  const meta = [s.type.replace(/-/g, ' '), s.by ? `by ${bdi(s.by)}` : undefined, s.seen_alone ? 'child seen alone' : undefined].filter(Boolean).join(', ');
  return `<strong>${h(longDate(s.date))}</strong> ${meta}${withNote && s.note ? `<span class="muted">: ${bdi(s.note)}</span>` : ''}`;
}

function actionItem(word: string, cls: string, action: string, when: string): string {
  return `<li><span class="tag ${cls}">${word}</span> ${bdi(action)}${when ? `<span class="muted">${h(when)}</span>` : ''}</li>`;
}

const diffCss = `
.head { border-bottom: 3px solid var(--accent); padding-bottom: 0.4em; margin-bottom: 0.5em; }
h1 .ref { font-size: 0.5em; font-weight: 400; }
.overall { display: grid; grid-template-columns: 1fr 1.4fr; gap: 0.5em; }
.overall p { margin: 0; padding: 0.2em 0.55em; border: 2px solid var(--accent); border-radius: 0.4em; }
.overall .k { display: block; font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.warning { border: 2px dashed #8a4b00; padding: 0.2em 0.5em; margin: 0 0 0.4em; }
h2 { font-size: 1.2em; margin: 0.8em 0 0.3em; color: var(--accent); break-after: avoid; }
.arrow { margin: 0 0.2em; }

.flow { columns: 2 22em; column-gap: 1em; }
.area { break-inside: avoid; page-break-inside: avoid; display: block; width: 100%; margin: 0 0 0.6em; padding: 0.35em 0.55em 0.2em; border: 1px solid var(--rule); border-radius: 0.4em; }
.area h3 { margin-bottom: 0.15em; }
.area h3 .line { font-size: 0.85em; font-weight: 400; color: var(--muted); }
.verdict { font-size: 0.85em; padding: 0 0.45em; border-radius: 0.8em; border: 1px solid var(--ink); white-space: nowrap; }
.v-improved { background: #d5eed3; }
.v-deteriorated { background: #a4281f; color: #fff; border-width: 2px; }
.v-mixed { background: #fbeaa0; border-style: dashed; }
.v-newly-assessed, .v-no-longer-assessed, .v-not-scored, .v-unchanged { background: var(--tint); }

.secs { font-size: 0.88em; margin-bottom: 0.25em; }
.secs th, .secs td { padding: 0.08em 0.3em 0.08em 0; border-top: 1px solid var(--tint); vertical-align: middle; }
.secs th { font-weight: 400; }
.secs .move { white-space: nowrap; }
.chg { white-space: nowrap; font-weight: 600; }
.chg.improved { color: #1f6b2a; }
.chg.deteriorated { color: #a4281f; text-decoration: underline; text-decoration-thickness: 2px; }
.chg.unchanged, .chg.no-longer-assessed { color: var(--muted); font-weight: 400; }
.kept { display: inline-block; font-size: 0.85em; line-height: 1.2; border: 1px solid #1f6b2a; border-radius: 0.8em; padding: 0 0.4em; white-space: nowrap; color: #1f6b2a; }
.parent { white-space: nowrap; color: var(--muted); font-size: 0.9em; }

.impact { border-left: 4px solid var(--accent); background: #f3eef8; padding: 0.25em 0.5em; margin-bottom: 0.3em; }
.note, .also { font-size: 0.9em; margin-bottom: 0.2em; }
.before { display: block; color: var(--muted); font-size: 0.94em; }
.now { display: block; }
.tag { display: inline-block; font-size: 0.75em; text-transform: uppercase; letter-spacing: 0.04em; font-weight: 700; color: var(--muted); border: 1px solid var(--rule); border-radius: 0.25em; padding: 0 0.25em; line-height: 1.25; }
.tag.done { color: #1f6b2a; border-color: #1f6b2a; }
.tag.new { color: var(--accent); border-color: var(--accent); }
.tag.dropped { border-style: dashed; }
.tag.overdue { color: #8a4b00; border: 2px solid #8a4b00; }
.review .note { font-size: 0.86em; margin-bottom: 0.1em; }
del { color: var(--muted); text-decoration: line-through; text-decoration-thickness: 1px; }
del + ins, ins + del { margin-left: 0.25em; }
ins { text-decoration: underline; text-decoration-thickness: 1.5px; text-underline-offset: 0.15em; background: #e6f2e4; }

.houses { display: grid; gap: 0.3em; }
.houses > div { break-inside: avoid; background: var(--tint); border-radius: 0.4em; padding: 0.3em 0.55em; font-size: 0.92em; }
.houses h3 { font-size: 0.95em; margin-bottom: 0.1em; }
.houses .now { font-style: italic; }
.other { margin-bottom: 0.3em; }
.block { break-inside: avoid; }
.shortened { font-size: 0.85em; font-style: italic; margin: 0.2em 0 0; }
.list { margin: 0; padding: 0; list-style: none; font-size: 0.9em; }
.list li { margin-bottom: 0.12em; break-inside: avoid; }

@media print {
  body { font-size: 7.7pt; line-height: 1.15; }
  .secs th, .secs td { padding-top: 0; padding-bottom: 0; }
  h2 { font-size: 1.1em; margin: 0.45em 0 0.2em; }
  .flow { columns: 2; }
  .area { margin-bottom: 0.4em; }
}
`;
