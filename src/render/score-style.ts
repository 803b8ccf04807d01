import type { ChalkInstance } from 'chalk';
import { bestFirst, scoreRanker, type ScaleFacts } from '../template/scale-facts.js';

/**
 * How a score looks. Colour is never the only signal: every cell carries the
 * number and a bar whose height grows with concern, so the grid reads the
 * same with NO_COLOR, in greyscale and for colour-blind readers.
 */
const bars = ['▂', '▄', '▆', '█'] as const;

/** Emoji squares for Markdown, where there is no colour otherwise. */
const squares = ['🟩', '🟨', '🟧', '🟥'] as const;

/** The four looks, from the best care to the worst: the two calm ones, then the two worrying ones. */
export type Look = 1 | 2 | 3 | 4;

/** A template's scale as every format draws it: each score's look, bar, square, badge and colour. */
export interface ScaleLook {
  look(score: number): Look;
  bar(score: number): string;
  square(score: number): string;
  /** A score in a coloured cell, with its bar. */
  badge(score: number, c: ChalkInstance): string;
  /** A score word for sentences and column headers. */
  colour(score: number | undefined, c: ChalkInstance): (s: string) => string;
}

const looks = new WeakMap<ScaleFacts, ScaleLook>();

/**
 * The look of each score, from the template: its calm scores share the two
 * calm looks and its worrying scores the two worrying ones, each group spread
 * from its best score to its worst, so nscp-ncscp/2021's 1-4 are the four
 * looks in turn, a 1-5 scale worrying at 4 and 5 shows 3 calm, and a 0-10
 * scale where higher is better shows 0 as the worst. The number is always
 * shown beside the look, so two scores sharing one still read apart.
 */
export function scaleLook(scale: ScaleFacts): ScaleLook {
  const known = looks.get(scale);
  if (known) return known;
  const order = bestFirst(scale);
  const isWorrying = (score: number) => scale.scale.some((p) => p.score === score && p.worrying === true);
  const calm = order.filter((s) => !isWorrying(s));
  const worrying = order.filter(isWorrying);
  const spread = (i: number, n: number, first: 1 | 3): Look => (n < 2 ? (first === 1 ? 1 : 4) : ((first + Math.round(i / (n - 1))) as Look));
  const byScore = new Map<number, Look>([...calm.map((s, i) => [s, spread(i, calm.length, 1)] as const), ...worrying.map((s, i) => [s, spread(i, worrying.length, 3)] as const)]);
  // A score off the scale is never shown by a valid record; were it, it takes the look of the end it is past.
  const rank = scoreRanker(scale);
  const look = (score: number): Look => byScore.get(score) ?? (rank(score) < 0 ? 1 : 4);
  const made: ScaleLook = {
    look,
    bar: (score) => bars[look(score) - 1]!,
    square: (score) => squares[look(score) - 1]!,
    badge: (score, c) => {
      const text = ` ${score}${bars[look(score) - 1]!} `;
      switch (look(score)) {
        case 1:
          return c.bgGreen.black(text);
        case 2:
          return c.bgYellowBright.black(text);
        case 3:
          return c.bgRgb(255, 140, 0).black(text);
        case 4:
          return c.bgRed.whiteBright.bold(text);
      }
    },
    colour: (score, c) => {
      if (score === undefined) return (s) => c.dim(s);
      switch (look(score)) {
        case 4:
          return (s) => c.red.bold(s);
        case 3:
          return (s) => c.rgb(255, 140, 0)(s);
        case 2:
          return (s) => c.yellow(s);
        case 1:
          return (s) => c.green(s);
      }
    },
  };
  looks.set(scale, made);
  return made;
}

export const NOT_RELEVANT_MARK = 'n/r';
export const NOT_ASSESSED_MARK = '·';
/** Beside a section whose parent's or carer's own score is far from the practitioner's, in every format. */
export const VIEWS_APART_MARK = 'talk it through';
