import { isUtf8 } from 'node:buffer';
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import type { Position, RecordPath } from '../validate/finding.js';
import type { ParsedRecord } from './yaml-document.js';

/**
 * A quicker reader for the common case of a plain, well-formed record, about
 * ten times faster than the `yaml` document parser. It answers only when it is
 * sure to give the same data and the same positions as `parseRecordYaml`
 * (test/unit/fast-yaml.property.test.ts proves this on generated records);
 * for anything unusual it returns null and the caller reads the file with
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
  if (doubtful(text)) return null;
  // js-yaml reports every node as it opens and closes. Recording just that
  // (a start offset, a kind, a scalar's value) is cheap; the tree of
  // positions is built from it only if something asks where a path is.
  const events: number[] = [];
  const scalars: unknown[] = [];
  let empty = false;
  let data: unknown;
  try {
    data = load(text, {
      schema: recordScalars,
      listener(event, state) {
        if (event === 'open') {
          events.push(state.position);
        } else if (state.kind === 'scalar') {
          events.push(SCALAR);
          scalars.push(state.result);
        } else {
          // A node with no kind is a value left empty (`key:`); where `yaml` places those is its own business.
          if (state.kind === null) empty = true;
          events.push(state.kind === 'mapping' ? MAPPING : SEQUENCE);
        }
      },
    });
  } catch {
    return null;
  }
  if (empty || data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const at = lineLocator(text);
  return { data, locate: (path, part = 'value') => locate(events, scalars, path, part, (open) => at(skipSpace(text, events[open]!))) };
}

const SCALAR = -1;
const MAPPING = -2;
const SEQUENCE = -3;

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
function doubtful(text: string): boolean {
  let lineStart = true;
  let prev = 0x0a;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x7b: // {
      case 0x7d: // }
      case 0x5b: // [
      case 0x5d: // ]
      case 0x09: // tab
      case 0x5c: // backslash
        return true;
      case 0x3c: // <
        if (text.charCodeAt(i + 1) === 0x3c) return true;
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
        if (text.charCodeAt(i + 1) !== 0x0a) return true;
        break;
    }
    if (c === 0x0a) lineStart = true;
    else if (c !== 0x20 && c !== 0x2d && c !== 0x0d) lineStart = false;
    prev = c;
  }
  return false;
}

/**
 * The YAML 1.2 core schema as `parseRecordYaml` resolves it: null, booleans,
 * plain decimal integers; dates and everything else stay strings. Other
 * number forms (octal, hex, floats, infinities) are rare in a record and
 * resolved slightly differently by the two libraries, so they throw and the
 * file takes the authoritative path.
 */
const recordScalars = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (s: string) => /^(?:~|null|Null|NULL)?$/.test(s),
      construct: () => null,
    }),
    new Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (s: string) => /^(?:true|True|TRUE|false|False|FALSE)$/.test(s),
      construct: (s: string) => /^t/i.test(s),
    }),
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (s: string) => /^(?:0|-?[1-9][0-9]{0,14})$/.test(s),
      construct: (s: string) => Number(s),
    }),
    new Type('tag:ntk,fast-path:doubt', {
      kind: 'scalar',
      resolve: (s: string) => /^[-+.]?(?:[0-9]|inf|Inf|INF|nan|NaN|NAN)/.test(s) && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(s),
      construct: () => {
        throw new Error('number form left to the yaml parser');
      },
    }),
  ],
});

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** From where js-yaml opened a node to its first character: past spaces, line breaks and comments. */
function skipSpace(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23) {
      const nl = text.indexOf('\n', i);
      if (nl === -1) return text.length;
      i = nl + 1;
    } else return i;
  }
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
