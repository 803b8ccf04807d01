import fc from 'fast-check';
import stringWidth from 'string-width';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { buildCaseloadReport } from '../../src/analyse/caseload-report.js';
import { caseloadFacts } from '../../src/analyse/caseload-facts.js';
import { buildHistories } from '../../src/analyse/history.js';
import { diffRecords } from '../../src/analyse/review-diff.js';
import { buildSummarySheet } from '../../src/analyse/summary-sheet.js';
import type { ToolkitRecord } from '../../src/record/types.js';
import { renderDiffTerminal } from '../../src/render/diff-terminal.js';
import { csvText, guardHiddenFormula } from '../../src/render/csv-text.js';
import { renderHistoryCsv } from '../../src/render/history-csv.js';
import { renderHistoryTerminal } from '../../src/render/history-terminal.js';
import { plainStyle } from '../../src/render/plain-style.js';
import { renderRecordText } from '../../src/render/record-text.js';
import { renderReportCsv } from '../../src/render/report-csv.js';
import { renderReportTerminal } from '../../src/render/report-terminal.js';
import { terminalSafe, terminalSafeLine } from '../../src/render/safe-text.js';
import { renderSummaryHtml } from '../../src/render/summary-html.js';
import { renderSummaryMarkdown } from '../../src/render/summary-markdown.js';
import { renderSummaryTerminal } from '../../src/render/summary-terminal.js';
import type { TemplateIndex } from '../../src/template/load-template.js';
import { describeValue } from '../../src/validate/schema-messages.js';
import { manyVoices } from './fixture-records.js';

// The cases of issue 19's "Why", each on the renderer a user met it in.

/** What a terminal or a file shows: a lone surrogate half is written as U+FFFD. */
const printed = (text: string) => Buffer.from(text, 'utf8').toString('utf8');
const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));

/** The same record with titles of the template's areas and sections in other scripts (as a custom template may have). */
function withTitles(template: TemplateIndex, titles: Record<string, string>): TemplateIndex {
  const copy = structuredClone(template.template);
  for (const area of copy.areas) {
    if (titles[area.key]) area.title = titles[area.key]!;
    for (const s of area.sections) if (titles[s.key]) s.title = titles[s.key]!;
  }
  return { ...template, template: copy };
}

describe("the child's words as typed, emoji included", () => {
  it('are never cut into U+FFFD in the summary or the textconv view (git diff)', async () => {
    const { record, template } = await manyVoices();
    const summary = renderSummaryTerminal(buildSummarySheet(record, template, []), plainStyle, { width: 80 });
    const textconv = renderRecordText(record, template);
    const words = record.child_voice!.worried_about!.split(' ')[0]!;
    expect(words).toMatch(/^x(😀){50,}$/u);
    for (const out of [summary, textconv]) {
      expect(printed(out)).not.toContain('\uFFFD');
      expect(printed(out).replace(/\s+/g, '')).toContain(words);
    }
  });

  it('a line of 60 emoji or of Chinese text wraps within an 80-column terminal', async () => {
    const { record, template } = await manyVoices();
    const edited = structuredClone(record);
    edited.child_voice = { working_well: '😀'.repeat(60), worried_about: '我不喜欢晚上一个人在家因为很黑而且我很害怕我想要妈妈早点回家陪我吃饭和做作业'.repeat(2) };
    const summary = renderSummaryTerminal(buildSummarySheet(edited, template, []), plainStyle, { width: 80 });
    expect(widest(summary.slice(summary.indexOf("'s voice")))).toBeLessThanOrEqual(80);
    expect(widest(renderRecordText(edited, template))).toBeLessThanOrEqual(78);
  });
});

describe('columns line up by what the eye sees', () => {
  const titles = { 'physical-care': 'Bien-être 💇‍♀️', 'health-development': 'صحت اور نشوونما', 'emotional-warmth': '🧑🏽‍🦱 Teulu 🫶🏽', '1.1': 'Jedzenie i żywienie 🍛', '1.2': '住房 Housing', '1.3': 'Zoë e\u0301 clothing' };

  it('in the summary grid (every row of the table as wide as the others)', async () => {
    const { record, template } = await manyVoices();
    const summary = renderSummaryTerminal(buildSummarySheet(record, withTitles(template, titles), []), plainStyle, { width: 100 });
    const grid = summary.split('\n').filter((l) => /^[┌│├└]/.test(l));
    expect(grid.length).toBeGreaterThan(10);
    expect(new Set(grid.map((l) => stringWidth(l))).size).toBe(1);
  });

  it('in the review diff, the caseload report and the history (scores start in one column)', async () => {
    const { record, template } = await manyVoices();
    const t = withTitles(template, titles);
    const later = structuredClone(record);
    later.assessment.completed = '2021-08-11';
    later.assessment.type = 'review';
    later.areas!['physical-care']!.sections!['1.2'] = { score: 2, evidence: 'ok', by: 'fsw1' };
    later.areas!['physical-care']!.sections!['1.3'] = { score: 3, evidence: 'ok', by: 'fsw1' };
    const diff = renderDiffTerminal(diffRecords(record, later, t), t.template, plainStyle, 100);
    const arrows = diff.split('\n').filter((l) => / -> /.test(l) && /^ {2}\S/.test(l) && !l.includes('days'));
    expect(arrows.length).toBeGreaterThan(3);
    expect(new Set(arrows.map((l) => stringWidth(l.slice(0, l.indexOf(' -> ')))))).toHaveProperty('size', 1);

    const facts = caseloadFacts(record);
    const report = renderReportTerminal(buildCaseloadReport([{ file: 'zk.yaml', facts, findings: [] }], '2021-06-01', { sort: 'ref' }), plainStyle);
    const bars = report.split('\n').filter((l) => /\d:\d+ \d:\d+/.test(l));
    expect(new Set(bars.map((l) => stringWidth(l.slice(0, l.search(/[▂▄▆█]|not scored/)))))).toHaveProperty('size', 1);

    const versions = [record, later].map((r) => ({ record: r as ToolkitRecord, template: t, source: { file: 'zk.yaml', commit: null, author: null, date: null, subject: null } }));
    const history = renderHistoryTerminal(buildHistories(versions), plainStyle, 100, () => t);
    const sparks = history.split('\n').filter((l) => /^ {2}1\.\d .*[▂▄▆█·]{2}/.test(l));
    expect(sparks.length).toBe(3);
    expect(new Set(sparks.map((l) => stringWidth(l.slice(0, l.search(/[▂▄▆█·]{2}/)))))).toHaveProperty('size', 1);
  });
});

const csvRows = (csv: string) => csv.trimEnd().split('\n').map((line) => line.split(','));

describe('CSV: nothing a spreadsheet would run as a formula', () => {
  // No comma, quote or line break in them, so each is a plain field of the CSV.
  const formulas = ['＝HYPERLINK(A1)', '＋1+1', '－1+1', '＠SUM(A1)', '﹦1+1', '﹫SUM(A1)', ' =1+1', '\u200b=1+1'];

  it('in the report CSV, whatever a file is named', async () => {
    const { record } = await manyVoices();
    const facts = caseloadFacts(record);
    const inputs = formulas.map((name, i) => ({ file: name, facts: { ...facts, ref: `ZK-${i}` }, findings: [] }));
    const rows = csvRows([...renderReportCsv(buildCaseloadReport(inputs, '2021-06-01', { sort: 'ref' }))].join(''));
    const files = rows.slice(1).map((r) => r[10]!);
    // The name is sanitised first (a zero-width space goes), then guarded: each still gets its apostrophe.
    expect(files.sort()).toEqual(formulas.map((f) => `'${terminalSafe(f)}`).sort());
  });

  it('in the history CSV, whatever a git author typed', async () => {
    const { record, template } = await manyVoices();
    const versions = formulas.map((author, i) => ({ record: { ...record, assessment: { ...record.assessment, completed: `2021-05-1${i}` } }, template, source: { file: 'zk.yaml', commit: `${i}`.repeat(40), author, date: '2021-05-11', subject: 's' } }));
    const rows = csvRows(renderHistoryCsv(buildHistories(versions)));
    const authors = new Set(rows.slice(1).map((r) => r[10]!));
    expect([...authors].sort()).toEqual(formulas.map((f) => `'${terminalSafeLine(f)}`).sort());
  });
});

describe('csvText', () => {
  it('guards once what csv-stringify guards, adds what it leaves through, and leaves ordinary text alone', () => {
    const cells = ['=1+1', '-1', '＠x', '\t=1', '﹢1', '﹣1', ' ＝1', '\u2060@x', 'Zoë', 'نانی', '  hello', 'a=b', '2021-05-11', '😀=1', ''];
    const out = csvText([cells]).trimEnd();
    expect(out).toBe(`'=1+1,'-1,'＠x,'\t=1,'﹢1,'﹣1,' ＝1,'\u2060@x,Zoë,نانی,  hello,a=b,2021-05-11,😀=1,`);
  });
});

describe('guardHiddenFormula', () => {
  // The whole check, as it stood before the quick answer for a cell starting with printable ASCII.
  const slow = (value: string): string => {
    if (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value)) return value;
    const first = String.fromCodePoint(value.replace(/^[\s\u200b-\u200d\u2060\ufeff]+/, '').codePointAt(0) ?? 32).normalize('NFKC');
    return /^[=+\-@]/.test(first) ? `'${value}` : value;
  };
  it('answers as the whole check does, for any text', () => {
    const lead = fc.constantFrom('', ' ', '\t', '\n', '\u200b', '\u2060', '\ufeff', '=', '+', '-', '@', '﹦', '﹢', '＝', 'a', '0', '~', '\u007f', '\u00a0', '😀');
    fc.assert(
      fc.property(fc.array(lead, { maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 8 }), (leads, rest) => {
        const value = leads.join('') + rest;
        expect(guardHiddenFormula(value)).toBe(slow(value));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('csvText of plain rows', () => {
  it('writes the same bytes as csv-stringify with the same options, for any texts and numbers', () => {
    const piece = fc.constantFrom('"', ',', '\n', '\r', '\r\n', "'", '=', '+', '-', '@', '\t', '＝', '＋', '－', '＠', '﹦', ' ', '\u200b', 'a', 'Zoë', '😀', '\ud800');
    const text = fc.oneof(fc.array(piece, { maxLength: 4 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 6 }));
    const cell = fc.oneof(text, fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: false }), fc.constant(''));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 4 }), (rows) => {
        expect(csvText(rows)).toBe(stringify(rows, { escape_formulas: true, cast: { string: guardHiddenFormula } }));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('pages carry the direction of right-to-left text', () => {
  it('HTML: the page language is declared and every free-text block takes its own direction', async () => {
    const { record, template } = await manyVoices();
    const html = renderSummaryHtml(buildSummarySheet(record, template, []));
    expect(html).toContain('<html lang="en-GB">');
    // The analysis starts in English and carries an Urdu quotation; the family name in Urdu is isolated.
    expect(html).toMatch(/<p dir="auto">Zoë is warmly cared for[^<]*<\/p>|<bdi>Zoë is warmly cared for/);
    expect(html).toContain('<bdi>Nani Farzana (نانی فرزانہ)</bdi>');
    expect(html).toContain('&quot;وہ بہت خوش بچی ہے&quot;');
  });

  it('Markdown keeps the text intact', async () => {
    const { record, template } = await manyVoices();
    const md = renderSummaryMarkdown(buildSummarySheet(record, template, []));
    for (const text of ['Nani Farzana (نانی فرزانہ)', '"وہ بہت خوش بچی ہے"', 'Siân', 'Łukasz', 'Dáithí', 'Zoë', record.child_voice!.worried_about!.split(' ')[0]!, '🙅🏽‍♀️🔇']) expect(md).toContain(text);
  });
});

describe('check messages', () => {
  it('quote a long value shortened between graphemes, never inside an emoji', () => {
    for (let at = 30; at < 40; at++) {
      const value = `${'a'.repeat(at)}${'👩🏽‍🦱'.repeat(20)}`;
      const message = describeValue(value);
      expect(printed(message)).not.toContain('\uFFFD');
      expect(message.endsWith('..."')).toBe(true);
      expect(message.replace(/^"|\.\.\."$/g, '').replace(/a+/, '').replace(/👩🏽‍🦱/g, '')).toBe('');
    }
  });
});
