import type { TemplateIndex } from '../template/load-template.js';

// What counts as a change between two versions of a record, for the review diff and for history
// alike: a section's change from its two scores, and the free texts compared, whitespace collapsed.
// A module of its own so that history, which counts changed texts but never diffs their words,
// does not load the word diff.

/** How one section's score moved between two toolkits, by the scale's order of care. */
export type SectionChange = 'improved' | 'deteriorated' | 'unchanged' | 'newly-assessed' | 'no-longer-assessed';
export const SECTION_CHANGES: readonly SectionChange[] = ['improved', 'deteriorated', 'unchanged', 'newly-assessed', 'no-longer-assessed'];

/** The change label for one section, from its two scores (null: not scored) and the scale's order of care. */
export function sectionChange(from: number | null, to: number | null, rank: TemplateIndex['rank']): SectionChange {
  if (from === null && to === null) return 'unchanged';
  if (from === null) return 'newly-assessed';
  if (to === null) return 'no-longer-assessed';
  if (rank(to) < rank(from)) return 'improved';
  if (rank(to) > rank(from)) return 'deteriorated';
  return 'unchanged';
}

/** The free texts the review diff compares, by where they are: each section's, each area's, the child's voice, the summary. */
export const SECTION_TEXTS = ['evidence', 'not_relevant'] as const;
export const AREA_TEXTS = ['impact', 'strengths', 'concerns'] as const;
export const CHILD_VOICE_TEXTS = ['working_well', 'worried_about', 'needs_to_happen'] as const;
export const SUMMARY_TEXTS = ['analysis', 'parent_views'] as const;

/** A re-wrapped paragraph is not a change: whitespace is compared, and diffed, collapsed. */
export function normalise(text: string | undefined): string | null {
  if (text === undefined) return null;
  const t = text.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}
