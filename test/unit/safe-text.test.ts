import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownBlock, markdownCell, markdownInline, terminalSafe, terminalSafeLine } from '../../src/render/safe-text.js';
import { findControlBytes } from '../support/output-safety.js';
import { COMBINED_PAYLOAD, MARKDOWN_PAYLOADS, TERMINAL_PAYLOADS, markdownTrace, terminalTrace } from '../support/payloads.js';

const all = { ...TERMINAL_PAYLOADS, ...MARKDOWN_PAYLOADS, combined: COMBINED_PAYLOAD };
const unescaped = (s: string, c: string) => new RegExp(`(?<!\\\\)\\${c}`).test(s);


describe('record text is data', () => {
  it('strips escape sequences, C1 controls, carriage returns and bidi overrides before a terminal', () => {
    const hostile = 'a\u001b[31mred\u001b[0m \u001b]8;;https://x.test\u0007link\u001b]8;;\u0007 \u001b]0;title\u0007\rover\u009b2J\u202eevil\u0007z';
    const safe = terminalSafe(hostile);
    // An 8-bit CSI loses its introducer and nothing else: in text mis-read as Latin-1 what follows is a letter of a name.
    expect(safe).toBe('ared link \nover2Jevilz');
    expect(safe).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('escapes Markdown and HTML so text cannot become markup or links', () => {
    expect(markdownInline('a | b <b>x</b> [click](javascript:alert(1)) *x* `c`')).toBe(
      'a \\| b &lt;b&gt;x&lt;/b&gt; \\[click\\](javascript:alert(1)) \\*x\\* \\`c\\`',
    );
    // Inline text is one line: a newline inside a name would end a heading or a table row.
    expect(markdownInline('# not a heading\n- not a list\n1. not ordered')).toBe('\\# not a heading - not a list 1. not ordered');
    expect(markdownBlock('# not a heading\n- not a list\n1. not ordered')).toBe('\\# not a heading<br>\n\\- not a list<br>\n1\\. not ordered');
    expect(markdownCell('line one\nline | two')).toBe('line one<br>line \\| two');
  });
});

describe('terminalSafe', () => {
  for (const [name, payload] of Object.entries(all)) {
    it(`leaves no byte of the ${name} payload's sequences`, () => {
      for (const out of [terminalSafe(`a ${payload} b`), terminalSafeLine(`a ${payload} b`)]) {
        expect(findControlBytes(out)).toBeNull();
        expect(terminalTrace(out)).toBeNull();
      }
    });
  }

  it('keeps newlines and tabs in blocks, and makes one line of a cell', () => {
    expect(terminalSafe('a\tb\nc\r\nd')).toBe('a\tb\nc\nd');
    expect(terminalSafeLine('a\tb\nc\rd')).toBe('a b c d');
  });

  it('keeps ordinary text, accents and emoji as they are', () => {
    const text = 'Zoë said "it\'s fine" - 50% of days; café £3 😀 — ok';
    expect(terminalSafe(text)).toBe(text);
  });

  it('never lets a control, C1 or bidi character through, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(findControlBytes(terminalSafe(s))).toBeNull();
        expect(terminalSafeLine(s)).not.toMatch(/[\n\t]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('Markdown escaping', () => {
  for (const [name, payload] of Object.entries(all)) {
    it(`makes the ${name} payload inert in inline text, blocks and table cells`, () => {
      for (const out of [markdownInline(payload), markdownBlock(payload), markdownCell(payload)]) {
        expect(findControlBytes(out)).toBeNull();
        expect(terminalTrace(out)).toBeNull();
        expect(markdownTrace(`| a |\n|---|\n| ${markdownCell(payload)} |`)).toBeNull();
        expect(markdownTrace(out)).toBeNull();
      }
    });
  }

  it('escapes pipes, backslashes, HTML and link syntax; a javascript: link stays text', () => {
    expect(markdownInline('a|b')).toBe('a\\|b');
    expect(markdownInline('C:\\path')).toBe('C:\\\\path');
    expect(markdownInline('<b>&')).toBe('&lt;b&gt;&amp;');
    expect(markdownInline('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(markdownInline('# not a heading')).toBe('\\# not a heading');
    expect(markdownInline('name\r# heading')).toBe('name # heading');
  });

  it('inline and cell text is one line with no unescaped syntax, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        // A cell's own line breaks are <br>, ours; nothing else may be markup.
        for (const out of [markdownInline(s), markdownCell(s).replace(/<br>/g, ' ')]) {
          expect(out).not.toMatch(/[\n\r<>]/);
          for (const c of ['|', '[', ']', '`', '*', '_']) expect(unescaped(out.replace(/\\\\/g, ''), c), `${c} in ${JSON.stringify(out)}`).toBe(false);
          expect(findControlBytes(out)).toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('template text (templates are data, possibly from NTK_TEMPLATE_PATH)', () => {
  it('renders a template planted with every payload without a byte of them, colour on', async () => {
    const { defaultTemplate } = await import('../../src/template/load-template.js');
    const { renderTemplateTerminal } = await import('../../src/render/template-terminal.js');
    const { Chalk } = await import('chalk');
    const { plantEverywhere } = await import('../support/payloads.js');
    const { template } = defaultTemplate();
    const { record: hostile, planted } = plantEverywhere(template, COMBINED_PAYLOAD);
    expect(planted).toBeGreaterThan(100);
    const out = renderTemplateTerminal(hostile, hostile.areas, new Chalk({ level: 1 }), 100);
    expect(findControlBytes(out, { allowColour: true })).toBeNull();
    expect(terminalTrace(out)).toBeNull();
    expect(out).toContain('Text P ');
  });
});
