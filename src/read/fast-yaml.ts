import { isUtf8 } from 'node:buffer';
import type { Position, RecordPath } from '../validate/finding.js';
import type { ParsedRecord } from './yaml-document.js';
import { MAPPING, SCALAR, SEQUENCE, scanBlockYaml } from './block-yaml.js';

/**
 * A quicker reader for the common case of a plain, well-formed record, many
 * times faster than the `yaml` document parser. It answers only when it is
 * sure to give the same data and the same positions as `parseRecordYaml`
 * (test/property/fast-yaml.property.test.ts checks this); for anything
 * unusual it returns null and the caller reads the file with
 * `parseRecordYaml`, which stays the authority for every problem and message.
 */
export function parseRecordBytesFast(bytes: Uint8Array): ParsedRecord | null {
  // Every character the check looks for is ASCII, and UTF-8 never uses ASCII
  // bytes inside a longer character, so the bytes can be checked before decoding.
  if (doubtful(bytes)) return null;
  const text = decodeFast(bytes);
  return text === null ? null : parseRecordText(text);
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
  return doubtful(Buffer.from(text, 'utf8')) ? null : parseRecordText(text);
}

function parseRecordText(text: string): ParsedRecord | null {
  const scanned = scanBlockYaml(text);
  if (!scanned) return null;
  const { data, events, scalars } = scanned;
  const at = lineLocator(text);
  return { data, locate: (path, part = 'value') => locate(events, scalars, path, part, (open) => at(events[open]!)) };
}

/** Offset to 1-based line and column, by binary search over line starts computed once. */
function lineLocator(text: string): (offset: number) => Position {
  let lines: number[] | null = null;
  return (offset) => {
    lines ??= lineStarts(text);
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lines[lo]! + 1 };
  };
}

/**
 * Syntax the fast reader leaves to the `yaml` parser: anchors, aliases and
 * tags (`&`, `*`, `!` where a node may start), merge keys, directives, flow
 * collections, complex keys, tabs, escapes and lone carriage returns. Free
 * text that happens to contain one of these only costs the slower read.
 * A plain loop: a regular expression with this many alternatives is several
 * times slower on 10 KB of text.
 */
function doubtful(bytes: Uint8Array): boolean {
  let lineStart = true;
  let prev = 0x0a;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    switch (c) {
      case 0x7b: // {
      case 0x7d: // }
      case 0x5b: // [
      case 0x5d: // ]
      case 0x09: // tab
      case 0x5c: // backslash
        return true;
      case 0x3c: // <
        if (bytes[i + 1] === 0x3c) return true;
        break;
      case 0x26: // &
      case 0x2a: // *
      case 0x21: // !
        if (prev === 0x0a || prev === 0x20 || prev === 0x3a || prev === 0x2c || prev === 0x2d) return true;
        break;
      case 0x25: // %
      case 0x3f: // ?
        if (lineStart) return true;
        break;
      case 0x0d:
        if (bytes[i + 1] !== 0x0a) return true;
        break;
    }
    if (c === 0x0a) lineStart = true;
    else if (c !== 0x20 && c !== 0x2d && c !== 0x0d) lineStart = false;
    prev = c;
  }
  return false;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A node's direct children (the index of each one's open event) and its kind, from its open event on. */
function childrenOf(events: readonly number[], scalars: readonly unknown[], open: number, scalarsBefore: number) {
  const kids: { open: number; scalarsBefore: number; value: unknown }[] = [];
  let depth = 0;
  let seen = scalarsBefore;
  for (let i = open + 1; i < events.length; i++) {
    const e = events[i]!;
    if (e >= 0) {
      if (depth === 0) kids.push({ open: i, scalarsBefore: seen, value: undefined });
      depth++;
      continue;
    }
    if (depth === 0) return { kind: e, kids };
    depth--;
    if (e === SCALAR) {
      if (depth === 0) kids[kids.length - 1]!.value = scalars[seen];
      seen++;
    }
  }
  return { kind: 0, kids };
}

/**
 * The same walk as the `yaml` reader's locate (the nearest existing ancestor
 * for a missing path), done on the recorded events: paths only lead forward,
 * so each step scans one node's events and nothing is built.
 */
function locate(
  events: readonly number[],
  scalars: readonly unknown[],
  path: RecordPath,
  part: 'key' | 'value',
  position: (open: number) => Position,
): Position | null {
  let node = { open: 0, scalarsBefore: 0 };
  let keyOpen = -1;
  let found = position(0);
  for (const segment of path) {
    const { kind, kids } = childrenOf(events, scalars, node.open, node.scalarsBefore);
    let next: { open: number; scalarsBefore: number } | undefined;
    let nextKey = -1;
    if (kind === MAPPING) {
      for (let i = 0; i < kids.length; i += 2) {
        if (String(kids[i]!.value) === String(segment)) {
          nextKey = kids[i]!.open;
          next = kids[i + 1];
          break;
        }
      }
    } else if (kind === SEQUENCE && typeof segment === 'number') {
      next = kids[segment];
    }
    if (next === undefined && nextKey === -1) return keyOpen !== -1 ? position(keyOpen) : found;
    if (next === undefined) return position(nextKey);
    node = next;
    keyOpen = nextKey;
    found = position(next.open);
  }
  if (part === 'key' && keyOpen !== -1) return position(keyOpen);
  return found;
}
