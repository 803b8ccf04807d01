/**
 * Records under construction are plain JSON-like objects that may be missing
 * anything. These helpers read and change them by path without trusting
 * their shape.
 */
export type PlainRecord = Record<string, unknown>;
export type DataPath = readonly (string | number)[];

export function isPlainObject(value: unknown): value is PlainRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function getPath(root: unknown, path: DataPath): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isPlainObject(node) && typeof segment === 'string' && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** Sets a value in place, creating the objects and lists on the way. */
export function setPath(root: PlainRecord, path: DataPath, value: unknown): void {
  let node: unknown = root;
  path.forEach((segment, i) => {
    const last = i === path.length - 1;
    const container = node as Record<string | number, unknown>;
    if (last) {
      container[segment] = value;
      return;
    }
    const existing = container[segment];
    if (existing === null || typeof existing !== 'object') container[segment] = typeof path[i + 1] === 'number' ? [] : {};
    node = container[segment];
  });
}

/** Removes a value in place, then any object it leaves empty on the way up (an empty `areas: {}` says nothing). */
export function deletePath(root: PlainRecord, path: DataPath): void {
  if (path.length === 0) return;
  const parentPath = path.slice(0, -1);
  const parent = getPath(root, parentPath);
  const key = path[path.length - 1] as string | number;
  if (isPlainObject(parent) && typeof key === 'string') delete parent[key];
  else return;
  if (parentPath.length > 0 && Object.keys(parent).length === 0) deletePath(root, parentPath);
}

export function listAt(root: unknown, path: DataPath): PlainRecord[] {
  const value = getPath(root, path);
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

/** Equal as data: same keys and values, whatever the key order. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameData(a[k], b[k]));
  }
  return a === b;
}

/** `over` laid onto `base`: objects merge key by key, anything else (lists included) is replaced. */
export function mergeData(base: PlainRecord, over: PlainRecord): PlainRecord {
  const out = structuredClone(base);
  for (const [key, value] of Object.entries(over)) {
    const mine = out[key];
    out[key] = isPlainObject(mine) && isPlainObject(value) ? mergeData(mine, value) : structuredClone(value);
  }
  return out;
}
