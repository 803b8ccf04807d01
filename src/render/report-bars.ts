import type { ScaleLook } from './score-style.js';

/** A bar of `width` cells for `value` out of `max`; at least one cell for anything above zero. */
export function barCells(value: number, max: number, width: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.round((value / max) * width));
}

/**
 * A stacked bar of one area's scores: each score's share drawn with that
 * score's glyph (taller for more concern), so it reads without colour.
 */
export function scoreStack(counts: readonly number[], scores: readonly number[], look: ScaleLook, width: number): { score: number; text: string }[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  // Largest remainders, so the parts always add up to the full width.
  const exact = counts.map((n) => (n / total) * width);
  const cells = exact.map(Math.floor);
  let left = width - cells.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest);
  for (const { i } of order) {
    if (left === 0) break;
    if (counts[i]! > 0) {
      cells[i]!++;
      left--;
    }
  }
  return cells.map((n, i) => ({ score: scores[i]!, text: look.bar(scores[i]!).repeat(n) })).filter((p) => p.text.length > 0);
}
