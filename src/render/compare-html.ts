import type { SiblingComparison } from '../analyse/sibling-comparison.js';
import { childVoiceQuestions } from '../analyse/summary-sheet.js';
import { longDate } from '../record/dates.js';
import { childColumn, childName, DIFFERENTIAL_MARK, farApartNote, flagQuestion, HOUSEHOLD_MARK, NO_FLAGS } from './compare-style.js';
import { escapeHtml as h, htmlBlock, htmlPage, scoreBadge, scoreLegend } from './html-page.js';
import { scaleLook } from './score-style.js';

/**
 * Children side by side as one printable page, A4 landscape, for a
 * supervision or a meeting: the grid with a column per child and the marked
 * rows on the left; the questions and each child's words on the right.
 * Up to four children fit one page.
 */
export function renderCompareHtml(sheet: SiblingComparison): string {
  const names = sheet.children.map((c) => c.name ?? c.ref).join(', ');
  const note = farApartNote(sheet);
  const body = `<header class="head">
<p class="kicker">${h(sheet.template.title)} · children side by side</p>
<h1>${sheet.children.map((c) => childName(c, h)).join(' · ')}</h1>
${note ? `<p class="far">${h(note)}</p>` : ''}
</header>
<div class="cols${sheet.children.length > 2 ? ' many' : ''}">
<section class="gridcol">${grid(sheet)}
${scoreLegend(sheet.template, [`<b class="mark">${DIFFERENTIAL_MARK}</b> to talk about`, `${HOUSEHOLD_MARK} usually the same for every child in the home`])}
</section>
<section class="side">
<h2>To talk about</h2>
${sheet.flags.length === 0 ? `<p>${h(NO_FLAGS)}</p>` : `<ul class="flags">${sheet.flags.map((f) => `<li>${flagQuestion(sheet, f, h)}</li>`).join('')}</ul>`}
<h2>In their own words</h2>
<div class="voices">${sheet.children.map(voice).join('\n')}</div>
</section>
</div>`;
  return htmlPage({ title: `Children side by side: ${names}`, css: compareCss, footer: `${names} · side by side`, body });

  function voice(child: SiblingComparison['children'][number]): string {
    const said = childVoiceQuestions.filter(([key]) => child.voice[key]?.trim());
    const parts = said.map(([key, question]) => htmlBlock(child.voice[key]!, `<span class="q">${h(question)}:</span> `));
    return `<div class="voice"><h3>${childName(child, h)}</h3>${parts.length ? parts.join('\n') : '<p class="muted">not recorded</p>'}</div>`;
  }
}

function grid(sheet: SiblingComparison): string {
  const head = sheet.children
    .map((c) => `<th scope="col">${childName(c, h)}<br><span class="muted">${h(c.ref)}, ${h(childColumn(c))}</span></th>`)
    .join('');
  const rows = sheet.areas.flatMap((area) => [
    `<tr class="area"><th scope="rowgroup" colspan="${sheet.children.length + 2}">${area.number} ${h(area.title)}</th></tr>`,
    ...area.sections.map((s) => {
      const cells = s.scores.map((x) => `<td>${x === null ? '<span class="na">not scored</span>' : scoreBadge(x, scaleLook(sheet.template), { small: true })}</td>`).join('');
      return `<tr${s.flagged ? ' class="flagged"' : ''}><th scope="row"><span class="key">${h(s.key)}</span> ${h(s.title)}${s.householdWide ? ` <span title="usually the same for every child in the home">${HOUSEHOLD_MARK}</span>` : ''}</th>${cells}<td class="mark">${s.flagged ? DIFFERENTIAL_MARK : ''}</td></tr>`;
    }),
  ]);
  const dates = sheet.children.map((c) => longDate(c.completed));
  return `<table class="grid" aria-label="Scores side by side; completed ${h(dates.join(', '))}"><thead><tr><th scope="col">Section</th>${head}<th scope="col"><span class="mark">${DIFFERENTIAL_MARK}</span></th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

const compareCss = `
body { max-width: 80rem; }
.head { border-bottom: 3px solid var(--accent); padding-bottom: 0.3em; margin-bottom: 0.5em; }
.far { margin: 0.2em 0 0; padding: 0.2em 0.5em; border: 2px solid #8a4b00; border-radius: 0.3em; color: #5c3200; }
.cols { display: grid; grid-template-columns: 1.05fr 1fr; gap: 1em; align-items: start; }
/* Three or four children: the grid needs the room, and four children's words share the other column two by two. */
.cols.many { grid-template-columns: 1.4fr 1fr; }
.many .voices, .many .flags { font-size: 0.9em; }
h2 { font-size: 1.1em; margin: 0 0 0.3em; color: var(--accent); }
h2 + * { margin-bottom: 0.7em; }
.grid { font-size: 0.8em; }
.grid th, .grid td { border-bottom: 1px solid var(--rule); padding: 0.05em 0.3em; }
.grid thead th { background: var(--tint); font-weight: 600; vertical-align: bottom; }
.grid tbody th { font-weight: 400; }
.grid tr.area th { font-weight: 700; background: var(--tint); }
.grid tr.flagged { background: #f3eef8; }
.grid tr.flagged th { font-weight: 700; }
.mark { color: var(--accent); font-weight: 700; text-align: center; }
.flags { margin: 0; padding-left: 1.1em; }
.flags li { margin-bottom: 0.25em; }
.voices { display: grid; grid-template-columns: 1fr 1fr; gap: 0.5em; }
.voice { background: var(--tint); border-radius: 0.4em; padding: 0.3em 0.5em; }
.voice h3 { font-size: 0.95em; margin-bottom: 0.1em; }
.voice p { font-style: italic; }
.voice .q { font-style: normal; font-weight: 600; color: var(--muted); }
@page { size: A4 landscape; margin: 8mm 10mm 10mm; }
@media print {
  body { font-size: 8.5pt; line-height: 1.18; }
  h1 { font-size: 1.35em; }
  .grid { font-size: 0.92em; }
  .voice p { margin: 0 0 0.15em; }
}
`;
