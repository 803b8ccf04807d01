import { diffWords } from 'diff';
import { areaScores } from '../record/sections.js';
import type { Action, ChildVoice, Decision, ReviewAnswers, Section, Session, ToolkitRecord } from '../record/types.js';
import type { TemplateIndex } from '../template/load-template.js';
import type { ScaleFacts } from '../template/scale-facts.js';
import { daysBetween } from '../record/dates.js';
import { AREA_TEXTS, CHILD_VOICE_TEXTS, normalise, SECTION_CHANGES, SECTION_TEXTS, sectionChange, SUMMARY_TEXTS, type SectionChange } from './record-changes.js';

export type SectionState = 'scored' | 'not-relevant' | 'not-assessed';

export interface SectionDiff {
  area: string;
  section: string;
  title: string;
  from: number | null;
  to: number | null;
  change: SectionChange;
  fromState: SectionState;
  toState: SectionState;
  parentFrom: number | null;
  parentTo: number | null;
  /** Each carer's own score (carer_scores) before and after; empty when none were recorded. */
  carersFrom: { carer: string; score: number }[];
  carersTo: { carer: string; score: number }[];
}

export type AreaVerdict = 'improved' | 'deteriorated' | 'mixed' | 'unchanged' | 'newly-assessed' | 'no-longer-assessed' | 'not-scored';

export interface AreaDiff {
  area: string;
  number: number;
  title: string;
  verdict: AreaVerdict;
  /** The area's worst section score before and after (the highest on a scale where lower is better); the names are kept for the JSON's readers. */
  highestFrom: number | null;
  highestTo: number | null;
  counts: Record<SectionChange, number>;
}

export interface WordPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Which free text a change is in: the facts renderers word ("1.1 Food and feeding - evidence"). */
export type TextField =
  | { of: 'section'; section: string; title: string; field: 'evidence' | 'not_relevant' }
  | { of: 'area'; number: number; title: string; field: 'impact' | 'strengths' | 'concerns' }
  | { of: 'child-voice'; field: keyof ChildVoice }
  | { of: 'summary'; field: 'analysis' | 'parent_views' };

/** A free-text field that changed, with a word diff. */
export interface TextDiff {
  /** Path in the record, e.g. areas.physical-care.sections.1.1.evidence. */
  path: string;
  /** Where it belongs. */
  about: TextField;
  area: string | null;
  from: string | null;
  to: string | null;
  /** Most of the words changed: readers get the old and new text whole rather than a patchwork. */
  rewritten: boolean;
  parts: WordPart[];
}

export interface RecordSide {
  ref: string;
  name: string | null;
  type: 'initial' | 'review';
  completed: string;
  decision: Decision | null;
  /** Where this record came from: a file, or `REV:path` for a git revision. */
  source: string | null;
}

/**
 * What changed between two toolkits of a child: the review diff. A score
 * moving towards the better end of the template's scale (`better`) is an
 * improvement: down on a scale where lower is better.
 * Renderers (terminal, Markdown, JSON, git textconv) only lay this out.
 */
export interface ReviewDiff {
  /** The newer record's template's scale: which scores are worrying and which end is the better care, for renderers to draw and word the changes. */
  scale: ScaleFacts;
  from: RecordSide;
  to: RecordSide;
  sections: SectionDiff[];
  /** Whole days from the first record's `completed` date to the second's. */
  daysBetween: number;
  sameChild: boolean;
  counts: Record<SectionChange, number>;
  areas: AreaDiff[];
  text: TextDiff[];
  sessionsAdded: Session[];
  /**
   * added: new to the plan; completed: done since the earlier record; dropped:
   * taken out of the plan undone (with `dropped` and `reason` when the review
   * recorded them); open: still to do in the new plan; overdue: open actions
   * whose `by` date is before the review was completed.
   */
  actions: { added: Action[]; completed: Action[]; dropped: Action[]; open: Action[]; overdue: Action[] };
  decision: { from: Decision | null; to: Decision | null; changed: boolean };
  /** The answers to the review questions of the newer record, or null when it has none. */
  review: ReviewAnswers | null;
}

export function diffRecords(from: ToolkitRecord, to: ToolkitRecord, template: TemplateIndex, sources: { from?: string; to?: string } = {}): ReviewDiff {
  const sections: SectionDiff[] = [];
  const areas: AreaDiff[] = [];
  const text: TextDiff[] = [];
  for (const tArea of template.template.areas) {
    const a = from.areas?.[tArea.key];
    const b = to.areas?.[tArea.key];
    const areaSections: SectionDiff[] = [];
    for (const tSection of tArea.sections) {
      const s = a?.sections?.[tSection.key];
      const t = b?.sections?.[tSection.key];
      if (!s && !t) continue;
      const path = `areas.${tArea.key}.sections.${tSection.key}`;
      areaSections.push({
        area: tArea.key,
        section: tSection.key,
        title: tSection.title,
        from: s?.score ?? null,
        to: t?.score ?? null,
        change: sectionChange(s?.score ?? null, t?.score ?? null, template.rank),
        fromState: sectionState(s),
        toState: sectionState(t),
        parentFrom: s?.parent_score ?? null,
        parentTo: t?.parent_score ?? null,
        carersFrom: s?.carer_scores?.map(({ carer, score }) => ({ carer, score })) ?? [],
        carersTo: t?.carer_scores?.map(({ carer, score }) => ({ carer, score })) ?? [],
      });
      for (const field of SECTION_TEXTS) {
        pushText(text, `${path}.${field}`, { of: 'section', section: tSection.key, title: tSection.title, field }, tArea.key, s?.[field], t?.[field]);
      }
    }
    for (const field of AREA_TEXTS) {
      pushText(text, `areas.${tArea.key}.${field}`, { of: 'area', number: tArea.number, title: tArea.title, field }, tArea.key, a?.[field], b?.[field]);
    }
    if (areaSections.length === 0 && !a && !b) continue;
    sections.push(...areaSections);
    const highestFrom = a ? (template.worst(areaScores(a)) ?? null) : null;
    const highestTo = b ? (template.worst(areaScores(b)) ?? null) : null;
    const counts = countChanges(areaSections);
    const verdict = areaVerdict(counts);
    areas.push({ area: tArea.key, number: tArea.number, title: tArea.title, verdict, highestFrom, highestTo, counts });
  }
  for (const field of CHILD_VOICE_TEXTS) {
    pushText(text, `child_voice.${field}`, { of: 'child-voice', field }, null, from.child_voice?.[field], to.child_voice?.[field]);
  }
  for (const field of SUMMARY_TEXTS) {
    pushText(text, `summary.${field}`, { of: 'summary', field }, null, from.summary?.[field], to.summary?.[field]);
  }

  const decisionFrom = from.summary?.decision ?? null;
  const decisionTo = to.summary?.decision ?? null;
  return {
    scale: { better: template.better, scale: template.template.scale },
    from: side(from, sources.from),
    to: side(to, sources.to),
    sections,
    daysBetween: daysBetween(from.assessment.completed, to.assessment.completed),
    sameChild: from.child.ref === to.child.ref,
    counts: countChanges(sections),
    areas,
    text,
    sessionsAdded: sessionsAdded(from.assessment.sessions ?? [], to.assessment.sessions ?? []),
    actions: diffActions(from.summary?.actions ?? [], to.summary?.actions ?? [], to.assessment.completed),
    decision: { from: decisionFrom, to: decisionTo, changed: decisionFrom !== decisionTo },
    review: to.review && Object.values(to.review).some((v) => v !== undefined && v.trim() !== '') ? to.review : null,
  };
}

function sectionState(s: Section | undefined): SectionState {
  if (s?.score !== undefined) return 'scored';
  if (s?.not_relevant !== undefined) return 'not-relevant';
  return 'not-assessed';
}

export function countChanges(sections: readonly SectionDiff[]): Record<SectionChange, number> {
  const counts = Object.fromEntries(SECTION_CHANGES.map((c) => [c, 0])) as Record<SectionChange, number>;
  for (const s of sections) counts[s.change] += 1;
  return counts;
}

function areaVerdict(c: Record<SectionChange, number>): AreaVerdict {
  if (c.improved > 0 && c.deteriorated > 0) return 'mixed';
  if (c.improved > 0) return 'improved';
  if (c.deteriorated > 0) return 'deteriorated';
  if (c['newly-assessed'] > 0 && c['no-longer-assessed'] === 0) return 'newly-assessed';
  if (c['no-longer-assessed'] > 0 && c['newly-assessed'] === 0) return 'no-longer-assessed';
  if (c.unchanged > 0 || c['newly-assessed'] > 0) return 'unchanged';
  return 'not-scored';
}

/**
 * The most word edits (insertions plus removals) a text's word diff may
 * need. A word diff costs the square of its edits, so two long texts that
 * share little would take minutes; past this many they are shown as
 * rewritten, old and new whole, which is what a reader wants of them anyway.
 */
const MAX_WORD_EDITS = 100;

function pushText(out: TextDiff[], path: string, about: TextField, area: string | null, a: string | undefined, b: string | undefined): void {
  if (a === b) return;
  const from = normalise(a);
  const to = normalise(b);
  if (from === to) return;
  const words = diffWords(from ?? '', to ?? '', { maxEditLength: MAX_WORD_EDITS });
  if (words === undefined) {
    const parts: WordPart[] = [...(from !== null ? [{ kind: 'removed' as const, text: from }] : []), ...(to !== null ? [{ kind: 'added' as const, text: to }] : [])];
    out.push({ path, about, area, from, to, rewritten: from !== null && to !== null, parts });
    return;
  }
  const parts = words.map((p): WordPart => ({ kind: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value }));
  const kept = parts.filter((p) => p.kind === 'same').reduce((n, p) => n + p.text.trim().length, 0);
  const longer = Math.max(from?.length ?? 0, to?.length ?? 0);
  out.push({ path, about, area, from, to, rewritten: from !== null && to !== null && kept < longer / 2, parts });
}

function side(record: ToolkitRecord, source: string | undefined): RecordSide {
  return {
    ref: record.child.ref,
    name: record.child.name ?? null,
    type: record.assessment.type,
    completed: record.assessment.completed,
    decision: record.summary?.decision ?? null,
    source: source ?? null,
  };
}

function sessionsAdded(from: readonly Session[], to: readonly Session[]): Session[] {
  const key = (s: Session) => `${s.date}|${s.type}|${s.by ?? ''}`;
  const seen = new Set(from.map(key));
  return to.filter((s) => !seen.has(key(s)));
}

const stopWords = new Set(['the', 'and', 'for', 'with', 'from', 'about', 'into', 'that', 'this']);
function actionWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => w.length > 2 && !stopWords.has(w)));
}

/** How much two actions' wording overlaps: shared words over the shorter action's words. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

/**
 * Actions carried into a review are often reworded ("Parenting group" becomes
 * "Parenting group (two sessions left)"), so an action in the new plan is the
 * same as one in the old plan when their wording mostly overlaps. Added: new
 * to the plan; completed: marked done since the earlier record; dropped: open
 * before and no longer in the plan, or kept in it marked `dropped`.
 */
function diffActions(from: readonly Action[], to: readonly Action[], completedOn: string): ReviewDiff['actions'] {
  const matchOf = matchActions(from, to);
  const used = new Set(matchOf.filter((m) => m >= 0));
  const added = to.filter((a, i) => matchOf[i] === -1 && a.dropped === undefined);
  const completed = to.filter((a, i) => {
    const m = matchOf[i] ?? -1;
    return a.done !== undefined && (m === -1 || from[m]?.done === undefined);
  });
  const droppedNow = to.filter((a, i) => {
    const m = matchOf[i] ?? -1;
    return a.dropped !== undefined && a.done === undefined && (m === -1 || from[m]?.dropped === undefined);
  });
  const dropped = [...from.filter((a, i) => !used.has(i) && a.done === undefined && a.dropped === undefined), ...droppedNow];
  const open = to.filter((a) => a.done === undefined && a.dropped === undefined);
  const overdue = open.filter((a) => a.by !== undefined && a.by < completedOn);
  return { added, completed, dropped, open, overdue };
}

/** For each action of the later plan, the index of the same action in the earlier plan (same or mostly the same wording), or -1. */
export function matchActions(from: readonly Action[], to: readonly Action[]): number[] {
  const fromWords = from.map((a) => actionWords(a.action));
  const used = new Set<number>();
  return to.map((act) => {
    const exact = from.findIndex((f, i) => !used.has(i) && f.action.trim() === act.action.trim());
    let best = exact;
    if (best < 0) {
      const words = actionWords(act.action);
      let bestScore = 0.5;
      fromWords.forEach((fw, i) => {
        const score = overlap(words, fw);
        if (!used.has(i) && score >= bestScore) {
          best = i;
          bestScore = score;
        }
      });
    }
    if (best >= 0) used.add(best);
    return best;
  });
}
