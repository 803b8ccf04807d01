import { isUtf8 } from 'node:buffer';
import type { Position, RecordPath } from '../record/finding.js';
import type { ParsedRecord } from './yaml-document.js';
import { COLUMN, END, KIND, LINE, MAPPING, SEQUENCE, scanBlockYaml, type NodeTable } from './block-yaml.js';

/**
 * A quicker reader for the common case of a plain, well-formed record, many
 * times faster than the `yaml` document parser. It answers only when it is
 * sure to give the same data and the same positions as `parseRecordYaml`
 * (test/property/fast-yaml.property.test.ts checks this); for anything
 * unusual it returns null and the caller reads the file with
 * `parseRecordYaml`, which stays the authority for every problem and message.
 */
export function parseRecordBytesFast(bytes: Uint8Array): ParsedRecord | null {
  const text = decodeFast(bytes);
  return text === null ? null : parseRecordYamlFast(text);
}

/**
 * UTF-8 text as `decodeRecordBytes` would give it, for the plain case only:
 * no UTF-16 mark, no NUL byte, valid UTF-8 (a leading BOM is dropped, as the
 * TextDecoder does). Node's own checks are much faster than a fatal TextDecoder.
 */
function decodeFast(bytes: Uint8Array): string | null {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return null;
  if (bytes.indexOf(0) !== -1 || !isUtf8(bytes)) return null;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseRecordYamlFast(text: string): ParsedRecord | null {
  const scanned = scanBlockYaml(text);
  if (!scanned) return null;
  const { data, nodes } = scanned;
  const indexes = new Map<number, Map<string, number> | null>();
  return {
    data,
    locate: (path, part = 'value') => locate(nodes, indexes, path, part),
    // Every key is a scalar of the node table: a look through its few hundred values is far quicker than a search of the text.
    mayHaveKey: (key) => nodes.value.includes(key),
  };
}

/** A mapping with more keys than this is looked up through an index rather than scanned. */
const SCAN_LIMIT = 32;

/**
 * The same walk as the `yaml` reader's locate (the nearest existing ancestor
 * for a missing path), over the scanner's node table: a map's children are
 * key, value, key, value..., and `end` skips from one child to the next.
 */
function locate(nodes: NodeTable, indexes: Map<number, Map<string, number> | null>, path: RecordPath, part: 'key' | 'value'): Position | null {
  const { ints } = nodes;
  // Node numbers only on the way down (every finding of every file is located): one position is made, at the end.
  let node = 0;
  let keyNode = -1;
  let found = 0;
  for (const segment of path) {
    let next = -1;
    let nextKey = -1;
    const last = ints[node * 4 + END]!;
    const kind = ints[node * 4 + KIND]!;
    if (kind === MAPPING) {
      nextKey = keyOf(nodes, indexes, node, String(segment));
      if (nextKey !== -1) next = ints[nextKey * 4 + END]!;
    } else if (kind === SEQUENCE && typeof segment === 'number' && Number.isInteger(segment) && segment >= 0) {
      let item = node + 1;
      for (let i = 0; i < segment && item < last; i++) item = ints[item * 4 + END]!;
      if (item < last) next = item;
    }
    if (next === -1 && nextKey === -1) return positionOf(ints, keyNode !== -1 ? keyNode : found);
    node = next;
    keyNode = nextKey;
    found = next;
  }
  return positionOf(ints, part === 'key' && keyNode !== -1 ? keyNode : found);
}

function positionOf(ints: Int32Array, n: number): Position {
  return { line: ints[n * 4 + LINE]!, column: ints[n * 4 + COLUMN]! };
}

/** The key node of `key` in the mapping `map`, or -1. */
function keyOf({ ints, value }: NodeTable, indexes: Map<number, Map<string, number> | null>, map: number, key: string): number {
  const end = ints[map * 4 + END]!;
  // A key and its value are two nodes at least, so a mapping of few nodes has few keys: scanned, with no index to look up.
  if (end - map - 1 > 2 * SCAN_LIMIT) {
    // Every finding is located: a mapping of 200,000 unknown keys gets an index, built once per file, not a scan per finding.
    let index = indexes.get(map);
    if (index === undefined) {
      let count = 0;
      for (let k = map + 1; k < end; k = ints[ints[k * 4 + END]! * 4 + END]!) count++;
      index = count > SCAN_LIMIT ? new Map() : null;
      for (let k = map + 1; index && k < end; k = ints[ints[k * 4 + END]! * 4 + END]!) if (!index.has(String(value[k]))) index.set(String(value[k]), k);
      indexes.set(map, index);
    }
    if (index) return index.get(key) ?? -1;
  }
  for (let k = map + 1; k < end; k = ints[ints[k * 4 + END]! * 4 + END]!) if (String(value[k]) === key) return k;
  return -1;
}
