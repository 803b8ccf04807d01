import { describe, expect, it } from 'vitest';
import { diffRecords, type ReviewDiff } from '../../src/analyse/review-diff.js';
import type { ToolkitRecord } from '../../src/record/types.js';
import { renderDiffHtml } from '../../src/render/diff-html.js';
import { maryJo } from './fixture-records.js';

const attack = `<script>alert(1)</script> "><img src=x onerror=alert(2)> '><a href="javascript:alert(3)">x</a> </style><style>*{background:url(//evil.example/x)}</style> & \u202e`;

// Values that are the toolkit's own vocabulary or dates, not text anyone typed.
const vocabulary = new Set(['format', 'template', 'type', 'decision', 'front_door']);
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** Every free-text value in a record replaced by `text(original)`: names, notes, evidence, impact, voice, plan. */
function plant(value: unknown, text: (original: string) => string, key = ''): unknown {
  if (typeof value === 'string') return vocabulary.has(key) || isDate(value) ? value : text(value);
  if (Array.isArray(value)) return value.map((v) => plant(v, text, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plant(v, text, k)]));
  return value;
}

/** Every tag in the page, with its attributes, so the test sees the page's structure rather than its text. */
function tags(html: string): { name: string; attributes: string[] }[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => ({
    name: (m[1] ?? '').toLowerCase(),
    attributes: [...(m[2] ?? '').replace(/"[^"]*"/g, '""').matchAll(/([a-zA-Z-]+)\s*=/g)].map((a) => (a[1] ?? '').toLowerCase()),
  }));
}

const allowedTags = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'section', 'article', 'div', 'p', 'br', 'span', 'b', 'i', 'strong', 'h1', 'h2', 'h3', 'ul', 'li', 'table', 'tbody', 'tr', 'th', 'td', 'del', 'ins', 'bdi']);

function expectNoMarkupFrom(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img/i);
  expect(html).not.toMatch(/<a[\s>]/i);
  expect(html).not.toContain('\u202e');
  expect(html.match(/<style>/g)).toHaveLength(1);
  expect(html.match(/<\/style>/g)).toHaveLength(1);
  const found = tags(html);
  expect(found.filter((t) => !allowedTags.has(t.name))).toEqual([]);
  expect([...new Set(found.flatMap((t) => t.attributes))].sort()).toEqual(['aria-hidden', 'charset', 'class', 'content', 'http-equiv', 'lang', 'name', 'scope']);
}

async function maryJoDiff(before: string, after: string): Promise<{ diff: ReviewDiff; template: Awaited<ReturnType<typeof maryJo>>['template'] }> {
  const a = await maryJo(before);
  const b = await maryJo(after);
  return { diff: diffRecords(a.record, b.record, b.template, { from: `${before}.yaml`, to: `${after}.yaml` }), template: b.template };
}

describe('review diff as HTML: record text never becomes markup', () => {
  it('escapes a payload planted in every free-text field of both records, in every way a change is shown', async () => {
    const a = await maryJo('MJ-01-2020-09-29');
    const b = await maryJo('MJ-01-2020-12-15');
    // Three kinds of change: a few words changed (marked in place), rewritten (before and now), and added.
    const cases: [(s: string) => string, (s: string) => string][] = [
      [(s) => `${attack} ${s.slice(0, 8)}`, (s) => `${attack} ${s.slice(0, 12)}`],
      [(s) => s, () => attack],
      [() => '', () => attack],
    ];
    for (const [before, after] of cases) {
      const from = plant(a.record, before) as ToolkitRecord;
      const to = plant(b.record, after) as ToolkitRecord;
      const diff = diffRecords(from, to, b.template, { from: attack, to: attack });
      expect(diff.text.length).toBeGreaterThan(40);
      for (const page of [renderDiffHtml(diff, b.template.template), renderDiffHtml({ ...diff, text: diff.text.slice(0, 3) }, b.template.template)]) {
        expectNoMarkupFrom(page);
        expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt; &#39;&gt;&lt;a href=&quot;javascript:alert(3)&quot;&gt;');
      }
    }
  });

  it('reaches every kind of record text on the page: name, sources, impact, voice, sessions, actions', async () => {
    const a = await maryJo('MJ-01-2020-09-29');
    const b = await maryJo('MJ-01-2020-12-15');
    const to = plant(b.record, (s) => `${s} ${attack}`) as ToolkitRecord;
    const html = renderDiffHtml(diffRecords(a.record, to, b.template, { from: attack, to: attack }), b.template.template);
    expectNoMarkupFrom(html);
    for (const text of ['Mary Jo &lt;script&gt;', 'Mary Jo starts the day fed and clean.', 'Keep breakfast club.', 'Morning plan - Kerry up before the children; check at unannounced visits &lt;script&gt;', 'by <bdi>fsw1 &lt;script&gt;']) {
      expect(html).toContain(text);
    }
  });

  it('fetches nothing: the strict content security policy of the summary sheet, no links, no sources', async () => {
    const { diff, template } = await maryJoDiff('MJ-01-2020-09-29', 'MJ-01-2020-12-15');
    const html = renderDiffHtml(diff, template.template);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/\b(src|href|srcset|action)\s*=/i);
    expect(html).not.toMatch(/<script|url\(|@import|https?:/i);
    expect(html).toContain('@page { size: A4;');
  });
});

describe("Mary Jo's review diffs as HTML", () => {
  it('says in words, arrows and patterns what got better, and what was kept at 2 or better', async () => {
    const { diff, template } = await maryJoDiff('MJ-01-2020-09-29', 'MJ-01-2020-12-15');
    const html = renderDiffHtml(diff, template.template);
    expect(html).toContain('<strong>16</strong> better, <strong>none</strong> worse, <strong>7</strong> the same');
    expect(html).toContain('77 days (about 11 weeks) apart');
    expect(html).toContain('<strong>Request for support to Early Help</strong>, the same as before');
    const food = html.slice(html.indexOf('1.1</span> Food and feeding'), html.indexOf('1.2</span>'));
    expect(food).toContain('<span class="score s4 small"><b>4</b>');
    expect(food).toContain('<span class="arrow">→</span><span class="score s2 small"><b>2</b>');
    expect(food).toContain('▼ better');
    expect(food).toContain('parent 2 → 1');
    const responsiveness = html.slice(html.indexOf('4.1</span> Responsiveness'), html.indexOf('4.2</span>'));
    expect(responsiveness).toContain('= kept at 2 or better');
    // 1.2 stayed at 3: the same, but not "kept" - only good care is.
    expect(html.slice(html.indexOf('1.2</span> Home conditions'), html.indexOf('1.3</span>'))).toContain('= the same');
    expect(html).toContain('3 better, 1 the same; highest 4\u00a0→\u00a03');
    expect(html).toContain('the same score, 1 or 2, both times');
  });

  it('shows the impact on the child before and now in every area, and shortens the rest to fit one page, saying so', async () => {
    const { diff, template } = await maryJoDiff('MJ-01-2020-09-29', 'MJ-01-2020-12-15');
    const html = renderDiffHtml(diff, template.template);
    expect(html.match(/Impact on <bdi>Mary Jo<\/bdi>/g)).toHaveLength(7);
    expect(html).toContain('Mary Jo arrives hungry and cannot settle');
    expect(html).toContain('Mary Jo starts the day fed and clean.');
    expect(html).toContain('<span class="lbl">Also reworded:</span> evidence for 1.1, 1.2, 1.3, 1.4; strengths; concerns');
    expect(html).not.toContain('cupboards almost empty');
    expect(html).toContain('To fit one page');
    expect(html).toContain('&quot;Keep breakfast club.&quot;');
    // On a full page what was done is one line, without its dates; what is still open keeps a line each.
    expect(html).toMatch(/<span class="tag done">done<\/span> (<bdi>[^<]*<\/bdi>; )*<bdi>Lice treatment and weekly checks<\/bdi>; /);
    expect(html).toContain('<span class="tag open">still open</span> <bdi>Parenting group (two sessions left)</bdi><span class="muted">, by 12 January 2021</span>');
    expect(html).toContain('<span class="tag new">new</span> <bdi>Morning plan');
    expect(html).toContain('<strong>18 November 2020</strong> announced visit, by <bdi>fsw1</bdi>');
  });

  it('marks a few changed words in place, and says worse and mixed in words', async () => {
    const { diff, template } = await maryJoDiff('MJ-01-2020-12-15', 'MJ-01-2021-03-16');
    const html = renderDiffHtml(diff, template.template);
    expect(html).toContain('<del>proud of her reading</del>');
    expect(html).toMatch(/<ins>catching up<\/ins>/);
    expect(html).toContain('▲ worse');
    expect(html).toContain('Some better, some worse');
    expect(html).toContain('<span class="tag dropped">no longer in the plan</span>');
  });

  it('gives every changed text in full when it fits on the page', async () => {
    const { diff, template } = await maryJoDiff('MJ-01-2020-09-29', 'MJ-01-2020-12-15');
    const few = diff.text.filter((t) => t.path.startsWith('areas.physical-care.'));
    const html = renderDiffHtml({ ...diff, text: few }, template.template);
    expect(html).toContain('cupboards almost empty');
    expect(html).toContain('<span class="lbl">1.1 evidence</span>');
    expect(html).not.toContain('To fit one page');
  });

  it('warns when the two toolkits are about different children', async () => {
    const { diff, template } = await maryJoDiff('MJ-01-2020-09-29', 'MJ-02-2020-09-29');
    expect(renderDiffHtml(diff, template.template)).toContain('These toolkits are about different children');
  });
});
