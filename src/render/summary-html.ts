import type { AreaSheet, GridCell, SummarySheet } from '../analyse/summary-sheet.js';
import { areaHasContent, childVoiceQuestions, worryingWords } from '../analyse/summary-sheet.js';
import { longDate, longDatesIn } from '../record/dates.js';
import { leadWords, nextReviewWords, practiceFacts, sessionsLine, voiceGatheredWords } from './sheet-words.js';
import { escapeHtml as h, htmlBlock, htmlPage, htmlText as bdi, present, scoreBadge, scoreLegend } from './html-page.js';
import { scaleLook, type ScaleLook } from './score-style.js';
import { VIEWS_APART_MARK } from './score-style.js';

/**
 * The summary sheet as one printable HTML page, for the family's home, supervision
 * and multi-agency meetings: the seven areas at a glance, then the impact on the
 * child in every area, the child's own words, and what happens next. Wording is
 * for a parent to follow as much as for a practitioner.
 */
export function renderSummaryHtml(sheet: SummarySheet, options: { evidence?: boolean } = {}): string {
  const childName = sheet.child.name ?? sheet.child.ref;
  const a = sheet.assessment;
  const kind = a.type === 'initial' ? 'Initial toolkit' : 'Review';
  const body = [
    header(sheet, childName, kind),
    glance(sheet, childName),
    voice(sheet, childName),
    areas(sheet, childName, options),
    // At a review the answers to the review questions lead to the decision, so they come before it.
    review(sheet),
    plan(sheet),
  ].join('\n');
  return htmlPage({
    title: `Summary sheet: ${childName}, ${longDate(a.completed)}`,
    css: summaryCss,
    footer: `${childName} · ${kind.toLowerCase()} ${longDate(a.completed)}`,
    body,
  });
}

function header(sheet: SummarySheet, childName: string, kind: string): string {
  const c = sheet.child;
  const a = sheet.assessment;
  const facts: [string, string][] = [];
  const born = c.born ? `born ${h(longDate(c.born))}${c.ageYears !== undefined ? ` (${c.ageYears} years old at the time)` : ''}` : undefined;
  const frontDoor = c.frontDoor ? `${bdi(c.frontDoorLabel ?? c.frontDoor)} front door` : undefined;
  facts.push(['Child', [`${bdi(childName)}${c.name ? ` <span class="muted">(${h(c.ref)})</span>` : ''}`, born, frontDoor].filter(Boolean).join(', ')]);
  if (c.family.length > 0) {
    facts.push(['Family', c.family.map((m) => `${bdi(m.name)} <span class="muted">(${bdi(m.relationship)}${m.lives_with_child === false ? ', lives elsewhere' : ''})</span>`).join(', ')]);
  }
  facts.push(['Visits and meetings', bdi(sessionsLine(sheet, childName))]);
  if (a.contributors.length > 0) facts.push(['Completed by', a.contributors.map((p) => bdi([p.role, p.agency].filter(Boolean).join(', ') || p.id)).join('; ')]);
  // How the toolkit was done belongs with who did it: the reader weighs the scores knowing both.
  if (present(a.involvement)) facts.push(['Involving the family', htmlBlock(a.involvement)]);
  if (present(a.background)) facts.push(['Background allowed for', htmlBlock(a.background)]);
  for (const [label, text] of practiceFacts(sheet)) facts.push([h(label), htmlBlock(text)]);
  return `<header class="head">
<p class="kicker">${h(sheet.template.title)} · summary sheet</p>
<div class="title"><h1>${bdi(childName)}</h1>
<p class="when">${kind} completed <strong>${h(longDate(a.completed))}</strong>${
    a.previous ? `, reviewing the toolkit of ${h(longDate(a.previous))} (${a.daysSincePrevious} days earlier)` : ''
  }</p></div>
<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
</header>`;
}

function glance(sheet: SummarySheet, childName: string): string {
  const columns = Math.max(...sheet.grid.map((g) => g.sections.length));
  const look = scaleLook(sheet.template);
  const rows = sheet.grid.map((g) => {
    // A light tint of the score's colour fills the cell, so the grid reads as a picture from across a table; the badge carries number and pattern.
    const cells = g.sections.map((s) => `<td${s.state === 'scored' && s.score !== undefined ? ` class="t${look.look(s.score)}"` : ''}>${gridCell(s, look)}</td>`);
    while (cells.length < columns) cells.push('<td class="empty"></td>');
    return `<tr><th scope="row"><span class="num">${g.number}</span> ${h(g.title)}</th>${cells.join('')}</tr>`;
  });
  const t = sheet.totals;
  return `<section class="glance">
<h2>At a glance: how well ${bdi(childName)}'s needs are met</h2>
<table class="grid">
<thead><tr><th scope="col">Area</th><th scope="col" colspan="${columns}">Sections: the practitioner's score, then the parent's own score</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${scoreLegend(sheet.template, ['<span class="na">n/r</span> not relevant', '<span class="na">-</span> not assessed', `<span class="talk">${VIEWS_APART_MARK}</span> scores 2 or more apart`])}
<p class="totals"><strong>${t.worrying} of ${t.scored}</strong> scored sections are at ${worryingWords(sheet).or}${t.mainlyWorrying ? `: <strong>mainly ${worryingWords(sheet).plural}</strong>` : ''}. Scores inform the practitioner's judgement; they do not decide what happens.</p>
</section>`;
}

function gridCell(cell: GridCell, look: ScaleLook): string {
  const title = `<span class="key">${h(cell.key)}</span> ${h(cell.title)}`;
  if (cell.state !== 'scored' || cell.score === undefined) {
    return `<div class="cell"><span class="sec">${title}</span><span class="scores"><span class="na">${cell.state === 'not-relevant' ? 'n/r' : '-'}</span></span></div>`;
  }
  const parent =
    (cell.parentScore !== undefined ? `<span class="parent">parent ${scoreBadge(cell.parentScore, look, { small: true })}</span>` : '') +
    (cell.carers ?? []).map((v) => `<span class="parent">${h(v.carer)} ${scoreBadge(v.score, look, { small: true })}</span>`).join('');
  const apart = cell.viewsApart ? ` <span class="talk">${VIEWS_APART_MARK}</span>` : '';
  return `<div class="cell"><span class="sec">${title}${apart}</span><span class="scores">${scoreBadge(cell.score, look)}${parent}</span></div>`;
}

function voice(sheet: SummarySheet, childName: string): string {
  const v = sheet.childVoice;
  const parts = childVoiceQuestions.filter(([key]) => present(v[key])).map(([key, label]) => `<div><h3>${label}</h3>${htmlBlock(v[key] ?? '')}</div>`);
  const how = voiceGatheredWords(sheet);
  if (parts.length === 0 && how === undefined) return '';
  return `<section class="voice">
<h2>${bdi(childName)}'s voice</h2>
${how !== undefined ? `<p class="small">${h(how)}</p>\n` : ''}<div class="houses">${parts.join('')}</div>
</section>`;
}

function areas(sheet: SummarySheet, childName: string, options: { evidence?: boolean }): string {
  const shown = sheet.areas.filter(areaHasContent);
  if (shown.length === 0) return prompts(sheet);
  // The prompts flow with the areas (most are about one of them), so the two columns fill evenly instead of leaving a hole on paper.
  return `<section class="areas">
<h2>Each area: the impact on ${bdi(childName)}</h2>
<div class="area-list">
${shown.map((area) => areaCard(area, sheet, childName, options)).join('\n')}
${prompts(sheet)}
</div>
</section>`;
}

function areaCard(area: AreaSheet, sheet: SummarySheet, childName: string, options: { evidence?: boolean }): string {
  const look = scaleLook(sheet.template);
  const highest = area.highest !== undefined ? `<span class="highest">${worryingWords(sheet).worst} ${scoreBadge(area.highest, look)}</span>` : '';
  const out = [`<article class="area">`, `<h3><span class="num">${area.number}</span> ${h(area.title)} ${highest}</h3>`];
  if (present(area.impact)) out.push(`<div class="impact">${htmlBlock(area.impact, `<span class="lbl">Impact on ${bdi(childName)}</span> `)}</div>`);
  if (present(area.strengths)) out.push(note('Strengths', area.strengths));
  if (present(area.concerns)) out.push(note('Concerns', area.concerns));
  const notRelevant = area.sections.filter((s) => s.state === 'not-relevant');
  for (const s of notRelevant) out.push(`<p class="small"><span class="key">${h(s.key)}</span> ${h(s.title)}: not relevant${present(s.notRelevant) ? ` - ${bdi(s.notRelevant)}` : ''}</p>`);
  if (options.evidence) {
    const items = area.sections
      .filter((s) => s.state === 'scored' && present(s.evidence))
      .map((s) => `<li><span class="key">${h(s.key)}</span> ${h(s.title)} ${s.score !== undefined ? scoreBadge(s.score, look, { small: true }) : ''}: ${bdi(s.evidence ?? '')}${present(s.by) ? ` <span class="muted">(${bdi(s.by)})</span>` : ''}</li>`);
    if (items.length > 0) out.push(`<div class="note"><h4>Evidence</h4><ul class="evidence">${items.join('')}</ul></div>`);
  }
  out.push('</article>');
  return out.join('\n');
}

function prompts(sheet: SummarySheet): string {
  if (sheet.prompts.length === 0) return '';
  const items = sheet.prompts.map((p) => `<li><strong>${p.severity === 'warning' ? 'Check:' : 'Consider:'}</strong> ${h(longDatesIn(p.message))}</li>`);
  return `<aside class="prompts">
<h3>Prompts for your judgement <span class="muted">- they do not decide anything</span></h3>
<ul>${items.join('')}</ul>
</aside>`;
}

function plan(sheet: SummarySheet): string {
  const p = sheet.plan;
  const next = nextReviewWords(sheet);
  const lead = leadWords(sheet);
  // A "done" column only once something is done: an initial plan has none, and the space goes to the actions.
  const anyDone = p.actions.some((act) => act.done !== undefined || act.dropped !== undefined);
  const actions = p.actions.map(
    (act) =>
      `<tr><td dir="auto">${h(act.action)}</td><td dir="auto">${act.who ? h(act.who) : ''}</td><td class="date">${act.by ? h(longDate(act.by)) : ''}</td>${
        anyDone ? `<td class="date">${act.done ? h(longDate(act.done)) : act.dropped ? `dropped ${h(longDate(act.dropped))}${act.reason ? `: ${h(act.reason)}` : ''}` : ''}</td>` : ''
      }</tr>`,
  );
  return `<section class="plan">
<h2>What happens next</h2>
<div class="decision">
<p><span class="k">Decision</span> ${p.decisionLabel ? `<strong>${h(p.decisionLabel)}</strong>` : '<span class="missing">not recorded</span>'}</p>
<p><span class="k">Next review</span> ${next !== undefined ? `<strong>${h(next)}</strong>` : '<span class="missing">not set</span>'}</p>
<p><span class="k">Safeguarding lead</span> ${lead !== undefined ? h(lead) : '<span class="missing">not consulted yet</span>'}</p>
</div>
${present(p.analysis) ? note('What the practitioner thinks, and why', p.analysis) : ''}
${present(p.parentViews) ? note("The parent's views", p.parentViews) : ''}
${actions.length > 0 ? `<table class="actions"><thead><tr><th scope="col">What will happen</th><th scope="col">Who</th><th scope="col">By</th>${anyDone ? '<th scope="col">Done</th>' : ''}</tr></thead><tbody>${actions.join('')}</tbody></table>` : ''}
</section>`;
}

function review(sheet: SummarySheet): string {
  const r = sheet.review;
  if (!r) return '';
  const parts = (sheet.reviewQuestions ?? []).filter(({ key }) => present(r[key])).map(({ key, question }) => note(question, r[key] ?? ''));
  if (parts.length === 0) return '';
  return `<section class="review">
<h2>Review questions</h2>
${parts.join('\n')}
</section>`;
}

/** Labelled free text with the label run in, so it costs no line of its own on paper. */
function note(label: string, text: string): string {
  return `<div class="note">${htmlBlock(text, `<span class="lbl">${h(label)}</span> `)}</div>`;
}

const summaryCss = `
.head { border-bottom: 3px solid var(--accent); padding-bottom: 0.4em; margin-bottom: 0.6em; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.05em 0.8em; margin: 0; font-size: 0.9em; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; }
h2 { font-size: 1.2em; margin: 0.9em 0 0.4em; color: var(--accent); break-after: avoid; }
h4 { font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 0 0 0.1em; }

.grid { table-layout: fixed; font-size: 0.86em; }
.grid th, .grid td { border: 1px solid var(--rule); padding: 0.2em 0.3em; }
.grid thead th { background: var(--tint); font-weight: 600; }
.grid thead th:first-child, .grid tbody th { width: 15%; }
.grid tbody th { font-weight: 600; }
.grid td.empty { background: var(--tint); }
.grid td.t1 { background: #f0f8ef; } .grid td.t2 { background: #fdf7dc; } .grid td.t3 { background: #fdebd8; } .grid td.t4 { background: #f9e0de; }
.cell .scores > .score { font-size: 1.05em; }
.cell { display: flex; gap: 0.3em; align-items: flex-start; }
.cell .sec { flex: 1; line-height: 1.2; }
.cell .scores { display: flex; flex-direction: column; align-items: flex-end; gap: 0.15em; }
.parent { white-space: nowrap; color: var(--muted); font-size: 0.85em; }
.talk { display: inline-block; font-size: 0.8em; line-height: 1.2; border: 1px dashed var(--ink); border-radius: 0.8em; padding: 0 0.4em; margin-top: 0.15em; white-space: nowrap; }
.totals { font-size: 0.9em; margin: 0.15em 0 0; }

.houses { display: grid; grid-template-columns: repeat(auto-fit, minmax(14em, 1fr)); gap: 0.5em; }
.houses > div { background: var(--tint); border-radius: 0.4em; padding: 0.35em 0.55em; }
.houses p { font-style: italic; }
.houses h3 { font-size: 0.9em; margin-bottom: 0.15em; }

.area-list { columns: 2 22em; column-gap: 1em; }
.area { break-inside: avoid; page-break-inside: avoid; display: block; width: 100%; margin: 0 0 0.7em; padding: 0.4em 0.55em 0.2em; border: 1px solid var(--rule); border-radius: 0.4em; }
.area h3 { display: flex; flex-wrap: wrap; align-items: center; gap: 0.2em 0.35em; margin-bottom: 0.35em; }
.highest { margin-left: auto; font-weight: 400; font-size: 0.8em; color: var(--muted); }
.impact { border-left: 4px solid var(--accent); background: #f3eef8; padding: 0.3em 0.5em; margin-bottom: 0.35em; font-size: 1.04em; }
.note { margin-bottom: 0.25em; }
.small { font-size: 0.85em; }
.evidence { margin: 0; padding-left: 1.1em; font-size: 0.88em; }

.review { break-inside: avoid; }
.prompts { break-inside: avoid; margin: 0 0 0.7em; padding: 0.4em 0.55em; border: 1px dashed var(--muted); border-radius: 0.4em; background: var(--tint); font-size: 0.9em; }
.prompts h3 { margin-bottom: 0.15em; }
.prompts h3 .muted { font-weight: 400; }
.facts p { margin: 0; }
.prompts ul { margin: 0; padding-left: 1.1em; }
.prompts li { margin-bottom: 0.1em; }
.decision { display: grid; grid-template-columns: repeat(auto-fit, minmax(12em, 1fr)); gap: 0.5em; margin-bottom: 0.5em; }
.decision p { margin: 0; padding: 0.2em 0.55em; border: 2px solid var(--accent); border-radius: 0.4em; }
.decision .k { display: block; font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.actions { font-size: 0.92em; margin-top: 0.3em; }
.actions th, .actions td { border-bottom: 1px solid var(--rule); padding: 0.12em 0.5em 0.12em 0; }
.actions th { font-weight: 600; color: var(--muted); white-space: nowrap; }
.actions .date { white-space: nowrap; }
.actions tr { break-inside: avoid; }

@media print {
  h2 { font-size: 1.12em; margin: 0.55em 0 0.3em; }
  .head { margin-bottom: 0.3em; }
  .houses p { margin: 0; }
  .area-list { columns: 2; }
  .area { margin-bottom: 0.5em; }
  .actions { font-size: 0.9em; }
  .decision { margin-bottom: 0.35em; }
}
`;
