import type { TemplateIndex } from '../template/load-template.js';

/**
 * Rules that compare the children of one home. The guidance asks to
 * "consider them individually as well as looking at things in the home which
 * impact all of them... there may be differences in the love and care
 * provided to individual children". Both rules raise a question for the
 * practitioner; a difference in scores is never a conclusion.
 */

/** One child's toolkit as the sibling rules need it: section scores by section key. */
export interface ChildScores {
  ref: string;
  completed: string;
  scores: Readonly<Record<string, number>>;
}

/**
 * `differential-care`: in one area, two children's care is scored apart -
 * a section 2 or more apart, or one child scored better throughout the area
 * (no section worse) by 2 or more points in all. The second catches the
 * difference the guidance means when no single section shows it (Tyler's
 * emotional warmth 1, 1, 2 beside Mary Jo's 2, 2, 2). Household-wide sections
 * are left to `household-wide-differs`. One flag per area, naming every pair
 * of children found apart.
 */
export interface DifferentialCare {
  code: 'differential-care';
  area: string;
  /** Pairs of children, by index into the list given: `better` is the one scored better (towards the template's better end). */
  pairs: { better: number; worse: number }[];
  /** The sections whose scores differ, in template order. */
  sections: string[];
}

/** `household-wide-differs`: a section the template marks as the same for every child in the home is scored differently. */
export interface HouseholdWideDiffers {
  code: 'household-wide-differs';
  area: string;
  section: string;
}

export type SiblingFlag = DifferentialCare | HouseholdWideDiffers;

/** A review period: siblings' toolkits further apart than this are not taken to describe the same home at the same time. */
export const FAR_APART_DAYS = 92;

/** Sections two or more apart make a difference on their own; so does a consistent gap of this size over an area. */
const DIFFERENTIAL_GAP = 2;

export function siblingFlags(children: readonly ChildScores[], template: TemplateIndex): SiblingFlag[] {
  const out: SiblingFlag[] = [];
  for (const tArea of template.template.areas) {
    const own = tArea.sections.filter((s) => !s.household_wide);
    const pairs: DifferentialCare['pairs'] = [];
    const sections = new Set<string>();
    for (let i = 0; i < children.length; i++) {
      for (let j = i + 1; j < children.length; j++) {
        const apart = differentialCare(own.map((s) => s.key), children, i, j, template.rank);
        if (!apart) continue;
        pairs.push({ better: apart.better, worse: apart.worse });
        for (const key of apart.sections) sections.add(key);
      }
    }
    if (pairs.length > 0) out.push({ code: 'differential-care', area: tArea.key, pairs, sections: own.map((s) => s.key).filter((key) => sections.has(key)) });
    for (const tSection of tArea.sections) {
      if (!tSection.household_wide) continue;
      const scored = children.map((c) => c.scores[tSection.key]).filter((s): s is number => s !== undefined);
      if (new Set(scored).size > 1) out.push({ code: 'household-wide-differs', area: tArea.key, section: tSection.key });
    }
  }
  return out;
}

function differentialCare(sectionKeys: readonly string[], children: readonly ChildScores[], i: number, j: number, rank: TemplateIndex['rank']): { better: number; worse: number; sections: string[] } | null {
  const gaps: { section: string; gap: number }[] = [];
  for (const key of sectionKeys) {
    const a = children[i]!.scores[key];
    const b = children[j]!.scores[key];
    // The gap is in steps of care, so a positive gap means child i is scored worse whichever end of the scale is better.
    if (a !== undefined && b !== undefined && a !== b) gaps.push({ section: key, gap: rank(a) - rank(b) });
  }
  if (gaps.length === 0) return null;
  const total = gaps.reduce((sum, g) => sum + g.gap, 0);
  const oneWay = gaps.every((g) => Math.sign(g.gap) === Math.sign(total));
  const wide = gaps.filter((g) => Math.abs(g.gap) >= DIFFERENTIAL_GAP);
  if (oneWay && Math.abs(total) >= DIFFERENTIAL_GAP) {
    return { better: total > 0 ? j : i, worse: total > 0 ? i : j, sections: gaps.map((g) => g.section) };
  }
  if (wide.length === 0) return null;
  // Mixed directions: the widest gaps name the pair's order.
  const lead = wide.reduce((sum, g) => sum + g.gap, 0) >= 0;
  return { better: lead ? j : i, worse: lead ? i : j, sections: wide.map((g) => g.section) };
}
