import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseloadReport } from '../../src/analyse/caseload-report.js';
import type { ChildHistory } from '../../src/analyse/history.js';
import { renderFindingsGithub, renderFindingsPretty } from '../../src/render/findings-report.js';
import { renderHistoryCsv } from '../../src/render/history-csv.js';
import { escapeHtml, htmlBlock } from '../../src/render/html-page.js';
import { plainStyle } from '../../src/render/plain-style.js';
import { renderReportCsv } from '../../src/render/report-csv.js';
import { jsonSafe, markdownBlock, markdownCell, markdownInline, terminalSafe, terminalSafeLine } from '../../src/render/safe-text.js';
import { findControlBytes } from '../support/output-safety.js';

/** Every introducer of a terminal control string or sequence, 7-bit and 8-bit. */
const introducers = ['\u001b]', '\u001bP', '\u001bX', '\u001b^', '\u001b_', '\u001b[', '\u0090', '\u0098', '\u009b', '\u009d', '\u009e', '\u009f'];
/** Characters that end, start or hide things: terminators, controls, bidi, zero-width, tags, separators. */
const hostile = [...introducers, '\u0007', '\u009c', '\u001b\\', '\u001b', '\r', '\n', '\t', '\u0000', '\u007f', '\u0085', '\u202e', '\u2066', '\u200b', '\u200d', '\u200c', '\u2060', '\ufeff', '\u00ad', '\u{e0041}', '\u{e007f}', '\u2028', '\u3164', ';', '[', '0', 'm', 'é', '😀', 'a', ' '];

/** Random strings: any code points, and strings made mostly of the characters above, so sequences actually form. */
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.array(fc.constantFrom(...hostile), { maxLength: 40 }).map((a) => a.join('')));
/** Text every format shows as it is: letters, digits, spaces. */
const plainWords = fc.stringMatching(/^[A-Za-z0-9]{1,12}( [A-Za-z0-9]{1,12}){0,4}$/);

const finding = (s: string) => ({ file: s, line: 1, column: 1, severity: 'error' as const, code: 'schema' as const, path: s, message: s });
const report = (s: string): CaseloadReport =>
  ({
    today: '2021-01-01',
    files: 1,
    skipped: [],
    totals: {},
    rows: [{ ref: 'A-1', household: null, file: s, template: 'nscp-ncscp/2021', completed: '2020-01-01', type: 'initial', areas: [], highestScore: null, worryingCount: 0, prompts: [], decision: null, nextReview: null, daysOverdue: null }],
  }) as unknown as CaseloadReport;
const history = (s: string): ChildHistory[] =>
  [
    {
      ref: s,
      points: [{ completed: '2020-01-01', type: 'initial', source: { file: s, commit: null, author: s, date: null } }],
      areas: [{ area: 'a', sections: [{ section: '1.1', title: s, scores: [1], trend: 'same' }] }],
    },
  ] as unknown as ChildHistory[];

/** Each output format, as the renderers call the sanitiser. */
const formats: Record<string, (s: string) => string> = {
  terminal: terminalSafe,
  'terminal line': terminalSafeLine,
  'findings (terminal)': (s) => renderFindingsPretty([finding(s)], 1, plainStyle),
  'markdown inline': markdownInline,
  'markdown block': markdownBlock,
  'markdown cell': markdownCell,
  'html text': escapeHtml,
  'html block': htmlBlock,
  json: (s) => jsonSafe({ s }),
  'csv (report file names)': (s) => [...renderReportCsv(report(s))].join(''),
  'csv (history)': (s) => renderHistoryCsv(history(s)),
  'github annotations': (s) => renderFindingsGithub([finding(s)]),
};

describe('one sanitiser for every format', () => {
  for (const [name, render] of Object.entries(formats)) {
    it(`${name}: no control, C1, bidi, zero-width or tag character survives, whatever the text`, () => {
      fc.assert(
        fc.property(anyText, (s) => {
          expect(findControlBytes(render(s))).toBeNull();
        }),
        { numRuns: 400 },
      );
    });

    it(`${name}: an unterminated string introducer is removed and the text after it kept`, () => {
      fc.assert(
        fc.property(plainWords, fc.constantFrom(...introducers.filter((i) => i !== '\u001b[' && i !== '\u009b')), plainWords, (before, introducer, after) => {
          const out = render(`${before} ${introducer}${after}`);
          expect(findControlBytes(out)).toBeNull();
          const shown = name === 'json' ? (JSON.parse(out) as { s: string }).s : out;
          expect(shown).toContain(after);
          expect(shown).toContain(before);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('json keeps every string exactly (escaped, never dropped)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect((JSON.parse(jsonSafe({ s })) as { s: string }).s).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('complete control strings go whole (their payload is for the terminal, not the reader)', () => {
    for (const payload of ['\u001b]0;PWN\u0007', '\u001b]8;;http://PWN\u001b\\', '\u009d0;PWN\u009c', '\u001bPPWN\u001b\\', '\u0090PWN\u009c', '\u001b_PWN\u001b\\']) {
      expect(terminalSafe(`a${payload}b`)).toBe('ab');
    }
    expect(terminalSafe('a\u001b[31mred\u001b[0m')).toBe('ared');
  });

  it('text mis-read as Latin-1 keeps every letter (an 8-bit introducer goes, the name stays)', () => {
    // "Kraśko" and "Šťastný" as UTF-8 bytes read as Latin-1: U+009B and U+009D appear in the middle of names.
    const misread = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
    expect(terminalSafe(misread('Kraśko and Ŝebastjan ŝi'))).toBe('KraÅko and Å\u009cebastjan Å'.replace(/[\u0080-\u009f]/g, '') + 'i');
    expect(terminalSafe(`${misread('ś')} the rest of the field`)).toBe('Å the rest of the field');
    expect(terminalSafe(`${misread('ŝ')} the rest of the field`)).toBe('Å the rest of the field');
  });

  it('zero-width and tag characters are removed from Latin text; emoji sequences keep their joiners', () => {
    expect(terminalSafe('Mary\u200bJo\u200d \u2060x\ufeff\u00ad\u{e0041}\u{e0042}')).toBe('MaryJo x');
    expect(terminalSafe('👨\u200d👩\u200d👧')).toBe('👨\u200d👩\u200d👧');
    expect(terminalSafe('a\u202eevil\u202c')).toBe('aevil');
  });
});
