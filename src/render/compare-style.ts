import type { ComparedChild, SiblingComparison } from '../analyse/sibling-comparison.js';
import { longDate } from '../record/dates.js';
import type { SiblingFlag } from '../validate/sibling-rules.js';
import { shortDate } from './history-style.js';

/**
 * The words of `ntk compare`, for every format. Record text (names) comes in
 * through `esc`, which each format gives: terminal-safe, Markdown-escaped or
 * HTML-escaped. Flags are worded as questions: a difference in scores is a
 * conversation to have, never a finding about a parent.
 */
export type Escape = (text: string) => string;

export function childName(child: ComparedChild, esc: Escape): string {
  return esc(child.name ?? child.ref);
}

/** "8, initial 29 Sep 2020": what a column header says under the name. */
export function childColumn(child: ComparedChild): string {
  const age = child.ageYears === null ? '' : `${child.ageYears}, `;
  return `${age}${child.type === 'initial' ? 'initial' : 'review'} ${shortDate(child.completed)}`;
}

export function possessive(name: string): string {
  return `${name}'s`;
}

/** The question a flag raises, in one sentence. */
export function flagQuestion(sheet: SiblingComparison, flag: SiblingFlag, esc: Escape): string {
  const area = sheet.areas.find((a) => a.key === flag.area)!;
  const index = (key: string) => area.sections.find((s) => s.key === key)!;
  if (flag.code === 'household-wide-differs') {
    const section = index(flag.section);
    const scores = sheet.children.map((c, i) => `${childName(c, esc)} ${section.scores[i] ?? 'not scored'}`).join(', ');
    return `${section.key} ${esc(section.title)} is usually the same for every child in the home, but is scored ${scores}: is the home different for them, or is one child's experience of it?`;
  }
  const scoresOf = (child: number) => flag.sections.map((key) => index(key).scores[child] ?? 'not scored').join(', ');
  const which = flag.sections.length === 1 ? `section ${flag.sections[0]}` : `sections ${flag.sections.join(', ')}`;
  if (flag.pairs.length === 1) {
    const { better, worse } = flag.pairs[0]!;
    return `${possessive(childName(sheet.children[better]!, esc))} ${area.title.toLowerCase()} is ${scoresOf(better)}; ${possessive(childName(sheet.children[worse]!, esc))} ${scoresOf(worse)} (${which}): is care different between them?`;
  }
  // Several pairs: every child named apart, better-scored first.
  const named = [...new Set(flag.pairs.flatMap((p) => [p.better, p.worse]))];
  const total = (child: number) => flag.sections.reduce((sum, key) => sum + (index(key).scores[child] ?? 0), 0);
  const towardsWorse = sheet.template.better === 'higher' ? -1 : 1;
  named.sort((a, b) => towardsWorse * (total(a) - total(b)) || a - b);
  return `${area.title} (${which}) is ${named.map((child) => `${scoresOf(child)} for ${childName(sheet.children[child]!, esc)}`).join('; ')}: is care different between them?`;
}

/** Said when the toolkits compared are far apart in time. */
export function farApartNote(sheet: SiblingComparison): string | null {
  if (!sheet.farApart) return null;
  const dates = sheet.children.map((c) => c.completed).sort();
  return `These toolkits are ${sheet.spanDays} days apart (${longDate(dates[0]!)} to ${longDate(dates[dates.length - 1]!)}): the home and the children may have changed in between, so differences may be time rather than care. Compare toolkits from the same time where you can (--on DATE).`;
}

export const NO_FLAGS = 'No differential care marked: no section is 2 or more apart, and no child is scored better throughout an area by 2 or more. Sections usually the same for every child in the home are scored alike.';

export const DIFFERENTIAL_MARK = '◆';
export const HOUSEHOLD_MARK = '⌂';

/** The key under the grid, with the end of the template's scale that is better care. */
export function compareKey(sheet: SiblingComparison): string {
  return `${DIFFERENTIAL_MARK} differential care or a home-wide difference to talk about · ${HOUSEHOLD_MARK} usually the same for every child in the home · ${sheet.template.better} scores mean better care`;
}
