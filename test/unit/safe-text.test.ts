import { describe, expect, it } from 'vitest';
import { markdownCell, markdownInline, terminalSafe } from '../../src/render/safe-text.js';

describe('record text is data', () => {
  it('strips escape sequences, C1 controls, carriage returns and bidi overrides before a terminal', () => {
    const hostile = 'a\u001b[31mred\u001b[0m \u001b]8;;https://x.test\u0007link\u001b]8;;\u0007 \u001b]0;title\u0007\rover\u009b2J\u202eevil\u0007z';
    const safe = terminalSafe(hostile);
    expect(safe).toBe('ared link \noverevilz');
    expect(safe).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('keeps newlines and tabs', () => {
    expect(terminalSafe('a\n\tb')).toBe('a\n\tb');
  });

  it('escapes Markdown and HTML so text cannot become markup or links', () => {
    expect(markdownInline('a | b <b>x</b> [click](javascript:alert(1)) *x* `c`')).toBe(
      'a \\| b &lt;b&gt;x&lt;/b&gt; \\[click\\](javascript:alert(1)) \\*x\\* \\`c\\`',
    );
    expect(markdownInline('# not a heading\n- not a list\n1. not ordered')).toBe('\\# not a heading\n\\- not a list\n1\\. not ordered');
    expect(markdownCell('line one\nline | two')).toBe('line one<br>line \\| two');
  });
});
