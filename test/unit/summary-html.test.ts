import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildSummarySheet, type SummarySheet } from '../../src/analyse/summary-sheet.js';
import type { ToolkitRecord } from '../../src/record/types.js';
import { cssString, escapeHtml } from '../../src/render/html-page.js';
import { renderSummaryHtml } from '../../src/render/summary-html.js';
import { defaultTemplate } from '../../src/template/load-template.js';
import type { Finding } from '../../src/record/finding.js';

const maryJo = parse(readFileSync('fixtures/mary-jo/MJ-01-2020-09-29.yaml', 'utf8')) as ToolkitRecord;
const prompt: Finding = { file: 'x.yaml', line: 1, column: 1, severity: 'prompt', code: 'discuss-with-lead', path: 'summary', message: 'talk it through' };

function sheetOf(record: ToolkitRecord): SummarySheet {
  return buildSummarySheet(record, defaultTemplate(), [prompt]);
}

// Fields whose values are the renderer's own vocabulary (enums, flags), not text anyone typed.
const vocabulary = new Set(['state', 'severity', 'type', 'decision', 'frontDoor']);

/** Every string in the sheet replaced by `payload`: record text, template text, dates, keys, messages. */
function plant(value: unknown, payload: string, key = ''): unknown {
  if (typeof value === 'string') return vocabulary.has(key) ? value : payload;
  if (Array.isArray(value)) return value.map((v) => plant(v, payload));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plant(v, payload, k)]));
  return value;
}

const attack = `<script>alert(1)</script> "><img src=x onerror=alert(2)> '><a href="javascript:alert(3)">x</a> </style><style>*{background:url(//evil.example/x)}</style> & \u202e`;

/** Every tag in the page, with its attributes, so the test sees the page's structure rather than its text. */
function tags(html: string): { name: string; attributes: string[] }[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => ({
    name: (m[1] ?? '').toLowerCase(),
    attributes: [...(m[2] ?? '').replace(/"[^"]*"/g, '""').matchAll(/([a-zA-Z-]+)\s*=/g)].map((a) => (a[1] ?? '').toLowerCase()),
  }));
}

describe('summary sheet as HTML', () => {
  const html = renderSummaryHtml(plant(sheetOf(maryJo), attack) as SummarySheet, { evidence: true });

  it('escapes & < > " \' in every piece of text, so none of it becomes markup', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<a[\s>]/i);
    expect(html).not.toMatch(/javascript:alert\(3\)">/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt; &#39;&gt;&lt;a href=&quot;javascript:alert(3)&quot;&gt;');
    expect(html).not.toContain('\u202e');
    // The payload really reached the page everywhere: names, titles, free text, dates, actions, prompts.
    expect(html.split('&lt;script&gt;alert(1)').length - 1).toBeGreaterThan(100);
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'section', 'aside', 'article', 'div', 'p', 'br', 'span', 'b', 'i', 'strong', 'h1', 'h2', 'h3', 'h4', 'dl', 'dt', 'dd', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'bdi']);
    const found = tags(html);
    expect(found.filter((t) => !allowed.has(t.name))).toEqual([]);
    const attributes = new Set(found.flatMap((t) => t.attributes));
    expect([...attributes].sort()).toEqual(['aria-hidden', 'charset', 'class', 'colspan', 'content', 'dir', 'http-equiv', 'lang', 'name', 'scope']);
  });

  it('keeps the style sheet whole: record text in the page footer is a CSS string with every symbol escaped', () => {
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    const css = html.slice(html.indexOf('<style>') + 7, html.indexOf('</style>'));
    expect(css).not.toContain('<');
    expect(css).not.toMatch(/url\(|@import/);
    expect(cssString('Mary "Jo" </style>')).toBe('"Mary \\22 Jo\\22  \\3c \\2f style\\3e "');
  });

  it('fetches nothing: a strict content security policy, no links, no sources, no scripts', () => {
    const plain = renderSummaryHtml(sheetOf(maryJo));
    expect(plain).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(plain).not.toMatch(/\b(src|href|srcset|action)\s*=/i);
    expect(plain).not.toMatch(/<script|url\(|@import|https?:/i);
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &#39; f');
  });
});

describe("Mary Jo's summary sheet as HTML", () => {
  const html = renderSummaryHtml(sheetOf(maryJo));

  it('shows the impact on the child first in every area, the child\'s voice, and what happens next', () => {
    expect(html.match(/Impact on <bdi>Mary Jo<\/bdi>/g)).toHaveLength(7);
    expect(html).toContain("<h2><bdi>Mary Jo</bdi>'s voice</h2>");
    expect(html).toContain('&quot;Someone to fix my tooth.&quot;');
    expect(html).toContain('Request for support to Early Help');
    expect(html).toContain('<strong>15 December 2020</strong>');
    expect(html).toContain('they do not decide anything');
  });

  it("puts the practitioner's and the parent's scores side by side, each as number, bar and pattern", () => {
    const food = html.slice(html.indexOf('1.1</span> Food and feeding'), html.indexOf('1.2</span>'));
    expect(food).toContain('<span class="score s4"><b>4</b><i class="bar" aria-hidden="true"></i></span>');
    expect(food).toContain('parent <span class="score s2 small"><b>2</b>');
    expect(food).toContain('talk it through');
    expect(html).toMatch(/\.s3 \{ background: repeating-linear-gradient/);
    expect(html).toContain('Most essential needs unmet');
  });

  it('prints on A4 with areas kept whole and long words wrapped', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/\.area \{ break-inside: avoid;/);
    expect(html).toContain('overflow-wrap: anywhere');
  });

  it('leaves evidence out unless asked for', () => {
    expect(html).not.toContain('cupboards almost empty');
    expect(renderSummaryHtml(sheetOf(maryJo), { evidence: true })).toContain('cupboards almost empty');
  });
});
