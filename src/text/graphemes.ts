/**
 * User-perceived characters (grapheme clusters): an emoji with its skin tone
 * or zero-width joins, a letter with its combining accents, a flag. Text is
 * only ever cut between them, never inside one and never between the two
 * halves of a surrogate pair (which would print as U+FFFD).
 *
 * Kept apart from the layout module (src/render/text-layout.ts) and free of
 * packages, so `ntk check` can shorten a quoted value without loading
 * display-width tables; the segmenter is made on first use.
 */
let segmenter: Intl.Segmenter | undefined;

export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** At most `max` graphemes of `text`, with `...` (counted in `max`) when it was longer. */
export function shortenGraphemes(text: string, max: number): string {
  // Fewer UTF-16 units than `max` means fewer graphemes too: the common case needs no segmenting.
  if (text.length <= max) return text;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  // The segmenter walks lazily: a value of megabytes (a refused over-long field) costs only its first graphemes.
  let count = 0;
  let cut = 0;
  for (const { index } of segmenter.segment(text)) {
    if (count === Math.max(0, max - 3)) cut = index;
    if (++count > max) return `${text.slice(0, cut)}...`;
  }
  return text;
}
