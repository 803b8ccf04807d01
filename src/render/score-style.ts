import type { ChalkInstance } from 'chalk';

/**
 * How a score looks. Colour is never the only signal: every cell carries the
 * number and a bar whose height grows with concern, so the grid reads the
 * same with NO_COLOR, in greyscale and for colour-blind readers.
 */
export const scoreBar: Record<number, string> = byLook(['▂', '▄', '▆', '█']);

/** Emoji squares for Markdown, where there is no colour otherwise. */
export const scoreSquare: Record<number, string> = byLook(['🟩', '🟨', '🟧', '🟥']);

/**
 * A score's look, 1 to 4, from better care to worse: a template's scale may
 * run from 0 to 10, and a score past 4 takes the look of the worst (its
 * number is always shown beside it, so 4 and 5 still read apart).
 */
export function scoreLook(score: number): 1 | 2 | 3 | 4 {
  return Math.min(4, Math.max(1, Math.round(score))) as 1 | 2 | 3 | 4;
}

function byLook(looks: readonly [string, string, string, string]): Record<number, string> {
  return Object.fromEntries(Array.from({ length: 11 }, (_, score) => [score, looks[scoreLook(score) - 1]!]));
}

export const NOT_RELEVANT_MARK = 'n/r';
export const NOT_ASSESSED_MARK = '·';
/** Beside a section whose parent's or carer's own score is far from the practitioner's, in every format. */
export const VIEWS_APART_MARK = 'talk it through';

export function scoreBadge(score: number, c: ChalkInstance): string {
  const text = ` ${score}${scoreBar[score] ?? ''} `;
  switch (scoreLook(score)) {
    case 1:
      return c.bgGreen.black(text);
    case 2:
      return c.bgYellowBright.black(text);
    case 3:
      return c.bgRgb(255, 140, 0).black(text);
    case 4:
      return c.bgRed.whiteBright.bold(text);
  }
}

/** A score word for sentences and column headers. */
export function scoreColour(score: number | undefined, c: ChalkInstance): (s: string) => string {
  if (score === undefined) return (s) => c.dim(s);
  if (score >= 4) return (s) => c.red.bold(s);
  if (score === 3) return (s) => c.rgb(255, 140, 0)(s);
  if (score === 2) return (s) => c.yellow(s);
  return (s) => c.green(s);
}
