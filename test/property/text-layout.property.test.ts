import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { buildCaseloadReport } from '../../src/analyse/caseload-report.js';
import { caseloadFacts } from '../../src/analyse/caseload-facts.js';
import { buildHistories } from '../../src/analyse/history.js';
import { diffRecords } from '../../src/analyse/review-diff.js';
import { buildSummarySheet } from '../../src/analyse/summary-sheet.js';
import type { ToolkitRecord } from '../../src/record/types.js';
import { renderDiffHtml } from '../../src/render/diff-html.js';
import { renderDiffMarkdown } from '../../src/render/diff-markdown.js';
import { renderDiffTerminal } from '../../src/render/diff-terminal.js';
import { renderHistoryCsv } from '../../src/render/history-csv.js';
import { renderHistoryMarkdown } from '../../src/render/history-markdown.js';
import { renderHistoryTerminal } from '../../src/render/history-terminal.js';
import { plainStyle } from '../../src/render/plain-style.js';
import { renderRecordText } from '../../src/render/record-text.js';
import { renderReportCsv } from '../../src/render/report-csv.js';
import { renderReportMarkdown } from '../../src/render/report-markdown.js';
import { renderReportTerminal } from '../../src/render/report-terminal.js';
import { terminalSafe } from '../../src/render/safe-text.js';
import { renderSummaryHtml } from '../../src/render/summary-html.js';
import { renderSummaryMarkdown } from '../../src/render/summary-markdown.js';
import { renderSummaryTerminal } from '../../src/render/summary-terminal.js';
import { renderTemplateTerminal } from '../../src/render/template-terminal.js';
import { decisionLabeller } from '../../src/template/load-template.js';
import { boxTable, breakWord, displayWidth, fillLines, NARROW_CHARACTERS, padEndDisplay, truncateToWidth, wrapText } from '../../src/render/text-layout.js';
import { graphemes } from '../../src/text/graphemes.js';
import { manyVoices } from '../unit/fixture-records.js';

// Graphemes people type: emoji (ZWJ sequences, skin tones, flags, presentation selectors), CJK (wide,
// half-width, astral), letters with combining marks (and a lone mark), right-to-left scripts, other astral characters.
const pools = {
  emoji: ['😀', '👍🏽', '👩🏽‍🦱', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇬🇧', '❤️', '🫶🏾', '🧑‍🤝‍🧑', '🙅🏽‍♀️', '1️⃣'],
  cjk: ['汉', '字', '我', '家', 'の', 'カ', 'ｶ', '한', '글', '𠀀', '𪚥'],
  combining: ['e\u0301', 'a\u0308\u0323', 'n\u0303', 'o\u031b\u0309', 'ŵ', 'ł', '\u0301'],
  rtl: ['ا', 'ر', 'د', 'و', 'ے', 'ہ', 'ش', 'ל', 'ם', 'ש', 'ע'],
  astral: ['𝒜', '𓀀', '𐍈', '𝟘', '🀄'],
  latin: ['a', 'Z', 'ß', 'Ł', 'ž', 'â'],
};
const grapheme = fc.constantFrom(...Object.values(pools).flat());
const word = fc.oneof({ weight: 5, arbitrary: fc.array(grapheme, { minLength: 1, maxLength: 12 }) }, { weight: 1, arbitrary: fc.array(grapheme, { minLength: 40, maxLength: 160 }) }).map((g) => g.join(''));
/** Words from the pools with single spaces between them: free text as a person might type it. */
const text = fc.array(word, { minLength: 1, maxLength: 25 }).map((w) => w.join(' '));
const width = fc.integer({ min: 20, max: 200 });
const runs = { numRuns: Number(process.env.NTK_FUZZ_RUNS ?? 60) };

const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const bare = (s: string) => s.replace(/\s+/g, '');
/** Graphemes that take room: a lone combining accent takes none, and rides on whatever comes next. */
const visible = (s: string) => graphemes(s).filter((g) => stringWidth(g) > 0);

/** No replacement character, no half of a surrogate pair (a terminal or file would show it as U+FFFD). */
function expectWhole(out: string): void {
  expect(out).not.toContain('\uFFFD');
  expect(out).not.toMatch(lone);
}

/** The text as the output should hold it, ignoring wrapping: made terminal-safe, whitespace aside. */
function expectReadBack(out: string, input: string): void {
  expect(bare(out)).toContain(bare(terminalSafe(input)));
}

/** A line is no wider than the width unless it holds a single grapheme (after its indent). */
function expectFits(lines: readonly string[], max: number): void {
  for (const line of lines) {
    if (stringWidth(line) <= max) continue;
    expect(visible(line.replace(/^[\s┃]+/, '')), `line wider than ${max}: ${JSON.stringify(line)}`).toHaveLength(1);
  }
}

/** Lines that carry the random text: anything beyond ASCII and ntk's own marks. */
const carriesText = (line: string) => /[^\x00-\x7f·▂▄▆█☐☑⚠★┃↔─│┌┐└┘├┤┬┴┼✔✖→↑↓]/u.test(line);

describe('text layout (property)', () => {
  it('wrapText: no U+FFFD, no line wider than the width unless one grapheme is, the text read back whole', () => {
    fc.assert(
      fc.property(text, width, fc.constantFrom('', '  ', '    - ', '  ┃ '), (t, w, indent) => {
        const out = wrapText(t, w, indent);
        expectWhole(out);
        expectFits(out.split('\n'), w);
        expect(bare(out.split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n'))).toBe(bare(t));
      }),
      runs,
    );
  });

  it('wrapText: a line of narrow words is laid out as fillLines lays out its words one by one', () => {
    // Narrow characters, the spaces \\s splits at among them (one, two, no-break), and words of up to 50 characters, some wider than the line.
    const narrowWord = fc.array(fc.constantFrom(...'aZ09~!é£€’“–—…•Łžß¬®→│▆★☑⚠✔'.split('')), { minLength: 1, maxLength: 50 }).map((c) => c.join(''));
    const gap = fc.constantFrom(' ', ' ', ' ', ' ', '  ', '\u00a0', '\n');
    const narrowText = fc.tuple(fc.array(fc.tuple(narrowWord, gap), { maxLength: 30 }), narrowWord).map(([pairs, last]) => pairs.map(([w, g]) => w + g).join('') + last);
    const byWords = (t: string, w: number, indent: string) =>
      t
        .trim()
        .split(/\n{2,}/)
        .map((para) =>
          para
            .split('\n')
            .map((line) =>
              fillLines(
                line.split(/\s+/).filter((x) => x !== '').map((x) => ({ text: x, width: displayWidth(x) })),
                Math.max(1, w - displayWidth(indent)),
              )
                .map((l) => indent + l)
                .join('\n'),
            )
            .join('\n'),
        )
        .join(`\n${indent.trimEnd()}\n`);
    fc.assert(
      fc.property(narrowText, fc.integer({ min: 1, max: 120 }), fc.constantFrom('', '  ', '    - '), (t, w, indent) => {
        expect(wrapText(t, w, indent)).toBe(byWords(t, w, indent));
      }),
      { numRuns: Math.max(300, runs.numRuns) },
    );
  });

  it('breakWord: pieces join back to the word, each within the room unless it is one grapheme', () => {
    fc.assert(
      fc.property(word, fc.integer({ min: 1, max: 40 }), (w, room) => {
        const pieces = breakWord(w, room);
        expect(pieces.join('')).toBe(w);
        for (const p of pieces) if (stringWidth(p) > room) expect(visible(p)).toHaveLength(1);
      }),
      runs,
    );
  });

  it('displayWidth: each character it measures without the width tables takes one column and joins no other, as string-width and the grapheme rules say', () => {
    const segmenter = new Intl.Segmenter();
    const each = new RegExp(`[${NARROW_CHARACTERS}]`);
    let count = 0;
    for (let c = 0x21; c < 0x3000; c++) {
      const ch = String.fromCodePoint(c);
      if (!each.test(ch)) continue;
      count++;
      expect(stringWidth(ch), `U+${c.toString(16)}`).toBe(1);
      expect([...segmenter.segment(`a${ch}${ch}a`)], `U+${c.toString(16)}`).toHaveLength(4);
    }
    expect(count).toBeGreaterThan(900);
  });

  it('displayWidth: text it measures without the width tables (Latin letters, quotes, dashes, currency, what ntk draws with) is as wide as string-width says', () => {
    const narrow = fc.constantFrom(...'aZ09 ~!é£€’‘“”–—…•ŁžßÿĀſǅɏ\u00a0¬®°×÷←→↔↑↓⌂─│┌┼┃▂▄▆█▲▼◆★☐☑☒⚠✔✖'.split(''));
    // After a symbol, what would join it into one grapheme or widen it: a variation selector, a joiner, a keycap, a skin tone.
    const joiner = fc.constantFrom('\ufe0f', '\ufe0e', '\u200d', '\u20e3', '\u{1f3fb}', '\u0301');
    const mixed = fc.oneof(
      { weight: 4, arbitrary: narrow },
      { weight: 1, arbitrary: grapheme },
      { weight: 1, arbitrary: joiner },
      { weight: 1, arbitrary: fc.constantFrom('\u00ad', '\u2028', '\u200b', '\u0301', '\u001b[31m', '\t', '\u0000', '◽', '◾', '⚡', '✅') },
    );
    fc.assert(
      fc.property(fc.array(mixed, { maxLength: 40 }), (parts) => {
        const t = parts.join('');
        expect(displayWidth(t)).toBe(stringWidth(t));
      }),
      runs,
    );
  });

  it('padEndDisplay, boxTable and truncateToWidth measure by display columns', () => {
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 4, max: 60 }), (rows, w) => {
        for (const cell of rows.flat()) {
          expect(stringWidth(padEndDisplay(cell, w))).toBe(Math.max(w, stringWidth(cell)));
          const cut = truncateToWidth(cell, w);
          expectWhole(cut);
          expect(stringWidth(cut) <= w || visible(cut.replace(/\.\.\.$/, '')).length === 1).toBe(true);
        }
        const table = boxTable(rows).split('\n');
        expect(new Set(table.map((l) => stringWidth(l))).size).toBe(1);
      }),
      runs,
    );
  });
});

describe('every renderer with names, scripts and emoji (property)', async () => {
  const { record, template } = await manyVoices();
  /** Zoë's record with random text in every kind of free-text field; the name random or ASCII. */
  const withText = (t: readonly string[], name: string): ToolkitRecord => {
    const r = structuredClone(record);
    r.child.name = name;
    r.child.family = [{ name: t[0]!, relationship: t[1]!, lives_with_child: false }];
    r.child_voice = { working_well: t[2]!, worried_about: t[3]! };
    r.areas!['physical-care']!.impact = t[4]!;
    r.areas!['physical-care']!.sections!['1.1']!.evidence = t[5]!;
    r.assessment.sessions![1]!.note = t[6]!;
    r.summary!.analysis = t[7]!;
    r.summary!.actions = [{ action: t[8]!, who: t[9]! }];
    return r;
  };
  const texts = fc.array(text, { minLength: 10, maxLength: 10 });
  const name = fc.oneof(fc.constant('Zoe'), text);

  it('summary, textconv and the template: whole, within the width, read back', () => {
    fc.assert(
      fc.property(texts, name, width, (t, n, w) => {
        const r = withText(t, n);
        const sheet = buildSummarySheet(r, template, []);
        const summary = renderSummaryTerminal(sheet, plainStyle, { width: w, evidence: true });
        const textconv = renderRecordText(r, template);
        const page = renderSummaryHtml(sheet, { evidence: true });
        const md = renderSummaryMarkdown(sheet, { evidence: true });
        for (const out of [summary, textconv, page, md]) expectWhole(out);
        for (const x of t) expectReadBack(textconv, x);
        // The summary has no session notes (t[6]); the diff and the textconv have them.
        for (const x of t.filter((_x, i) => i !== 6)) {
          expectReadBack(summary.replace(/┃/g, ''), x);
          expectReadBack(md, x);
        }
        if (n === 'Zoe') {
          expectFits(summary.split('\n').filter(carriesText), w);
          expectFits(textconv.split('\n').filter(carriesText), 78);
        }
        const tpl = structuredClone(template.template);
        tpl.areas[0]!.description = t[0]!;
        tpl.areas[0]!.sections[0]!.descriptors['1'] = t[1]!;
        const shown = renderTemplateTerminal(tpl, tpl.areas.slice(0, 1), plainStyle, w);
        expectWhole(shown);
        expectReadBack(shown, t[0]!);
        expectReadBack(shown, t[1]!);
        expectFits(shown.split('\n').filter(carriesText), w);
      }),
      runs,
    );
  });

  it('review diff: whole, within the width, read back', () => {
    fc.assert(
      fc.property(texts, width, (b, w) => {
        // From plain words to random text, so every field changed and shows its new text whole.
        const from = withText(Array.from({ length: 10 }, (_, i) => `was ${i}`), 'Zoe');
        const to = withText(b, 'Zoe');
        to.assessment.completed = '2021-08-11';
        to.assessment.type = 'review';
        to.assessment.sessions!.push({ date: '2021-07-01', type: 'unannounced-visit', note: b[6]! });
        const diff = diffRecords(from, to, template);
        const out = renderDiffTerminal(diff, template.template, plainStyle, w);
        for (const x of [out, renderDiffMarkdown(diff, template.template), renderDiffHtml(diff, template.template)]) expectWhole(x);
        // Text shown whole carries "- " or "+ " at the start of each of its lines.
        for (const x of [b[2]!, b[4]!, b[6]!, b[8]!]) expectReadBack(out.replace(/^ {4}[-+] /gm, ''), x);
        expectFits(out.split('\n').filter(carriesText), w);
      }),
      runs,
    );
  });

  it('history, report and their CSV: whole, within the width, read back (git authors included)', () => {
    fc.assert(
      fc.property(texts, width, (t, w) => {
        const versions = [0, 1].map((i) => ({
          record: { ...record, child: { ...record.child, name: 'Zoe' }, assessment: { ...record.assessment, completed: `2021-0${5 + i}-11` } },
          template,
          source: { file: 'zk.yaml', commit: `${i}`.repeat(40), author: t[i]!, date: `2021-0${5 + i}-12`, subject: t[2 + i]! },
        }));
        const histories = buildHistories(versions);
        const out = renderHistoryTerminal(histories, plainStyle, w, () => template);
        for (const x of [out, renderHistoryMarkdown(histories, decisionLabeller([template]), () => template), renderHistoryCsv(histories)]) expectWhole(x);
        for (const x of t.slice(0, 4)) expectReadBack(out, x);
        expectFits(out.split('\n').filter(carriesText), w);
        const report = buildCaseloadReport([{ file: t[4]!, facts: caseloadFacts(record), findings: [] }], '2021-06-01', { sort: 'ref' });
        const csv = [...renderReportCsv(report)].join('');
        for (const x of [renderReportTerminal(report, plainStyle), renderReportMarkdown(report), csv]) expectWhole(x);
        expectReadBack(csv, t[4]!);
      }),
      runs,
    );
  });
});
