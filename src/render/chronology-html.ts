import { CHRONOLOGY_KINDS, type Chronology } from '../analyse/chronology.js';
import { longDate } from '../record/dates.js';
import { eventWords, FLAG_MARK, flagWords, kindWords, namer, scopeWords, type ChronologyWords } from './chronology-style.js';
import { escapeHtml as h, htmlPage } from './html-page.js';

/** The chronology as a page to print (A4) or keep in a case file: what to look at again, then a row per event, grouped by date. */
export function renderChronologyHtml(chronology: Chronology, templateWords: ChronologyWords): string {
  const name = namer(chronology, h);
  const many = chronology.children.length > 1;
  const names = chronology.children.map((ch) => ch.name ?? ch.ref).join(', ');
  const scope = scopeWords(chronology, CHRONOLOGY_KINDS.length);
  const rows = chronology.days.flatMap((day) =>
    day.events.map((e, i) => {
      const words = eventWords(e, name, h, chronology.today, templateWords);
      const date = i === 0 ? `<th scope="rowgroup" rowspan="${day.events.length}">${h(longDate(day.date))}</th>` : '';
      const who = many ? `<span class="who">${e.refs.map(name).join(', ')}</span> ` : '';
      const detail = words.detail ? `<div class="detail">${words.detail.replace(/\n/g, '<br>')}</div>` : '';
      return `<tr class="${e.kind}${e.flags.length ? ' flagged' : ''}">${date}<td class="kind">${kindWords[e.kind]}</td><td>${e.flags.length ? `<b class="mark">${FLAG_MARK}</b> ` : ''}${who}${words.headline}${detail}</td></tr>`;
    }),
  );
  const body = `<header class="head">
<p class="kicker">Chronology from the toolkits and their history</p>
<h1>${chronology.children.map((ch) => `${name(ch.ref)} <span class="muted">(${h(ch.ref)})</span>`).join(', ')}</h1>
<p class="when">Oldest first; as of ${h(longDate(chronology.today))}${scope ? `; ${h(scope)}` : ''}.</p>
</header>
${chronology.flags.length ? `<section class="flags"><h2>To look at again</h2><ul>${chronology.flags.map((f) => `<li>${flagWords(f, name, h, templateWords)}</li>`).join('')}</ul></section>` : ''}
${rows.length ? `<table class="chrono"><thead><tr><th scope="col">Date</th><th scope="col">Kind</th><th scope="col">What happened</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>` : '<p>No events match.</p>'}`;
  return htmlPage({ title: `Chronology: ${names}`, css: chronologyCss, footer: `${names} · chronology`, body });
}

const chronologyCss = `
.head { border-bottom: 3px solid var(--accent); padding-bottom: 0.3em; margin-bottom: 0.6em; }
h2 { font-size: 1.1em; margin: 0 0 0.3em; color: var(--accent); }
.flags { border: 2px solid #a4281f; border-radius: 0.4em; padding: 0.35em 0.6em; margin-bottom: 0.8em; break-inside: avoid; }
.flags ul { margin: 0; padding-left: 1.1em; }
.chrono { font-size: 0.9em; }
.chrono th, .chrono td { border-bottom: 1px solid var(--rule); padding: 0.15em 0.4em; }
.chrono tbody th { white-space: nowrap; font-weight: 600; border-right: 1px solid var(--rule); }
.chrono thead th { background: var(--tint); }
.chrono tr { break-inside: avoid; }
.kind { color: var(--muted); white-space: nowrap; }
.flagged td { background: #fbe9e7; }
.mark { color: #a4281f; }
.who { font-weight: 600; }
.detail { color: var(--muted); font-size: 0.92em; }
@media print { .chrono { font-size: 0.95em; } }
`;
