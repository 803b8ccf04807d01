/**
 * Record text is data, never markup or terminal control. These functions are
 * the only way record text reaches a terminal or a Markdown document.
 */

// ESC sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), DCS/SOS/PM/APC strings, and two-byte ESC x.
const escapeSequence = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[@-Z\\-_])?/g;
// C1 control characters can start the same sequences on terminals that honour 8-bit controls.
const c1String = /[\u0090\u0098\u009d\u009e\u009f][^\u0007\u009c]*(?:\u0007|\u009c)?|\u009b[0-?]*[ -/]*[@-~]?/g;
// Remaining C0 (but tab and newline), DEL, C1, and the bidi controls that can reorder what a reader sees.
const otherControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print to a terminal: no escape sequences, no carriage returns, no bidi overrides. */
export function terminalSafe(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(escapeSequence, '').replace(c1String, '').replace(otherControls, '');
}

/** For one-line places (table cells, prompt defaults, file names): newlines and tabs become spaces too. */
export function terminalSafeLine(text: string): string {
  return terminalSafe(text).replace(/[\n\t]+/g, ' ');
}

/**
 * Markdown inline text: control characters removed, then every character
 * that Markdown or HTML could read as syntax is escaped, so a `|` cannot
 * break a table, `<b>` stays visible text and `[x](javascript:...)` is no
 * link. Line breaks become spaces. Characters that only matter at the start of a line (headings, lists,
 * quotes) are escaped there, so ordinary prose stays readable in the source.
 */
export function markdownInline(text: string): string {
  // One line: a newline (or a stray carriage return) inside a name would end a heading or a table row.
  return terminalSafeLine(text)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([#+=-]|\d+(?=[.)]))/gm, (_m, space: string, mark: string) => `${space}${/^\d/.test(mark) ? `${mark}\\` : `\\${mark}`}`);
}

/** Markdown for a free-text block: each paragraph escaped; single newlines kept as line breaks. */
export function markdownBlock(text: string): string {
  return terminalSafe(text)
    .trim()
    .split(/\n{2,}/)
    .map((para) => para.split('\n').map(markdownInline).join('<br>\n'))
    .join('\n\n');
}

/** Markdown for a table cell: one line, with line breaks as <br>. */
export function markdownCell(text: string): string {
  return terminalSafe(text).trim().split(/\n+/).map(markdownInline).join('<br>');
}
