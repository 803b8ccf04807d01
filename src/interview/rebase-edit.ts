import type { Draft } from './draft.js';
import { deletePath, getPath, isPlainObject, listAt, sameData, setPath, type PlainRecord } from '../record/plain-data.js';

/** The areas an edit has changed, or is changing: an edit touches nothing else but the contributors it adds. */
function areasOfEdit(draft: Draft, before: PlainRecord, mine: PlainRecord): string[] {
  const keys = new Set([...Object.keys(objectAt(before, ['areas'])), ...Object.keys(objectAt(mine, ['areas']))]);
  const touched = [...keys].filter((k) => !sameData(getPath(before, ['areas', k]), getPath(mine, ['areas', k])));
  const opened = Object.entries(draft.answers)
    .filter(([id, answer]) => answer === 'edit' && /^child1\/areas\/[^/]+$/.test(id))
    .map(([id]) => id.slice('child1/areas/'.length));
  return [...new Set([...touched, ...opened, ...(draft.editAreas ?? [])])];
}

function objectAt(root: unknown, path: string[]): PlainRecord {
  const value = getPath(root, path);
  return isPlainObject(value) ? value : {};
}

export type Rebase = { ok: true; draft: Draft } | { ok: false; areas: string[] };

/**
 * An unfinished edit carried onto the record as someone else has saved it
 * since: their changes are kept, and this edit's areas and the contributor
 * it adds are laid on top. Possible only when they changed none of the
 * areas this edit changes; otherwise nothing is guessed and those areas are
 * named. Contributors: theirs first, then the ones this edit adds.
 */
export function rebaseEdit(draft: Draft, now: PlainRecord): Rebase {
  const before = draft.previous ?? {};
  const mine = draft.records[0] ?? {};
  const areas = areasOfEdit(draft, before, mine);
  const clashes = areas.filter((k) => !sameData(getPath(before, ['areas', k]), getPath(now, ['areas', k])));
  const known = listAt(before, ['assessment', 'contributors']);
  const ours = listAt(mine, ['assessment', 'contributors']);
  // An edit only appends contributors; anything else is not an edit this can carry over.
  if (clashes.length > 0 || !sameData(ours.slice(0, known.length), known)) return { ok: false, areas: clashes };
  const record = structuredClone(now);
  for (const k of areas) {
    const value = getPath(mine, ['areas', k]);
    if (value === undefined) deletePath(record, ['areas', k]);
    else setPath(record, ['areas', k], structuredClone(value));
  }
  const added = ours.slice(known.length);
  if (added.length > 0) setPath(record, ['assessment', 'contributors'], [...listAt(now, ['assessment', 'contributors']), ...structuredClone(added)]);
  // The answers about the contributors this edit adds follow them to their new places after theirs.
  const shift = listAt(now, ['assessment', 'contributors']).length - known.length;
  const answers = shift === 0 ? draft.answers : Object.fromEntries(Object.entries(draft.answers).map(([id, answer]) => [shiftedContributorId(id, known.length, shift), answer]));
  return { ok: true, draft: { ...draft, answers, records: [record], previous: structuredClone(now) } };
}

/** A question id about contributor `i` (`…assessment/contributors/i/…`) moved by `shift` when `i` is one this edit added. */
function shiftedContributorId(id: string, known: number, shift: number): string {
  return id.replace(/(^|\/)assessment\/contributors\/(\d+)(?=\/|$)/, (whole, lead: string, i: string) => (Number(i) >= known ? `${lead}assessment/contributors/${Number(i) + shift}` : whole));
}
