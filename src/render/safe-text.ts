/**
 * Record text is data, never markup or terminal control. These functions are
 * the only way record text reaches a terminal or a Markdown document.
 */

// A control string closed by its terminator (BEL, ESC \ or ST U+009C): OSC (titles, OSC 8 link targets), DCS, SOS, PM,
// APC, in their 7-bit (ESC ] P X ^ _) and 8-bit (U+009D U+0090 U+0098 U+009E U+009F) forms. What is inside is an
// instruction to the terminal, never text for the reader, so the whole string goes.
const closedString = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u0090\u0098\u009c-\u009f]*(?:\u0007|\u001b\\|\u009c)/g;
// A complete 7-bit CSI (colours, cursor movement, clearing the screen): none of it is text.
const csi = /\u001b\[[0-?]*[ -/]*[@-~]/g;
// Any other ESC sequence: ESC, intermediates, one final character. An unterminated ESC ] or ESC P loses only its
// two-character introducer here, so the text after it is kept.
const escape = /\u001b[ -/]*[0-~]?/g;
// What is left that a reader cannot see or that changes how the rest is shown: C0 controls (but tab and newline),
// DEL, C1 controls (an 8-bit introducer on its own, as text mis-read as Latin-1 is full of, goes and the text after
// it stays), and every Unicode format character: bidi controls that reorder a line, zero-width spaces and joiners,
// soft hyphens, tag characters, invisible fillers. A zero-width (non-)joiner between two non-ASCII characters is
// kept: emoji sequences and Indic scripts need it, and it cannot hide anything in Latin text.
const shownNonAscii = '[^\\u0000-\\u009f\\p{Cf}\\p{Zl}\\p{Zp}\\u115f\\u1160\\u3164\\uffa0]';
const invisible = new RegExp(`(?<=${shownNonAscii})([\\u200c\\u200d])(?=${shownNonAscii})|[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u115f\\u1160\\u3164\\uffa0]|\\p{Cf}`, 'gu');

const plainAscii = /^[\u0020-\u007e\n\t]*$/;
const plainAsciiLine = /^[\u0020-\u007e]*$/;

/**
 * The one sanitiser every output format calls (terminal, Markdown, HTML,
 * CSV, GitHub annotations; JSON escapes the same characters instead, see
 * `jsonSafe`): record text, file names and git metadata are shown as text,
 * never as terminal control or invisible characters. Tab and newline stay;
 * carriage returns and Unicode line separators become newlines.
 */
export function terminalSafe(text: string): string {
  // Most text is printable ASCII, which none of the patterns below can match: a check of 100,000 findings skips them.
  if (plainAscii.test(text)) return text;
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(closedString, '')
    .replace(csi, '')
    .replace(escape, '')
    .replace(invisible, (_c, joiner: string | undefined) => joiner ?? '');
}

/** For one-line places (table cells, prompt defaults, file names): newlines and tabs become spaces too. */
export function terminalSafeLine(text: string): string {
  if (plainAsciiLine.test(text)) return text;
  return terminalSafe(text).replace(/[\n\t]+/g, ' ');
}

/** Characters JSON.stringify leaves raw that a terminal or an editor would act on or hide: written as \\u escapes. */
const jsonUnsafe = /[\u007f-\u009f\u2028\u2029\u115f\u1160\u3164\uffa0]|\p{Cf}/gu;

/**
 * JSON for machines: every string kept exactly (a script gets the real
 * data), but controls, bidi, zero-width and tag characters are written as
 * `\\u` escapes of four hex digits, so the bytes printed are as inert as the other formats.
 */
export function jsonSafe(value: unknown, space = 2): string {
  return JSON.stringify(value, null, space).replace(jsonUnsafe, (c) => [...c].map(unitEscapes).join(''));
}

function unitEscapes(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
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
