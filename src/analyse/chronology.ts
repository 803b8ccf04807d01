import { areaScores, scoresBySection } from '../record/sections.js';
import type { Decision, FamilyMember, SessionType, ToolkitRecord } from '../record/types.js';
import type { TemplateIndex } from '../template/load-template.js';
import { driftFlags, type DriftFlag } from '../validate/drift-rules.js';
import { severityOf, type FindingCode } from '../record/finding-codes.js';
import { practiceFindings } from '../validate/practice-rules.js';
import { buildHistories, currentToolkits, type RecordChange, type RecordVersion } from './history.js';
import { matchActions } from './review-diff.js';

/**
 * A chronology as data: every dated event in a child's (or a household's)
 * toolkits and their git history, oldest first and grouped by date, with
 * the drift the rules find. Safeguarding reviews ask for one; this builds it
 * from the records themselves. Renderers word it.
 */
export interface Chronology {
  today: string;
  children: { ref: string; name: string | null }[];
  /** The kinds shown (all unless --kind chose some), and the dates asked for. */
  kinds: ChronologyKind[];
  from: string | null;
  to: string | null;
  days: { date: string; events: ChronologyEvent[] }[];
  /** What to look at again: drift, slipping back, someone moving back in. In date order, within --from/--to whatever the kinds shown. */
  flags: ChronologyFlag[];
}

export const CHRONOLOGY_KINDS = ['session', 'assessment', 'lead', 'decision', 'action', 'review', 'family', 'prompt', 'change'] as const;
export type ChronologyKind = (typeof CHRONOLOGY_KINDS)[number];

interface EventBase {
  date: string;
  /** The children it concerns. */
  refs: string[];
  /** Codes of the flags this event carries (drift, slipped-back, moved-back-in). */
  flags: FlagCode[];
}

export type ChronologyEvent = EventBase &
  (
    | { kind: 'session'; type: SessionType; by: string | null; byRole: string | null; seenAlone: { ref: string; alone: boolean | null }[]; note: string | null }
    | { kind: 'assessment'; type: 'initial' | 'review'; previous: string | null; file: string; areas: AssessedArea[]; slippedBack: string[]; notImproving: string[] }
    | { kind: 'lead'; completed: string }
    | { kind: 'decision'; decision: Decision | null; before: Decision | null; changed: boolean }
    | { kind: 'action'; stage: 'set' | 'due' | 'done'; action: string; who: string | null; by: string | null; firstBy: string | null; done: string | null; overdueDays: number | null; droppedAt: string | null }
    | { kind: 'review'; planned: string; held: string | null; lateDays: number | null }
    | { kind: 'family'; name: string; relationship: string; change: 'moved-in' | 'moved-out'; back: boolean; since: string }
    | { kind: 'prompt'; code: FindingCode; path: string; message: string }
    | { kind: 'change'; commit: string; author: string; subject: string; change: RecordChange }
  );

export interface AssessedArea {
  key: string;
  number: number;
  title: string;
  /** The worst section score (the highest where lower is better), and the template's words for it; null when nothing is scored. */
  highest: number | null;
  label: string | null;
  /** Sections at scores the template calls worrying (3 or 4 of a 1-4 scale). */
  worrying: string[];
}

export type FlagCode = DriftFlag['code'] | 'slipped-back' | 'moved-back-in';

export type ChronologyFlag = { ref: string; date: string } & (
  | Exclude<DriftFlag, { code: 'drift-action-overdue' | 'drift-no-improvement' }>
  | (Extract<DriftFlag, { code: 'drift-action-overdue' }> & { text: string })
  | (Extract<DriftFlag, { code: 'drift-no-improvement' }> & { title: string })
  | { code: 'slipped-back'; section: string; title: string; from: number; to: number }
  | { code: 'moved-back-in'; name: string; relationship: string; since: string }
);

export interface ChronologyOptions {
  today: string;
  from?: string;
  to?: string;
  kinds?: readonly ChronologyKind[];
}

export function buildChronology(versions: readonly RecordVersion[], options: ChronologyOptions): Chronology {
  const byChild = new Map<string, RecordVersion[]>();
  for (const v of versions) byChild.set(v.record.child.ref, [...(byChild.get(v.record.child.ref) ?? []), v]);
  const events: ChronologyEvent[] = [];
  const flags: ChronologyFlag[] = [];
  const children: Chronology['children'] = [];
  for (const [ref, list] of [...byChild.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const toolkits = currentToolkits(list);
    children.push({ ref, name: toolkits[toolkits.length - 1]!.record.child.name ?? null });
    const child = childEvents(ref, toolkits, options.today);
    events.push(...child.events);
    flags.push(...child.flags);
    for (const h of buildHistories(list)) {
      for (const change of h.changes) {
        const { commit, author, subject, date } = change.source;
        if (commit === null || date === null) continue;
        events.push({ kind: 'change', date, refs: [ref], flags: [], commit, author: author ?? '', subject: subject ?? '', change });
      }
    }
  }
  const kinds = options.kinds && options.kinds.length > 0 ? [...options.kinds] : [...CHRONOLOGY_KINDS];
  const inRange = (date: string) => (options.from === undefined || date >= options.from) && (options.to === undefined || date <= options.to);
  const shown = mergeShared(events).filter((e) => kinds.includes(e.kind) && inRange(e.date));
  shown.sort((a, b) => a.date.localeCompare(b.date) || CHRONOLOGY_KINDS.indexOf(a.kind) - CHRONOLOGY_KINDS.indexOf(b.kind));
  const days: Chronology['days'] = [];
  for (const e of shown) {
    const last = days[days.length - 1];
    if (last?.date === e.date) last.events.push(e);
    else days.push({ date: e.date, events: [e] });
  }
  return {
    today: options.today,
    children,
    kinds,
    from: options.from ?? null,
    to: options.to ?? null,
    days,
    flags: flags.filter((f) => inRange(f.date)).sort((a, b) => a.date.localeCompare(b.date)),
  };
}

function childEvents(ref: string, toolkits: readonly RecordVersion[], today: string): { events: ChronologyEvent[]; flags: ChronologyFlag[] } {
  const events: ChronologyEvent[] = [];
  const flags: ChronologyFlag[] = [];
  const records = toolkits.map((t) => t.record);
  const drift = driftFlags(
    records.map((r) => ({ completed: r.assessment.completed, nextReview: r.summary?.next_review ?? null, scores: scoresBySection(r), actions: r.summary?.actions ?? [] })),
    today,
    // One child's toolkits are on one template; the latest one's words are the child's.
    toolkits[toolkits.length - 1]!.template,
  );
  toolkits.forEach((version, i) => {
    const { record, template } = version;
    const before = records[i - 1];
    const { assessment, summary } = record;
    const completed = assessment.completed;
    for (const s of assessment.sessions ?? []) {
      const lead = assessment.contributors?.find((c) => c.id === s.by);
      events.push({ kind: 'session', date: s.date, refs: [ref], flags: [], type: s.type, by: s.by ?? null, byRole: lead?.role ?? null, seenAlone: [{ ref, alone: s.seen_alone ?? null }], note: s.note ?? null });
    }
    const slipped = slippedBack(records, i, template);
    for (const s of slipped) flags.push({ ref, date: completed, code: 'slipped-back', ...s });
    const notImproving = drift.filter((d): d is Extract<DriftFlag, { code: 'drift-no-improvement' }> => d.code === 'drift-no-improvement' && toolkitAt(records, d) === i);
    for (const d of notImproving) flags.push({ ref, date: completed, ...d, title: template.section(d.section)?.section.title ?? '' });
    events.push({
      kind: 'assessment',
      date: completed,
      refs: [ref],
      flags: [...(slipped.length ? (['slipped-back'] as const) : []), ...(notImproving.length ? (['drift-no-improvement'] as const) : [])],
      type: assessment.type,
      previous: assessment.previous ?? null,
      file: version.source.file,
      areas: assessedAreas(record, template),
      slippedBack: slipped.map((s) => s.section),
      notImproving: notImproving.map((d) => d.section),
    });
    if (summary?.lead_consulted) events.push({ kind: 'lead', date: summary.lead_consulted, refs: [ref], flags: [], completed });
    const decision = summary?.decision ?? null;
    const earlier = before?.summary?.decision ?? null;
    if (decision !== null || (before && earlier !== null)) {
      events.push({ kind: 'decision', date: completed, refs: [ref], flags: [], decision, before: before ? earlier : null, changed: before !== undefined && earlier !== decision });
    }
    for (const f of practiceFindings(record, template, today)) {
      if (severityOf(f.code) === 'prompt') events.push({ kind: 'prompt', date: completed, refs: [ref], flags: [], code: f.code, path: f.path.join('.'), message: f.message });
    }
    if (summary?.next_review) {
      const late = drift.find((d) => d.code === 'drift-review-late' && d.planned === summary.next_review);
      if (late?.code === 'drift-review-late') flags.push({ ref, date: summary.next_review, ...late });
      const held = records[i + 1]?.assessment.completed ?? null;
      events.push({ kind: 'review', date: summary.next_review, refs: [ref], flags: late ? [late.code] : [], planned: summary.next_review, held, lateDays: late?.code === 'drift-review-late' ? late.days : null });
    }
    if (before) {
      for (const move of familyMoves(before.child.family ?? [], record.child.family ?? [], before.assessment.completed, toolkits.slice(0, i).map((t) => t.record))) {
        events.push({ kind: 'family', date: completed, refs: [ref], flags: move.back && move.change === 'moved-in' ? ['moved-back-in'] : [], ...move });
        if (move.back && move.change === 'moved-in') flags.push({ ref, date: completed, code: 'moved-back-in', name: move.name, relationship: move.relationship, since: move.since });
      }
    }
  });
  events.push(...actionEvents(ref, records, drift, flags));
  return { events, flags };
}

/** The index of the toolkit where a no-improvement run ends (it is reported there). */
function toolkitAt(records: readonly ToolkitRecord[], d: Extract<DriftFlag, { code: 'drift-no-improvement' }>): number {
  const start = records.findIndex((r) => r.assessment.completed === d.since);
  return start + d.toolkits - 1;
}

function assessedAreas(record: ToolkitRecord, template: TemplateIndex): AssessedArea[] {
  return template.template.areas.flatMap((tArea) => {
    const area = record.areas?.[tArea.key];
    if (!area) return [];
    const highest = template.worst(areaScores(area)) ?? null;
    const label = highest === null ? null : (template.template.scale.find((p) => p.score === highest)?.label ?? null);
    const worrying = tArea.sections.filter((s) => template.isWorrying(area.sections?.[s.key]?.score)).map((s) => s.key);
    return [{ key: tArea.key, number: tArea.number, title: tArea.title, highest, label, worrying }];
  });
}

/** Sections worse at toolkit i than at the one before, after an improvement earlier on: what the guidance asks reviewers to notice. */
function slippedBack(records: readonly ToolkitRecord[], i: number, template: TemplateIndex): { section: string; title: string; from: number; to: number }[] {
  if (i < 2) return [];
  const out: { section: string; title: string; from: number; to: number }[] = [];
  const { rank } = template;
  for (const { section } of template.sections()) {
    const series = records.slice(0, i + 1).map((r) => scoresBySection(r)[section.key]);
    const now = series[i];
    const then = series[i - 1];
    if (now === undefined || then === undefined || rank(now) <= rank(then)) continue;
    if (series.slice(0, i).some((s, k) => k > 0 && s !== undefined && series[k - 1] !== undefined && rank(s) < rank(series[k - 1]!))) out.push({ section: section.key, title: section.title, from: then, to: now });
  }
  return out;
}

/** Who moved in or out between two toolkits, from `lives_with_child`; "back" when they had moved the other way before. */
function familyMoves(before: readonly FamilyMember[], now: readonly FamilyMember[], since: string, earlier: readonly ToolkitRecord[]) {
  const id = (m: FamilyMember) => m.ref ?? m.name.toLowerCase();
  const moves: { name: string; relationship: string; change: 'moved-in' | 'moved-out'; back: boolean; since: string }[] = [];
  for (const m of now) {
    const was = before.find((b) => id(b) === id(m));
    if (!was || was.lives_with_child === undefined || m.lives_with_child === undefined || was.lives_with_child === m.lives_with_child) continue;
    // Back: at some earlier toolkit they lived where they live now.
    const back = earlier.some((r) => (r.child.family ?? []).some((e) => id(e) === id(m) && e.lives_with_child === m.lives_with_child));
    moves.push({ name: m.name, relationship: m.relationship, change: m.lives_with_child ? 'moved-in' : 'moved-out', back, since });
  }
  return moves;
}

/**
 * Each action once, however many plans carried it (matched as the review
 * diff matches them, rewording allowed): set when it first appears, due on
 * its latest date, done when recorded. One the latest plan holds still open
 * past its date is overdue; one a later plan no longer holds, never marked
 * done, was dropped.
 */
function actionEvents(ref: string, records: readonly ToolkitRecord[], drift: readonly DriftFlag[], flags: ChronologyFlag[]): ChronologyEvent[] {
  interface Chain { action: string; who: string | null; by: string | null; firstBy: string | null; done: string | null; set: string; last: number; index: number }
  const chains: Chain[] = [];
  let previous: Chain[] = [];
  records.forEach((r, i) => {
    const actions = r.summary?.actions ?? [];
    const matched = matchActions(
      previous.map((c) => ({ action: c.action })),
      actions,
    );
    previous = actions.map((a, k) => {
      const known = matched[k]! >= 0 ? previous[matched[k]!] : undefined;
      const chain = known ?? { action: a.action, who: null, by: null, firstBy: a.by ?? null, done: null, set: r.assessment.completed, last: i, index: k };
      Object.assign(chain, { action: a.action, who: a.who ?? null, by: a.by ?? null, done: a.done ?? chain.done, last: i, index: k });
      if (!known) chains.push(chain);
      return chain;
    });
  });
  const latest = records.length - 1;
  const out: ChronologyEvent[] = [];
  for (const a of chains) {
    const common = { refs: [ref], action: a.action, who: a.who, by: a.by, firstBy: a.firstBy, done: a.done };
    const overdue = a.last === latest ? drift.find((d) => d.code === 'drift-action-overdue' && d.action === a.index) : undefined;
    const overdueDays = overdue?.code === 'drift-action-overdue' ? overdue.days : null;
    const droppedAt = a.last < latest && a.done === null ? records[a.last + 1]!.assessment.completed : null;
    out.push({ kind: 'action', date: a.set, flags: [], stage: 'set', ...common, overdueDays: null, droppedAt: null });
    if (a.by !== null) out.push({ kind: 'action', date: a.by, flags: overdue ? [overdue.code] : [], stage: 'due', ...common, overdueDays, droppedAt });
    if (a.done !== null) out.push({ kind: 'action', date: a.done, flags: [], stage: 'done', ...common, overdueDays: null, droppedAt: null });
    if (overdue?.code === 'drift-action-overdue' && a.by !== null) flags.push({ ref, date: a.by, ...overdue, text: a.action });
  }
  return out;
}

/**
 * A household's children share sessions (one visit sees them all) and often
 * a safeguarding-lead consultation or a plan: one event each, naming every
 * child, rather than the same line twice.
 */
function mergeShared(events: readonly ChronologyEvent[]): ChronologyEvent[] {
  const out: ChronologyEvent[] = [];
  const byKey = new Map<string, ChronologyEvent>();
  for (const e of events) {
    const key = sharedKey(e);
    const known = key === null ? undefined : byKey.get(key);
    if (!known) {
      out.push(e);
      if (key !== null) byKey.set(key, e);
      continue;
    }
    for (const ref of e.refs) if (!known.refs.includes(ref)) known.refs.push(ref);
    if (known.kind === 'session' && e.kind === 'session') known.seenAlone.push(...e.seenAlone);
  }
  return out;
}

function sharedKey(e: ChronologyEvent): string | null {
  if (e.kind === 'session') return `session ${e.date} ${e.type} ${e.by ?? ''}`;
  if (e.kind === 'lead') return `lead ${e.date} ${e.completed}`;
  if (e.kind === 'review') return `review ${e.date} ${e.held ?? ''} ${e.flags.join(',')}`;
  if (e.kind === 'decision') return `decision ${e.date} ${e.decision ?? ''} ${e.before ?? ''} ${e.changed}`;
  return null;
}
