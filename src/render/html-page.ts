import { terminalSafe } from './safe-text.js';
import type { ScaleFacts } from '../template/scale-facts.js';
import { scaleLook, type ScaleLook } from './score-style.js';

/**
 * Building blocks for ntk's printable HTML pages (summary sheet, review
 * diff). A page is one self-contained file: inline CSS, no scripts, no
 * fonts, images or links to fetch, and a Content-Security-Policy that would
 * block them even if record text somehow became markup. Record text reaches
 * a page only through `escapeHtml`/`htmlBlock`.
 */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Record text as HTML text or attribute value: control characters and bidi
 * overrides removed (they could reorder what a reader sees, on paper as on a
 * terminal), then every character HTML could read as syntax escaped.
 */
export function escapeHtml(text: string): string {
  return terminalSafe(text).replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/**
 * Record text inline in a line of the page (a name, a note, an action),
 * isolated for direction: a name or note in Urdu or Arabic reads right to
 * left without reordering the English words and punctuation around it.
 */
export function htmlText(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}

/**
 * A free-text block: paragraphs at blank lines, single newlines kept as line
 * breaks, each paragraph taking its direction from its own first letters
 * (dir="auto"), so a paragraph written in Urdu is laid out right to left.
 * `lead` (markup, not record text) opens the first paragraph, for a run-in
 * label that costs no line of its own on paper; the text after it is then
 * isolated on its own (<bdi>), keeping the English label where it is.
 */
export function htmlBlock(text: string, lead = ''): string {
  return terminalSafe(text)
    .trim()
    .split(/\n{2,}/)
    .map((para, i) => {
      const body = para.split('\n').map(escapeHtml).join('<br>');
      return i === 0 && lead !== '' ? `<p>${lead}<bdi>${body}</bdi></p>` : `<p dir="auto">${body}</p>`;
    })
    .join('\n');
}

/**
 * Record text as a quoted CSS string (for @page footers): everything but
 * letters, digits and spaces becomes a CSS hex escape, so no quote, backslash
 * or `</style>` can end the string or the style sheet.
 */
export function cssString(text: string): string {
  const escaped = Array.from(terminalSafe(text).replace(/\s+/g, ' '), (c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\${c.codePointAt(0)?.toString(16)} `)).join('');
  return `"${escaped}"`;
}

/** Whether optional record text has anything to show. */
export function present(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== '';
}

/**
 * One score as a badge: the number, a bar whose height grows with concern,
 * and a fill that differs in pattern as well as colour (plain, dotted,
 * striped, cross-hatched), so it reads in greyscale and for colour-blind
 * readers. `label` is the words for the score, shown after the bar when given.
 */
export function scoreBadge(score: number, look: ScaleLook, options: { label?: string; small?: boolean } = {}): string {
  const cls = `score s${look.look(score)}${options.small ? ' small' : ''}`;
  const label = options.label ? `<span class="label">${escapeHtml(options.label)}</span>` : '';
  return `<span class="${cls}"><b>${score}</b><i class="bar" aria-hidden="true"></i>${label}</span>`;
}

/**
 * CSS shared by every page: calm system fonts, good contrast, long words
 * wrapped rather than clipped, backgrounds kept when printed (the score
 * fills carry meaning), the page header and labels, and an A4 page.
 */
export const baseCss = `
:root { --ink: #1d1d1f; --muted: #55585e; --rule: #c9ccd1; --paper: #fff; --tint: #f4f5f7; --accent: #5b2a86; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; padding: 1.5rem; max-width: 62rem; color: var(--ink); background: var(--paper);
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
  overflow-wrap: anywhere; }
h1, h2, h3, h4 { line-height: 1.2; margin: 0; }
p { margin: 0 0 0.4em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; }
.muted { color: var(--muted); }

.score { display: inline-flex; align-items: flex-end; gap: 0.2em; min-width: 2.1em; padding: 0.05em 0.35em; border-radius: 0.25em;
  border: 1px solid rgba(0,0,0,0.45); color: #111; font-size: 0.95em; line-height: 1.25; white-space: nowrap; }
.score b { font-weight: 700; }
.score .bar { display: inline-block; width: 0.35em; background: currentColor; margin-bottom: 0.2em; }
.score .label { font-size: 0.85em; white-space: normal; }
.score.small { font-size: 0.8em; min-width: 1.8em; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.15em 0.9em; padding: 0; margin: 0.35em 0 0.15em; font-size: 0.8em; }
.legend li { display: flex; align-items: center; gap: 0.3em; }
.s1 { background: #d5eed3; }
.s1 .bar { height: 0.25em; }
.s2 { background-color: #fbeaa0; background-image: radial-gradient(rgba(0,0,0,0.28) 0.09em, transparent 0.11em); background-size: 0.4em 0.4em; }
.s2 .bar { height: 0.45em; }
.s3 { background: repeating-linear-gradient(135deg, #f6b26b 0 0.22em, #fbd5a8 0.22em 0.44em); }
.s3 .bar { height: 0.65em; }
.s4 { color: #fff; background-color: #a4281f;
  background-image: repeating-linear-gradient(45deg, rgba(255,255,255,0.22) 0 0.09em, transparent 0.09em 0.32em),
    repeating-linear-gradient(135deg, rgba(255,255,255,0.22) 0 0.09em, transparent 0.09em 0.32em); }
.s4 .bar { height: 0.85em; }

/* The header and labels every page shares: kicker, name, when; area numbers, section keys, run-in labels. */
.kicker { margin: 0; color: var(--muted); font-size: 0.85em; letter-spacing: 0.02em; }
h1 { font-size: 1.9em; margin: 0.05em 0 0.1em; }
.title { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 1em; margin-bottom: 0.3em; }
.when { margin: 0; }
.missing { color: #8a4b00; font-weight: 600; }
h3 { font-size: 1em; }
.lbl { font-weight: 700; }
.num { display: inline-block; min-width: 1.4em; padding: 0 0.25em; border-radius: 0.2em; background: var(--ink); color: #fff; text-align: center; font-weight: 700; }
.key { font-weight: 700; font-variant-numeric: tabular-nums; }
.na { display: inline-block; font-size: 0.85em; color: var(--muted); border: 1px dashed var(--muted); border-radius: 0.25em; padding: 0 0.3em; }
.impact .lbl { color: var(--accent); }

@page { size: A4; margin: 10mm 11mm 11mm; }
@media print {
  /* On paper, the narrower system faces first (Arial's metrics), so a full record keeps to two pages. */
  body { padding: 0; max-width: none; font: 9.5pt/1.2 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", system-ui, sans-serif; }
  h1 { font-size: 1.5em; }
}
`;

/** The score scale as a key: each badge with its words from the template, then the marks that are not scores. */
export function scoreLegend(scale: { better?: ScaleFacts['better']; scale: readonly { score: number; label: string; worrying?: boolean }[] }, extra: readonly string[] = []): string {
  const look = scaleLook(scale);
  const items = scale.scale.map((p) => `<li>${scoreBadge(p.score, look)} ${escapeHtml(p.label)}</li>`);
  return `<ul class="legend">${items.join('')}${extra.map((x) => `<li>${x}</li>`).join('')}</ul>`;
}

/**
 * Printed pages carry `footer` (record text, made a safe CSS string) at the
 * bottom left and "page N of M" at the bottom right, so a page that goes
 * astray in a meeting is still known.
 */
function footerCss(footer: string): string {
  const font = 'font: 8pt Arial, "Liberation Sans", sans-serif; color: #55585e;';
  return `@page { @bottom-left { content: ${cssString(footer)}; ${font} } @bottom-right { content: "page " counter(page) " of " counter(pages); ${font} } }`;
}

/** The whole page: doctype, language, a policy that blocks every fetch, inline CSS, then the body. */
export function htmlPage(options: { title: string; css: string; body: string; footer: string }): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${baseCss}${options.css}
${footerCss(options.footer)}</style>
</head>
<body>
${options.body}
</body>
</html>
`;
}
