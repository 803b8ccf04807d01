/**
 * The folded form of a text that redaction matches against: one lower-case,
 * accent-free spelling for every way a word can be typed, with a map back to
 * the original so a match replaces exactly the characters the reader sees.
 *
 * Folding is per character, in one pass: Zoë, Zoe, ZOË and Zoe-with-a-
 * combining-diaeresis all fold to "zoe"; the curly apostrophe Word types and
 * the other apostrophe forms fold to "'"; every dash to "-"; non-breaking and
 * other wide spaces to " "; soft hyphens and zero-width characters to nothing.
 */
export interface FoldedText {
  /** The text, NFC-normalised: what a redacted copy is built from. */
  text: string;
  folded: string;
  /** origin[i] is the index in `text` of the character folded[i] came from; origin[folded.length] is text.length. */
  origin: Int32Array;
}

const apostrophes = new Set(['\u2019', '\u2018', '\u02BC', '\u201B', '\u0060', '\u00B4', '\u2032', '\uFF07']);
const dashes = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D']);
const invisible = new Set(['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);
// Letters that Unicode does not decompose into a base letter and a mark.
const unDecomposed: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd' };

const cache = new Map<string, string>();

/** The folded form of one character (a code point). */
export function foldChar(ch: string): string {
  const known = cache.get(ch);
  if (known !== undefined) return known;
  let out: string;
  if (apostrophes.has(ch)) out = "'";
  else if (dashes.has(ch)) out = '-';
  else if (invisible.has(ch)) out = '';
  else if (/\s/u.test(ch)) out = ch === '\n' ? '\n' : ' ';
  else {
    const lower = ch.toLowerCase();
    out = unDecomposed[lower] ?? lower.normalize('NFKD').replace(/\p{M}/gu, '');
  }
  if (cache.size < 10_000) cache.set(ch, out);
  return out;
}

export function foldText(input: string): FoldedText {
  const text = input.normalize('NFC');
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = foldChar(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += ch.length;
  }
  origin.push(text.length);
  return { text, folded, origin: Int32Array.from(origin) };
}

/** A word or name folded on its own, e.g. for a lookup key. */
export function foldWord(word: string): string {
  return foldText(word).folded;
}
