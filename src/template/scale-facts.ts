import type { RegistryWords } from '../record/finding-codes.js';
import type { ToolkitTemplate } from './template.generated.js';

/** What a scale is besides its words: its scores, which are worrying, and which end is the better care. */
export interface ScaleFacts {
  scale: readonly Pick<ToolkitTemplate['scale'][number], 'score' | 'worrying'>[];
  better?: ToolkitTemplate['better'];
}

/**
 * The scale's scores from the best care to the worst. A template says which
 * end is better (`better`, lower when omitted), so every comparison of care -
 * improved or worse, the worst score of an area, a pair of siblings - goes
 * through this order and never through the numbers themselves.
 */
export function bestFirst(scale: ScaleFacts): number[] {
  const scores = scale.scale.map((p) => p.score);
  return scale.better === 'higher' ? scores.reverse() : scores;
}

/** A score's distance from the best care: 0 for the best, the scale's length less one for the worst; a score off the scale by how far it is past either end. */
export function scoreRanker(scale: ScaleFacts): (score: number) => number {
  const order = bestFirst(scale);
  const best = order[0]!;
  const downwards = order.length > 1 && order[1]! < best;
  return (score) => (downwards ? best - score : score - best);
}

/** Words in a list as a sentence says them: "1 or 2", "3s and 4s", "8, 9 or 10". */
export function listWords(words: readonly string[], and: 'and' | 'or'): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]!}`;
}

/** How sentences, headers and keys say a scale's facts, from the template so no view writes "3 or 4" for a scale of its own. */
export interface ScaleWords extends RegistryWords {
  /** The worst score of an area: "highest" where lower is better, "lowest" where higher is. */
  worst: 'highest' | 'lowest';
  /** The same at the start of a sentence or a heading. */
  worstHeading: 'Highest' | 'Lowest';
  /** The better end: "lower" or "higher", as in "lower scores mean better care". */
  better: 'lower' | 'higher';
  /** The same at the start of a sentence: "Lower scores mean better care." */
  betterHeading: 'Lower' | 'Higher';
  /** The best score that is not worrying: "kept at 2 or better" on nscp-ncscp/2021's scale. */
  lastCalm: number | undefined;
}

export function scaleWords(scale: ScaleFacts): ScaleWords {
  const scores = scale.scale.filter((p) => p.worrying === true).map((p) => p.score);
  const first = scores[0];
  const last = scores[scores.length - 1];
  const consecutive = scores.every((s, i) => i === 0 || s === scores[i - 1]! + 1);
  // Only the two words the schema allows are ever shown: a template is data and may come from anywhere.
  const better = scale.better === 'higher' ? 'higher' : 'lower';
  const calm = bestFirst(scale).filter((s) => scale.scale.find((p) => p.score === s)?.worrying !== true);
  return {
    or: listWords(scores.map(String), 'or'),
    plural: listWords(scores.map((s) => `${s}s`), 'and'),
    range: first === last ? String(first) : consecutive ? `${first}-${last}` : scores.join(','),
    span: `${scale.scale[0]!.score}-${scale.scale[scale.scale.length - 1]!.score}`,
    worst: better === 'higher' ? 'lowest' : 'highest',
    worstHeading: better === 'higher' ? 'Lowest' : 'Highest',
    better,
    betterHeading: better === 'higher' ? 'Higher' : 'Lower',
    lastCalm: calm[calm.length - 1],
  };
}
