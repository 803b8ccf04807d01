import { scoresBySection } from '../record/sections.js';
import type { ChildVoice, ToolkitRecord } from '../record/types.js';
import type { TemplateIndex } from '../template/load-template.js';
import { daysBetween } from '../record/dates.js';
import { FAR_APART_DAYS, siblingFlags, type ChildScores, type SiblingFlag } from '../validate/sibling-rules.js';
import { ageOn } from './summary-sheet.js';

/**
 * Siblings (or any children) side by side, as data: a column per child, a
 * row per area and section, the sibling rules' flags, and each child's own
 * words. Renderers word it; nothing here is a sentence.
 */
export interface SiblingComparison {
  /** The template's scale: its words, which scores are worrying, and which end is the better care. */
  template: { id: string; title: string; better: 'lower' | 'higher'; scale: { score: number; label: string; worrying?: boolean }[] };
  children: ComparedChild[];
  /** Days between the earliest and the latest assessment compared. */
  spanDays: number;
  /** More apart than a review period: the home, and the children, may have changed in between. */
  farApart: boolean;
  areas: ComparedArea[];
  flags: SiblingFlag[];
}

export interface ComparedChild {
  ref: string;
  name: string | null;
  born: string | null;
  /** Whole years on the day the toolkit was completed. */
  ageYears: number | null;
  household: string | null;
  type: 'initial' | 'review';
  completed: string;
  file: string;
  voice: ChildVoice;
}

export interface ComparedArea {
  key: string;
  number: number;
  title: string;
  sections: ComparedSection[];
}

export interface ComparedSection {
  key: string;
  title: string;
  /** Usually the same for every child in the home (the template's `household_wide`). */
  householdWide: boolean;
  /** One per child, in the children's order; null when not scored. */
  scores: (number | null)[];
  /** A flag of the sibling rules names this section. */
  flagged: boolean;
}

export interface ComparedRecord {
  file: string;
  record: ToolkitRecord;
}

/** Compares the given toolkits, one per child, in the order given, against one template. */
export function compareChildren(records: readonly ComparedRecord[], template: TemplateIndex): SiblingComparison {
  const scored: ChildScores[] = records.map(({ record }) => ({ ref: record.child.ref, completed: record.assessment.completed, scores: scoresBySection(record) }));
  const flags = siblingFlags(scored, template);
  const flaggedSections = new Set(flags.flatMap((f) => (f.code === 'differential-care' ? f.sections : [f.section])));
  const dates = records.map((r) => r.record.assessment.completed).sort();
  const spanDays = dates.length > 1 ? daysBetween(dates[0]!, dates[dates.length - 1]!) : 0;
  return {
    template: { id: template.template.id, title: template.template.title, better: template.better, scale: template.template.scale.map(({ score, label, worrying }) => ({ score, label, ...(worrying ? { worrying } : {}) })) },
    children: records.map(({ file, record }) => ({
      ref: record.child.ref,
      name: record.child.name ?? null,
      born: record.child.born ?? null,
      ageYears: record.child.born ? ageOn(record.child.born, record.assessment.completed) : null,
      household: record.child.household ?? null,
      type: record.assessment.type,
      completed: record.assessment.completed,
      file,
      voice: record.child_voice ?? {},
    })),
    spanDays,
    farApart: spanDays > FAR_APART_DAYS,
    areas: template.template.areas.map((tArea) => ({
      key: tArea.key,
      number: tArea.number,
      title: tArea.title,
      sections: tArea.sections.map((tSection) => ({
        key: tSection.key,
        title: tSection.title,
        householdWide: tSection.household_wide === true,
        scores: scored.map((c) => c.scores[tSection.key] ?? null),
        flagged: flaggedSections.has(tSection.key),
      })),
    })),
    flags,
  };
}

/** Each child's latest toolkit (of a household, on or before a date, when asked), eldest child first: the children to compare. */
export function latestPerChild<T extends { record: ToolkitRecord }>(records: readonly T[], options: { household?: string; on?: string } = {}): T[] {
  const latest = new Map<string, T>();
  for (const r of records) {
    const { child, assessment } = r.record;
    if (options.household !== undefined && child.household !== options.household) continue;
    if (options.on !== undefined && assessment.completed > options.on) continue;
    const known = latest.get(child.ref);
    if (!known || assessment.completed > known.record.assessment.completed) latest.set(child.ref, r);
  }
  return [...latest.values()].sort((a, b) => (a.record.child.born ?? '9999').localeCompare(b.record.child.born ?? '9999') || a.record.child.ref.localeCompare(b.record.child.ref));
}
