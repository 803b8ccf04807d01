import { readRecordBytes } from '../read/read-record.js';
import { pathToString } from '../record/finding.js';
import { mergedText } from './merged-text.js';
import { mergeRecordData } from './three-way.js';

export type FileMerge = { kind: 'record'; text: string; conflicts: string[] } | { kind: 'not-records' };

/**
 * Merges three versions of one file as toolkit records. An empty base is a
 * file both branches added. When any side is not a record that reads
 * cleanly (a half-resolved file, another YAML file), the caller falls back
 * to git's own line merge: a merge driver must never lose a side.
 */
export function mergeRecordFiles(name: string, base: Uint8Array, ours: Uint8Array, theirs: Uint8Array): FileMerge {
  const read = (bytes: Uint8Array) => {
    const data = readRecordBytes(name, bytes).record?.data;
    return data !== null && typeof data === 'object' && !Array.isArray(data) && 'format' in data ? { data, text: new TextDecoder().decode(bytes) } : null;
  };
  const [o, a, b] = [base.length === 0 ? { data: undefined, text: '' } : read(base), read(ours), read(theirs)];
  if (!o || !a || !b) return { kind: 'not-records' };
  const result = mergeRecordData(o.data, a.data, b.data);
  return { kind: 'record', text: mergedText(a.text, b.text, result.value), conflicts: result.conflicts.map((c) => pathToString(c.path)) };
}
