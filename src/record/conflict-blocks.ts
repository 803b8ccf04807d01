import { isPlainObject } from './plain-data.js';

/**
 * The key a merge writes where both branches changed the same thing
 * differently: a mapping of what each side had, so the file stays YAML that
 * anyone can read, and `ntk check` points at the block until it is resolved.
 */
export const CONFLICT_KEY = 'ntk-merge-conflict';

/** Every unresolved conflict block in a record, as paths to the block (for `ntk check`). */
export function conflictPaths(data: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  // One path, grown and shrunk as the walk goes, copied only at a conflict: `check` walks every
  // record, and a copy of the path per node was a tenth of its time.
  const path: (string | number)[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i]);
        path.pop();
      }
    } else if (isPlainObject(node)) {
      if (Object.hasOwn(node, CONFLICT_KEY)) {
        found.push([...path]);
        return;
      }
      for (const key in node) {
        if (!Object.hasOwn(node, key)) continue;
        path.push(key);
        walk(node[key]);
        path.pop();
      }
    }
  };
  walk(data);
  return found;
}
