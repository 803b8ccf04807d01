import type { Chronology, ChronologyEvent, ChronologyFlag } from '../analyse/chronology.js';
import type { SessionType } from '../record/types.js';
import { daysBetween, longDate } from '../record/dates.js';
import { changeSummary } from './history-style.js';
import type { TemplateIndex } from '../template/load-template.js';

/**
 * The words of `ntk chronology`, for every format. Record text comes in
 * through `esc`, which each format gives (terminal-safe, Markdown- or
 * HTML-escaped); everything else here is ntk's own words.
 */
export type Escape = (text: string) => string;

/** What the chronology's words take from the templates: the decisions' words, and each child's scale (by child.ref). */
export interface ChronologyWords {
  decisionLabel(key: string): string;
  templateOf(ref: string): TemplateIndex;
}

const sessionWords: Record<SessionType, string> = {
  'announced-visit': 'Announced visit',
  'unannounced-visit': 'Unannounced visit',
  meeting: 'Meeting',
  phone: 'Phone call',
  observation: 'Observation',
  other: 'Contact',
};

export const kindWords: Record<ChronologyEvent['kind'], string> = {
  session: 'session',
  assessment: 'toolkit',
  lead: 'safeguarding lead',
  decision: 'decision',
  action: 'action',
  review: 'review',
  family: 'family',
  prompt: 'prompt',
  change: 'commit',
};

/** Names by child reference, for events and flags that name children. */
export function namer(chronology: Chronology, esc: Escape): (ref: string) => string {
  const names = new Map(chronology.children.map((c) => [c.ref, esc(c.name ?? c.ref)]));
  return (ref) => names.get(ref) ?? esc(ref);
}

/** One event: a headline, and the record's own text (a note, a prompt) when it has some. */
export function eventWords(e: ChronologyEvent, name: (ref: string) => string, esc: Escape, today: string, words: ChronologyWords): { headline: string; detail: string | null } {
  switch (e.kind) {
    case 'session': {
      const seen = e.seenAlone.filter((s) => s.alone !== null).map((s) => `${name(s.ref)} ${s.alone ? 'seen alone' : 'not seen alone'}`);
      const by = e.byRole ? ` led by ${esc(e.byRole)}${e.by ? ` (${esc(e.by)})` : ''}` : e.by ? ` led by ${esc(e.by)}` : '';
      return { headline: `${sessionWords[e.type]}${by}${seen.length ? `; ${seen.join(', ')}` : ''}`, detail: e.note === null ? null : esc(e.note) };
    }
    case 'assessment': {
      const scores = e.areas.map((a) => `${a.number} ${esc(a.title)}: ${a.highest === null ? 'not scored' : `${a.highest} ${esc((a.label ?? '').toLowerCase())}`}`);
      const marks = [
        e.slippedBack.length ? `slipped back: ${e.slippedBack.join(', ')}` : '',
        e.notImproving.length ? `not improving over three or more toolkits: ${e.notImproving.join(', ')}` : '',
      ].filter(Boolean);
      const what = e.type === 'initial' ? 'Initial toolkit completed' : `Review completed${e.previous ? ` (of the toolkit of ${longDate(e.previous)})` : ''}`;
      return { headline: `${what}${marks.length ? ` - ${marks.join('; ')}` : ''}`, detail: `${words.templateOf(e.refs[0]!).worryingWords.worstHeading} score per area: ${scores.join('; ')}` };
    }
    case 'lead':
      return { headline: `Discussed with the safeguarding lead or manager (toolkit of ${longDate(e.completed)})`, detail: null };
    case 'decision': {
      const label = (d: typeof e.decision) => (d === null ? 'none recorded' : esc(words.decisionLabel(d)));
      return { headline: e.changed ? `Decision changed: ${label(e.before)} → ${label(e.decision)}` : `Decision: ${label(e.decision)}`, detail: null };
    }
    case 'action':
      return { headline: actionHeadline(e, esc, today), detail: null };
    case 'review': {
      let how = '';
      if (e.held !== null) how = e.lateDays !== null ? ` - held ${longDate(e.held)}, ${days(e.lateDays)} late` : ` - held ${longDate(e.held)}`;
      else if (e.lateDays !== null) how = ` - not held: ${days(e.lateDays)} overdue`;
      return { headline: `Review planned${how}`, detail: null };
    }
    case 'family':
      return {
        headline: `${esc(e.name)} (${esc(e.relationship)}) ${e.change === 'moved-in' ? (e.back ? 'moved back in' : 'moved in') : e.back ? 'moved out again' : 'moved out'} (recorded at this toolkit; the toolkit of ${longDate(e.since)} had it the other way)`,
        detail: null,
      };
    case 'prompt':
      return { headline: `Prompt: ${esc(e.message)}`, detail: null };
    case 'change':
      return { headline: `Commit ${e.commit.slice(0, 7)} by ${esc(e.author)}${e.subject ? ` "${esc(e.subject)}"` : ''}: ${changeSummary(e.change)}`, detail: null };
  }
}

function actionHeadline(e: Extract<ChronologyEvent, { kind: 'action' }>, esc: Escape, today: string): string {
  const what = `"${esc(e.action)}"${e.who ? ` (${esc(e.who)})` : ''}`;
  if (e.stage === 'set') return `Action set: ${what}${e.firstBy ? `, due ${longDate(e.firstBy)}` : ''}`;
  if (e.stage === 'done') return `Action done: ${what}`;
  let state = '';
  if (e.done !== null) state = e.by !== null && e.done > e.by ? ` - done ${days(daysBetween(e.by, e.done))} late` : ' - done on time';
  else if (e.overdueDays !== null) state = ` - overdue by ${days(e.overdueDays)}, not recorded as done`;
  else if (e.droppedAt !== null) state = ` - not in the plan at ${longDate(e.droppedAt)} and not recorded as done`;
  else if (e.by !== null && e.by >= today) state = ' - still open';
  const moved = e.firstBy !== null && e.by !== null && e.firstBy !== e.by ? ` (first due ${longDate(e.firstBy)})` : '';
  return `Action due: ${what}${moved}${state}`;
}

/** What a flag asks the reader to look at again. */
export function flagWords(f: ChronologyFlag, name: (ref: string) => string, esc: Escape, words: ChronologyWords): string {
  const who = name(f.ref);
  switch (f.code) {
    case 'drift-action-overdue':
      return `Drift: ${who}'s action "${esc(f.text)}" was due ${longDate(f.by)} and is ${days(f.days)} overdue, not recorded as done`;
    case 'drift-review-late':
      return f.held === null
        ? `Drift: ${who}'s review planned for ${longDate(f.planned)} has not been held (${days(f.days)} overdue)`
        : `Drift: ${who}'s review planned for ${longDate(f.planned)} was held ${days(f.days)} late, on ${longDate(f.held)}`;
    case 'drift-no-improvement':
      return `Drift: ${who}'s ${f.section} ${esc(f.title)} scored ${words.templateOf(f.ref).worryingWords.or} at ${f.toolkits} toolkits in a row since ${longDate(f.since)}, never better (now ${f.score}): failing to improve?`;
    case 'slipped-back':
      return `Slipped back: ${who}'s ${f.section} ${esc(f.title)} went from ${f.from} to ${f.to}, worse again after improving`;
    case 'moved-back-in':
      return `Moved back in: ${esc(f.name)} (${esc(f.relationship)}) lives with ${who} again, recorded ${longDate(f.date)} (lived elsewhere at the toolkit of ${longDate(f.since)})`;
  }
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

export const FLAG_MARK = '⚠';

/** "all kinds" or the list asked for, and the dates, for a heading. */
export function scopeWords(c: Chronology, allKinds: number): string {
  const parts: string[] = [];
  if (c.kinds.length < allKinds) parts.push(`only ${c.kinds.map((k) => kindWords[k]).join(', ')}`);
  if (c.from) parts.push(`from ${longDate(c.from)}`);
  if (c.to) parts.push(`to ${longDate(c.to)}`);
  return parts.join(', ');
}
