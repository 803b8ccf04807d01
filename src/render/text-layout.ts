import stringWidth from 'string-width';
import { graphemes } from '../text/graphemes.js';

/**
 * Text laid out for a terminal by what the eye sees: every width is in
 * display columns (a CJK character or an emoji takes two, a combining
 * accent none, a colour escape none), and text is only ever broken between
 * grapheme clusters and outside escape sequences, so a child's emoji or a
 * name's accents are never cut into U+FFFD. Every terminal view (summary,
 * diff, history, report, template, textconv, prompts) wraps, pads and draws
 * tables through this module. Record text reaches it already made
 * terminal-safe (src/render/safe-text.ts); the only escapes left are ntk's
 * own colours.
 */

/**
 * Characters that each take one column and never join another into one
 * grapheme: printable ASCII, Latin-1's letters and signs (not the soft
 * hyphen, which takes none), Latin Extended-A and -B, the dashes, quotes,
 * bullets and ellipsis of general punctuation, the currency signs - what
 * records are mostly written in ("café", "child’s", "£20 – weekly") - and
 * what ntk draws with: arrows, the house, box drawing, blocks and shapes
 * (not ◽ ◾, emoji two columns wide), ★ ☐ ☑ ☒ ⚠ ✔ ✖.
 * Text of these alone is as wide as it is long, without the width tables,
 * whose first use costs about as much as Node's own start: git's textconv
 * pays that once per blob (the bundle starts string-width on first use,
 * scripts/bundle.mjs), and `ntk summary`, whose tables and bars once sent
 * it there, took 24 ms to start them and 8 more to measure. A property test
 * holds this to string-width, for every one of these characters.
 */
export const NARROW_CHARACTERS = '\u0021-\u007E\u00A1-\u00AC\u00AE-\u024F\u2010-\u2027\u20A0-\u20C0\u2190-\u21FF\u2302\u2500-\u25FC\u2605\u2610-\u2612\u26A0\u2714\u2716';
const narrowText = new RegExp(`^[\u0020\u00A0${NARROW_CHARACTERS}]*$`);

/** Columns `text` takes on a terminal; escape sequences take none. */
export function displayWidth(text: string): number {
  return narrowText.test(text) ? text.length : stringWidth(text);
}

/** `text` followed by spaces up to `width` display columns (as String#padEnd, by what the eye sees). */
export function padEndDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

// An escape sequence (ntk's own colours, chiefly) is one unit of no width that a break never falls inside.
const escapeSequence = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\))/g;

/** The units a word may be broken between: escape sequences whole, and grapheme clusters. */
function breakUnits(word: string): string[] {
  const units: string[] = [];
  let at = 0;
  for (const m of word.matchAll(escapeSequence)) {
    units.push(...graphemes(word.slice(at, m.index)), m[0]);
    at = m.index + m[0].length;
  }
  units.push(...graphemes(word.slice(at)));
  return units;
}

/**
 * A word wider than `room` in pieces that each fit, broken only between
 * graphemes; a piece is wider than `room` only when one grapheme is.
 */
export function breakWord(word: string, room: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const unit of breakUnits(word)) {
    const w = displayWidth(unit);
    if (used > 0 && used + w > room) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += unit;
    used += w;
  }
  if (piece !== '' || pieces.length === 0) pieces.push(piece);
  return pieces;
}

/** A word to lay out: `text` is what is printed (possibly styled), `width` its display columns. */
export interface LayoutWord {
  text: string;
  width: number;
  /** Pieces of a word too wide for a line, each styled on its own; by default `breakWord` of the text. */
  pieces?: (room: number) => string[];
}

/** Words into lines of at most `room` columns, one space between words; over-long words broken between graphemes. */
export function fillLines(words: readonly LayoutWord[], room: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of words) {
    // `line`, not `used`: a word of no width (a lone combining accent) is still text to keep.
    if (line !== '' && used + 1 + word.width <= room) {
      line += ` ${word.text}`;
      used += 1 + word.width;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word.text;
    used = word.width;
    if (used > room) {
      const pieces = word.pieces ? word.pieces(room) : breakWord(word.text, room);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1]!;
      used = displayWidth(line);
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Room left on a line of `width` columns after `indent`: never less than one column. */
export function roomAfter(indent: string, width: number): number {
  return Math.max(1, width - displayWidth(indent));
}

/** A line of words of narrow characters (narrowText's, less its two spaces) with one space between each two. */
const plainLine = new RegExp(`^[${NARROW_CHARACTERS}]+(?: [${NARROW_CHARACTERS}]+)*$`);

/**
 * A plain line (plainLine) wrapped as fillLines wraps its words, cut at the
 * last space that leaves each line within `room`, without making the words
 * one by one; null for any other line, and for one with a word wider than
 * the room (fillLines breaks it between graphemes).
 */
function wrapPlainLine(line: string, room: number, indent: string): string | null {
  if (!plainLine.test(line)) return null;
  let out = '';
  let start = 0;
  while (line.length - start > room) {
    const cut = line.lastIndexOf(' ', start + room);
    if (cut <= start) return null;
    out += `${indent}${line.slice(start, cut)}\n`;
    start = cut + 1;
  }
  return `${out}${indent}${line.slice(start)}`;
}

/**
 * Word-wraps text to `width` display columns, keeping paragraph breaks, with
 * `indent` on every line. Breaks fall at spaces; a word wider than the line
 * (a run of emoji, a line of Chinese) is broken between graphemes.
 */
export function wrapText(text: string, width: number, indent = ''): string {
  const room = roomAfter(indent, width);
  const trimmed = text.trim();
  // One line (each change of a long history is one): no paragraphs or lines to split it into and join again.
  if (!trimmed.includes('\n')) return wrapLine(trimmed, room, indent);
  return trimmed
    .split(/\n{2,}/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => wrapLine(line, room, indent))
        .join('\n'),
    )
    .join(`\n${indent.trimEnd()}\n`);
}

/** One line of text wrapped to `room` columns, `indent` before each line. */
function wrapLine(line: string, room: number, indent: string): string {
  return (
    wrapPlainLine(line, room, indent) ??
    fillLines(
      line.split(/\s+/).filter((w) => w !== '').map((w) => ({ text: w, width: displayWidth(w) })),
      room,
    )
      .map((l) => indent + l)
      .join('\n')
  );
}

/** At most `width` display columns of one-line text, ending in `...` when it was cut; cut only between graphemes. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  return `${breakWord(text, Math.max(1, width - 3))[0]}...`;
}

/**
 * A table with box-drawing borders and a rule between rows, each cell
 * padded by display width (one space either side), so columns line up
 * whatever scripts, accents or emoji a cell holds.
 */
export function boxTable(rows: readonly (readonly string[])[]): string {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(0, ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const rule = (left: string, join: string, right: string) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(join)}${right}`;
  const row = (r: readonly string[]) => `│${widths.map((w, i) => ` ${padEndDisplay(r[i] ?? '', w)} `).join('│')}│`;
  return [rule('┌', '┬', '┐'), rows.map(row).join(`\n${rule('├', '┼', '┤')}\n`), rule('└', '┴', '┘')].join('\n');
}
