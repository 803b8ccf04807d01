import { CONFLICT_KEY } from '../record/conflict-blocks.js';
import { isPlainObject, sameData, type DataPath } from '../record/plain-data.js';

export interface MergeConflict {
  /** Where in the record, e.g. `areas.physical-care.sections.1.1`. */
  path: DataPath;
  ours: unknown;
  theirs: unknown;
}

export interface MergeResult {
  /** The merged record; each conflict is a `{ ntk-merge-conflict: { ours, theirs } }` block in place of the value. */
  value: unknown;
  conflicts: MergeConflict[];
}

/**
 * A list whose items are matched by who or what they are rather than by
 * position, so that two agencies each adding a session or an action both
 * keep theirs. An item without its identity makes the list one unit.
 */
const listIdentities: { path: readonly string[]; identity: (item: Record<string, unknown>) => unknown }[] = [
  { path: ['assessment', 'sessions'], identity: (s) => (s.date === undefined ? undefined : [s.date, s.type, s.by ?? ''].join('|')) },
  { path: ['assessment', 'contributors'], identity: (c) => c.id },
  { path: ['summary', 'actions'], identity: (a) => a.action },
  { path: ['child', 'family'], identity: (f) => f.ref ?? f.name },
];

/** A section is scored as a whole: two different changes to one section are a conflict even when they touch different fields. */
function isUnit(path: DataPath): boolean {
  return path.length === 4 && path[0] === 'areas' && path[2] === 'sections';
}

function identityFor(path: DataPath): ((item: Record<string, unknown>) => unknown) | undefined {
  if (path.some((p) => typeof p === 'number')) return undefined;
  return listIdentities.find((l) => l.path.length === path.length && l.path.every((p, i) => p === path[i]))?.identity;
}

/**
 * Three-way merge of plain record data: what only one side changed is
 * taken; what both changed the same way is taken once; what both changed
 * differently is a conflict. Mappings merge key by key (a section as one
 * unit), identified lists item by item, anything else as a whole.
 * `undefined` stands for "not there" (a file added on both branches has
 * no base).
 */
export function mergeRecordData(base: unknown, ours: unknown, theirs: unknown): MergeResult {
  const conflicts: MergeConflict[] = [];
  const value = mergeAt([], base, ours, theirs, conflicts);
  return { value, conflicts };
}

function mergeAt(path: DataPath, base: unknown, ours: unknown, theirs: unknown, conflicts: MergeConflict[]): unknown {
  if (sameData(ours, theirs)) return ours;
  if (sameData(base, ours)) return theirs;
  if (sameData(base, theirs)) return ours;
  if (!isUnit(path) && isPlainObject(ours) && isPlainObject(theirs)) {
    return mergeMaps(path, isPlainObject(base) ? base : {}, ours, theirs, conflicts);
  }
  const identity = identityFor(path);
  if (identity && Array.isArray(ours) && Array.isArray(theirs)) {
    const merged = mergeLists(path, Array.isArray(base) ? base : [], ours, theirs, identity, conflicts);
    if (merged !== null) return merged;
  }
  conflicts.push({ path, ours, theirs });
  return { [CONFLICT_KEY]: { ours: ours ?? null, theirs: theirs ?? null } };
}

function mergeMaps(path: DataPath, base: Record<string, unknown>, ours: Record<string, unknown>, theirs: Record<string, unknown>, conflicts: MergeConflict[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = [...Object.keys(ours)];
  // A key only theirs has goes after the key it follows there, so the record keeps its order.
  for (const key of Object.keys(theirs)) {
    if (keys.includes(key)) continue;
    const before = Object.keys(theirs).slice(0, Object.keys(theirs).indexOf(key)).reverse().find((k) => keys.includes(k));
    keys.splice(before === undefined ? 0 : keys.indexOf(before) + 1, 0, key);
  }
  for (const key of keys) {
    const value = mergeAt([...path, key], base[key], ours[key], theirs[key], conflicts);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Item by item by identity; null when the items cannot be told apart (the list is then one unit). */
function mergeLists(
  path: DataPath,
  base: unknown[],
  ours: unknown[],
  theirs: unknown[],
  identity: (item: Record<string, unknown>) => unknown,
  conflicts: MergeConflict[],
): unknown[] | null {
  const keyed = (list: unknown[]): Map<string, unknown> | null => {
    const map = new Map<string, unknown>();
    for (const item of list) {
      const id = isPlainObject(item) ? identity(item) : undefined;
      if (id === undefined || id === null) return null;
      const key = JSON.stringify(id);
      if (map.has(key)) return null;
      map.set(key, item);
    }
    return map;
  };
  const [b, o, t] = [keyed(base), keyed(ours), keyed(theirs)];
  if (!b || !o || !t) return null;
  const order = [...o.keys()];
  const theirOrder = [...t.keys()];
  for (const key of theirOrder) {
    if (order.includes(key)) continue;
    const before = theirOrder.slice(0, theirOrder.indexOf(key)).reverse().find((k) => order.includes(k));
    order.splice(before === undefined ? 0 : order.indexOf(before) + 1, 0, key);
  }
  const out: unknown[] = [];
  for (const key of order) {
    const value = mergeAt([...path, out.length], b.get(key), o.get(key), t.get(key), conflicts);
    if (value !== undefined) out.push(value);
  }
  return out;
}
