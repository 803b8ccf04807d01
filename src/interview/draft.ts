import { RECORD_FORMAT } from '../record/types.js';
import { deletePath, getPath, isPlainObject, listAt, mergeData, sameData, setPath, type PlainRecord } from '../record/plain-data.js';

/** What a practitioner gave for one question; null when they left it out or it does not apply. */
export type Answer = string | boolean | null;

export type InterviewCommand = 'new' | 'edit' | 'review';

/**
 * Everything an interview knows so far. It is the whole state: saved after
 * every answer, it lets an interview stop anywhere and continue later with
 * the same result as if it had never stopped.
 */
export interface Draft {
  ntk_draft: 1;
  command: InterviewCommand;
  /** Siblings assessed together: one record per child, shared answers copied into each. */
  household: boolean;
  /** The records being built, one per child. */
  records: PlainRecord[];
  /** Every answer given, by question id, including those that store nothing in a record (a skipped area, "no more sessions"). */
  answers: Record<string, Answer>;
  /** review: the record being reviewed; edit: the record as it was before editing. */
  previous?: PlainRecord;
  /**
   * review of a household: each sibling's toolkit reviewed in the same sitting
   * (records[1], records[2]...), with the file it was read from.
   */
  siblings?: { source: string; previous: PlainRecord }[];
  /** edit: the areas to edit (--area); empty means ask about each area. */
  editAreas?: string[];
  /** The folder finished records go to, each named `<ref>-<completed>.yaml`. */
  out: string | null;
  /** edit and review: the record file the interview started from. */
  source?: string;
  /** Or the one file the finished record goes to (edit; review with --out). */
  outFile?: string;
  /** Lines of a long answer typed so far, so even half an answer survives an interruption. */
  partial?: { id: string; lines: string[] };
  /** The records and answers before the first question: a step back or a changed answer rebuilds the draft from them. */
  start?: { records: PlainRecord[]; answers: Record<string, Answer> };
  /** Answers that came after one changed on the check screen: given again, unasked, when their question comes up. */
  later?: Record<string, Answer>;
  /** Answers taken back with Esc: offered again when their question is asked again. */
  undone?: Record<string, Answer>;
}

export function newDraft(options: { template: string; household: boolean; out: string; answers?: PlainRecord[] }): Draft {
  const given = options.answers && options.answers.length > 0 ? options.answers : [{}];
  const [first = {}, ...rest] = given;
  return {
    ntk_draft: 1,
    command: 'new',
    household: options.household,
    // Siblings' answers start from what the first child's say about the home.
    records: [first, ...rest.map((own) => withSharedAnswers(first, own))].map((answers) => baseRecord(answers, options.template, 'initial')),
    answers: {},
    out: options.out,
  };
}

/** The parts of a record that are about the home, not the child: what every sibling's record shares. */
export function siblingRecord(first: PlainRecord, sharedFamily = false): PlainRecord {
  const copy = structuredClone(first);
  const child = isPlainObject(copy.child) ? copy.child : {};
  copy.child = Object.fromEntries(Object.entries(child).filter(([k]) => k === 'household' || k === 'front_door' || (sharedFamily && k === 'family')));
  for (const key of ['areas', 'child_voice', 'summary', 'review']) delete copy[key];
  // A session is shared, but who was seen, and seen alone, in it is each child's own.
  for (const session of listAt(copy, ['assessment', 'sessions'])) for (const key of PER_CHILD_SESSION_KEYS) delete session[key];
  return copy;
}

/** The fields of a shared session that each child's file answers for that child. */
const PER_CHILD_SESSION_KEYS = ['seen', 'seen_alone'] as const;

export class SharedAnswerError extends Error {}

function withSharedAnswers(first: PlainRecord, own: PlainRecord): PlainRecord {
  const shared = siblingRecord(first);
  // Whether this child was seen (alone) in each session is theirs to give, in their own document.
  const mine = structuredClone(own);
  const seen = listAt(mine, ['assessment', 'sessions']).map((session) => {
    const theirs = Object.fromEntries(PER_CHILD_SESSION_KEYS.filter((k) => session[k] !== undefined).map((k) => [k, session[k]]));
    for (const key of PER_CHILD_SESSION_KEYS) delete session[key];
    return theirs;
  });
  if (seen.length > 0 && listAt(mine, ['assessment', 'sessions']).every((session) => Object.keys(session).length === 0)) deletePath(mine, ['assessment', 'sessions']);
  const merged = mergeData(mine, shared);
  // A sibling may add to the shared answers but never contradict them: they must be identical in every file.
  if (!sameData(mergeData(merged, mine), merged)) {
    throw new SharedAnswerError('the answers for a later child change what the first child\'s answers say about the whole home (household, front door, assessment); give those once, in the first document');
  }
  listAt(merged, ['assessment', 'sessions']).forEach((session, i) => Object.assign(session, seen[i] ?? {}));
  return merged;
}

/** A record's fixed parts around what the answers file gave. */
export function baseRecord(answers: PlainRecord, template: string, type: 'initial' | 'review'): PlainRecord {
  const record = structuredClone(answers);
  record.format = RECORD_FORMAT;
  if (typeof record.template !== 'string') record.template = template;
  const assessment = isPlainObject(record.assessment) ? record.assessment : {};
  assessment.type = type;
  record.assessment = assessment;
  if (!isPlainObject(record.child)) record.child = {};
  return record;
}

export function isDraft(value: unknown): value is Draft {
  return (
    isPlainObject(value) &&
    value.ntk_draft === 1 &&
    (value.command === 'new' || value.command === 'edit' || value.command === 'review') &&
    Array.isArray(value.records) &&
    value.records.length > 0 &&
    value.records.every(isPlainObject) &&
    isPlainObject(value.answers)
  );
}

/**
 * The next review of a record: the child, household, contributors and plan
 * carry forward; everything else is asked again, with last time's answers
 * shown. An answers file fills in what it gives.
 *
 * With siblings (a household reviewed in one sitting), each child gets their
 * own review record: what the first document of the answers says about the
 * home goes into every one, each sibling's own document (matched by
 * `child.ref`) into theirs. What the household shared last time
 * (`assessment.household_shared`) is shared again, so it is asked once.
 */
export function reviewDraft(
  previous: PlainRecord,
  options: { source: string; answers?: PlainRecord; out: string | null; outFile?: string; siblings?: { source: string; previous: PlainRecord; answers?: PlainRecord }[] },
): Draft {
  const siblings = options.siblings ?? [];
  const first = options.answers ?? {};
  const records = [reviewRecord(previous, first), ...siblings.map((s) => reviewRecord(s.previous, withSharedAnswers(first, s.answers ?? {})))];
  return {
    ntk_draft: 1,
    command: 'review',
    household: siblings.length > 0,
    records,
    answers: siblings.length > 0 ? sharedLastTime([previous, ...siblings.map((s) => s.previous)]) : {},
    previous: structuredClone(previous),
    ...(siblings.length > 0 ? { siblings: siblings.map((s) => ({ source: s.source, previous: structuredClone(s.previous) })) } : {}),
    source: options.source,
    out: options.out,
    ...(options.outFile !== undefined ? { outFile: options.outFile } : {}),
  };
}

function reviewRecord(previous: PlainRecord, answers: PlainRecord): PlainRecord {
  const carried: PlainRecord = {
    format: RECORD_FORMAT,
    template: previous.template,
    child: structuredClone(previous.child),
    assessment: { type: 'review', previous: getPath(previous, ['assessment', 'completed']) },
  };
  const contributors = listAt(previous, ['assessment', 'contributors']);
  if (contributors.length > 0) setPath(carried, ['assessment', 'contributors'], structuredClone(contributors));
  const actions = listAt(previous, ['summary', 'actions']);
  if (actions.length > 0) setPath(carried, ['summary', 'actions'], structuredClone(actions));
  const record = mergeData(carried, answers);
  setPath(record, ['assessment', 'type'], 'review');
  return record;
}

/**
 * The household interview's answers that shared parts last time, given again:
 * a section or the family list every child's toolkit lists under
 * `assessment.household_shared` and still holds alike (a file edited on its own
 * since is never overwritten with a sibling's answer). The analysis is asked
 * afresh: whether it is the same for every child is this review's judgement.
 */
function sharedLastTime(previous: PlainRecord[]): Record<string, Answer> {
  const lists = previous.map((p) => {
    const listed = getPath(p, ['assessment', 'household_shared']);
    return new Set((Array.isArray(listed) ? listed : []).filter((k): k is string => typeof k === 'string'));
  });
  const alike = (value: (p: PlainRecord) => unknown): boolean => previous.every((p) => sameData(value(p), value(previous[0] ?? {})));
  const everywhere = (key: string): boolean => lists.every((l) => l.has(key));
  const answers: Record<string, Answer> = { 'household/shared/family': everywhere('family') && alike((p) => getPath(p, ['child', 'family'])) };
  for (const key of lists[0] ?? []) {
    if (!/^\d+\.\d+$/.test(key) || !everywhere(key)) continue;
    const section = (p: PlainRecord): unknown => Object.values(isPlainObject(p.areas) ? p.areas : {}).map((a) => getPath(a, ['sections', key])).find((v) => v !== undefined);
    if (alike(section)) answers[`household/shared/${key}`] = true;
  }
  return answers;
}

/** The toolkit a child's questions in a review are about: that child's own last toolkit (the first child's for what the home shares). */
export function previousFor(draft: Pick<Draft, 'previous' | 'siblings'>, scope: 'all' | number): PlainRecord | undefined {
  return typeof scope === 'number' && scope > 0 ? (draft.siblings?.[scope - 1]?.previous ?? draft.previous) : draft.previous;
}

/**
 * An edit of an existing record. Areas named with --area (or given in the
 * answers file) are answered afresh; the rest are offered one by one.
 */
export function editDraft(record: PlainRecord, options: { file: string; areas: string[]; by?: string; answers?: PlainRecord }): Draft {
  const draft: Draft = {
    ntk_draft: 1,
    command: 'edit',
    household: false,
    records: [structuredClone(record)],
    answers: {},
    previous: structuredClone(record),
    editAreas: [...options.areas],
    source: options.file,
    out: null,
    outFile: options.file,
  };
  const working = draft.records[0] as PlainRecord;
  const givenAreas = getPath(options.answers, ['areas']);
  const fromAnswers = isPlainObject(givenAreas) ? Object.keys(givenAreas) : [];
  for (const key of [...new Set([...options.areas, ...fromAnswers])]) {
    deletePath(working, ['areas', key]);
    if (isPlainObject(givenAreas) && isPlainObject(givenAreas[key])) setPath(working, ['areas', key], structuredClone(givenAreas[key]));
    draft.answers[`child1/areas/${key}`] = 'edit';
  }
  if (fromAnswers.length > 0 && options.areas.length === 0) draft.editAreas = fromAnswers;
  if (options.by !== undefined) {
    const known = listAt(record, ['assessment', 'contributors']);
    if (known.some((c) => c.id === options.by)) draft.answers['edit/editor'] = options.by;
    else {
      draft.answers['edit/editor'] = '+new';
      setPath(working, ['assessment', 'contributors', known.length], { id: options.by });
    }
  }
  return draft;
}
