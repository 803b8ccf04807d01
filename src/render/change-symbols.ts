import type { SectionChange } from '../analyse/record-changes.js';
import type { ScaleWords } from '../template/scale-facts.js';

/**
 * How a change looks. The arrow points the way the score moved, so "better"
 * points down a scale where lower is better and up one where higher is.
 * Every change carries a symbol and a word as well as a colour, so it reads
 * the same with NO_COLOR and in greyscale.
 */
export function changeSymbols(better: ScaleWords['better']): Record<SectionChange, string> {
  const [down, up] = ['▼', '▲'];
  return { improved: better === 'higher' ? up : down, deteriorated: better === 'higher' ? down : up, unchanged: '=', 'newly-assessed': '+', 'no-longer-assessed': '-' };
}
