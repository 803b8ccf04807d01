import type { ChalkInstance } from 'chalk';
import type { SectionChange } from '../analyse/record-changes.js';
import type { AreaDiff, AreaVerdict, RecordSide, ReviewDiff, TextField } from '../analyse/review-diff.js';
import { childVoiceQuestions } from '../analyse/summary-sheet.js';
import type { Action } from '../record/types.js';
import { longDate } from '../record/dates.js';
import type { ScaleWords } from '../template/scale-facts.js';

/** What every format of the review diff takes from the template: the decisions' words and the review questions, in order. */
export interface DiffWords {
  decisions: readonly { key: string; label: string }[];
  review_questions: readonly { key: string; question: string; required?: boolean }[];
}

/** A decision in the template's words; a key it does not define is shown as written. */
export function decisionWords(words: DiffWords, key: string): string {
  return words.decisions.find((d) => d.key === key)?.label ?? key;
}

export const changeWords: Record<SectionChange, string> = {
  improved: 'improved',
  deteriorated: 'deteriorated',
  unchanged: 'unchanged',
  'newly-assessed': 'newly assessed',
  'no-longer-assessed': 'no longer assessed',
};

export function changeColour(change: SectionChange | AreaVerdict, c: ChalkInstance): (s: string) => string {
  switch (change) {
    case 'improved':
      return (s) => c.green(s);
    case 'deteriorated':
      return (s) => c.red.bold(s);
    case 'mixed':
      return (s) => c.yellow(s);
    case 'newly-assessed':
      return (s) => c.cyan(s);
    default:
      return (s) => c.dim(s);
  }
}

/** "Initial toolkit, 29 September 2020" - which record a side of the diff is. */
export function sideTitle(side: Pick<RecordSide, 'type' | 'completed'>): string {
  return `${side.type === 'initial' ? 'Initial toolkit' : 'Review'}, ${longDate(side.completed)}`;
}

/** The counts line shared by every format, e.g. "13 sections improved, 0 deteriorated, 10 unchanged". */
export function countsLine(counts: Record<SectionChange, number>): string {
  const parts = [`${counts.improved} improved`, `${counts.deteriorated} deteriorated`, `${counts.unchanged} unchanged`];
  if (counts['newly-assessed']) parts.push(`${counts['newly-assessed']} newly assessed`);
  if (counts['no-longer-assessed']) parts.push(`${counts['no-longer-assessed']} no longer assessed`);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return `${total} section${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const verdictWords: Record<AreaVerdict, string> = { ...changeWords, mixed: 'mixed', 'not-scored': 'not scored' };

/** An area's change in one line, e.g. "improved: 3 sections better, 1 the same; highest 4 -> 3" (`worst` is the scale's word for its worst score, the arrow the medium's). */
export function areaLine(area: Pick<AreaDiff, 'verdict' | 'counts' | 'highestFrom' | 'highestTo'>, worst: ScaleWords['worst'], arrow = '->'): string {
  const c = area.counts;
  const parts: string[] = [];
  if (c.improved) parts.push(`${plural(c.improved, 'section')} better`);
  if (c.deteriorated) parts.push(`${parts.length ? c.deteriorated : plural(c.deteriorated, 'section')} worse`);
  if (c.unchanged) parts.push(`${parts.length ? c.unchanged : plural(c.unchanged, 'section')} the same`);
  if (c['newly-assessed']) parts.push(`${c['newly-assessed']} newly assessed`);
  if (c['no-longer-assessed']) parts.push(`${c['no-longer-assessed']} no longer assessed`);
  const { highestFrom: from, highestTo: to } = area;
  const highest = from !== to ? `; ${worst} ${from ?? 'none'} ${arrow} ${to ?? 'none'}` : to !== null ? `; ${worst} ${to}` : '';
  return `${verdictWords[area.verdict]}${parts.length ? `: ${parts.join(', ')}` : ''}${highest}`;
}

/** A field of free text as readers name it within its section or area. */
export const fieldWords: Record<Extract<TextField, { of: 'section' | 'area' }>['field'], string> = {
  evidence: 'evidence',
  not_relevant: 'why not relevant',
  impact: 'impact',
  strengths: 'strengths',
  concerns: 'concerns',
};

/** The child's voice question a text answers, in lower case to follow a label ("what is working well"). */
export function voiceWords(field: Extract<TextField, { of: 'child-voice' }>['field']): string {
  const question = childVoiceQuestions.find(([key]) => key === field)?.[1] ?? field;
  return question.charAt(0).toLowerCase() + question.slice(1);
}

const summaryWords: Record<Extract<TextField, { of: 'summary' }>['field'], string> = { analysis: 'Analysis', parent_views: "Parent's views" };

/** Where a changed text belongs, e.g. "1.1 Food and feeding - evidence", "Child's voice - what is working well". */
export function textLabel(about: TextField): string {
  switch (about.of) {
    case 'section':
      return `${about.section} ${about.title} - ${fieldWords[about.field]}`;
    case 'area':
      return `${about.number} ${about.title} - ${fieldWords[about.field]}`;
    case 'child-voice':
      return `Child's voice - ${voiceWords(about.field)}`;
    case 'summary':
      return summaryWords[about.field];
  }
}

/** One line of "the plan" in a review diff, in every format: what happened to an action since the last toolkit. */
export type PlanItemKind = 'done' | 'added-done' | 'new' | 'open' | 'overdue' | 'dropped';

export interface PlanItem {
  kind: PlanItemKind;
  action: string;
  /** When or why, in words: "done 14 May 2021", "by 11 January 2021", the reason it was dropped. */
  note: string;
}

export const planItemWords: Record<PlanItemKind, string> = {
  done: 'done',
  'added-done': 'added and done',
  new: 'new',
  open: 'still open',
  overdue: 'overdue',
  dropped: 'no longer in the plan',
};

/**
 * The plan as the review meeting reads it: what was done, what is new, what
 * is still open (overdue first-class, with the date it was due), and what
 * was dropped and why. Open actions are listed so the page never hides work
 * that has not happened.
 */
export function planItems(actions: ReviewDiff['actions']): PlanItem[] {
  const { added, completed, dropped, open, overdue } = actions;
  const by = (a: Action) => (a.by ? `by ${longDate(a.by)}` : '');
  return [
    ...completed.map((a) => ({ kind: added.includes(a) ? ('added-done' as const) : ('done' as const), action: a.action, note: a.done ? longDate(a.done) : '' })),
    ...overdue.map((a) => ({ kind: 'overdue' as const, action: a.action, note: a.by ? `was due by ${longDate(a.by)}` : '' })),
    ...open.filter((a) => !overdue.includes(a) && !added.includes(a)).map((a) => ({ kind: 'open' as const, action: a.action, note: by(a) })),
    ...added.filter((a) => !completed.includes(a) && !overdue.includes(a)).map((a) => ({ kind: 'new' as const, action: a.action, note: by(a) })),
    ...dropped.map((a) => ({ kind: 'dropped' as const, action: a.action, note: [a.dropped ? longDate(a.dropped) : '', a.reason ?? ''].filter(Boolean).join(': ') })),
  ];
}
