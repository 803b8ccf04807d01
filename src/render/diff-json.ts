import type { ReviewDiff } from '../analyse/review-diff.js';
import { scaleWords } from '../template/scale-facts.js';
import { areaLine, textLabel } from './diff-style.js';
import { jsonSafe } from './safe-text.js';

/**
 * The review diff for scripts: the model's facts, and beside them the words
 * the terminal shows (each area's `line`, each text's `label`), so a script
 * can print what a practitioner would read without wording it again.
 */
export function renderDiffJson(diff: ReviewDiff): string {
  // The scale is the template's, which scripts read with `ntk template --format json`; each area's line is worded from it.
  const { scale, ...facts } = diff;
  const { worst } = scaleWords(scale);
  const json = {
    ...facts,
    areas: diff.areas.map(({ area, number, title, verdict, highestFrom, highestTo, counts }) => ({
      area,
      number,
      title,
      verdict,
      line: areaLine({ verdict, counts, highestFrom, highestTo }, worst),
      highestFrom,
      highestTo,
      counts,
    })),
    text: diff.text.map(({ path, about, area, from, to, rewritten, parts }) => ({ path, label: textLabel(about), area, from, to, rewritten, parts })),
  };
  return `${jsonSafe(json)}\n`;
}
