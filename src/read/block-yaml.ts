/**
 * A reader for the plain block YAML that records are written in - nested
 * `key: value` maps, `- ` lists, plain, quoted and `>`/`|` block text - and
 * nothing else. It exists for speed on large batches (a few times faster than
 * a general YAML parser) and declines (returns null) at the first thing
 * outside that subset, so the caller can hand the file to the `yaml` reader,
 * the authority. test/property/fast-yaml.property.test.ts checks that
 * whenever it answers, it gives the same data and positions as `yaml`.
 *
 * Besides the data it records every node - map, list, key, value - in
 * document order, in a few flat arrays: enough to find any path's line and
 * column later without building a tree of objects.
 */
import { ownCopy } from '../text/own-copy.js';

export interface BlockYaml {
  data: Record<string, unknown>;
  nodes: NodeTable;
}

/**
 * Node n, numbered in document order: in `ints`, from 4n on, its kind, line,
 * column and the number after its last descendant; in `value`, a scalar's value.
 */
export interface NodeTable {
  ints: Int32Array;
  value: unknown[];
}

/** Offsets of a node's fields in `NodeTable.ints`, from 4n. */
export const KIND = 0;
export const LINE = 1;
export const COLUMN = 2;
export const END = 3;

export const SCALAR = -1;
export const MAPPING = -2;
export const SEQUENCE = -3;

class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

export function scanBlockYaml(text: string): BlockYaml | null {
  // Line-ending, tab, escape and byte-order-mark rules are the `yaml` reader's business (searching for them is cheap).
  if (text.includes('\r') || text.includes('\t') || text.includes('\\') || text.includes('\ufeff')) return null;
  try {
    return new Scanner(text).document();
  } catch (error) {
    if (error instanceof Decline || error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * Where each line starts and ends and its indentation (set when the line is
 * reached), in flat arrays shared by every file a thread reads: objects per
 * line cost more in allocation and garbage collection than the scan itself.
 * Safe to share because a scan runs to the end before the next one starts.
 */
let lineStart = new Int32Array(1024);
let lineEnd = new Int32Array(1024);
let lineIndent = new Int32Array(1024);
/** The node table while it is built (copied out, at its size, for the file's reader). */
let nodeInts = new Int32Array(4096);
/** The nodes' values while they are built, likewise: a list grown by one push per node was a twentieth of the reader's time. */
const nodeValues: unknown[] = [];

/**
 * The keys of the last map read at one place of a document (the root, or
 * below a key of a map known so), in order: records of one template repeat
 * their keys file after file. A key found where it is expected is taken as
 * the string kept for it, already a property name, where a key cut from the
 * text had first to be made one (looked up among V8's property names by its
 * characters: a sixth of a cold check's reading). A guess is taken only
 * where the text holds exactly what was written, up to the colon after it,
 * so the key is what the checks of a key cut from the text would give.
 */
interface KnownMap {
  /** Each key as written (quotes and all), up to its colon. */
  written: string[];
  keys: string[];
  below: Map<string, KnownMap>;
}

/** A thread's known maps, shared by every file it reads, like the line arrays, and bounded: a batch of odd files could have any number of places and keys. */
const knownRoot: KnownMap = { written: [], keys: [], below: new Map() };
let knownEntries = 0;
const KNOWN_ENTRIES = 32768;
const KNOWN_KEY_LENGTH = 64;

/** The known map below `key` of `known`, made on the first visit while there is room. */
function knownBelow(known: KnownMap | null, key: string): KnownMap | null {
  if (known === null) return null;
  let below = known.below.get(key);
  if (below === undefined) {
    if (knownEntries >= KNOWN_ENTRIES || key.length > KNOWN_KEY_LENGTH) return null;
    knownEntries++;
    below = { written: [], keys: [], below: new Map() };
    known.below.set(ownCopy(key), below);
  }
  return below;
}

/**
 * Remembers the k-th key of a known map. What a key's checks find depends on
 * its characters alone, but for a git conflict's marker, refused at the
 * start of a line only: every key of the root map starts a line, and no key
 * of any other map does, so a guess is good wherever its map is.
 */
function learn(known: KnownMap, k: number, written: string, key: string): void {
  if (k > known.written.length || key.length > KNOWN_KEY_LENGTH) return;
  if (k === known.written.length) {
    if (knownEntries >= KNOWN_ENTRIES) return;
    knownEntries++;
  }
  known.written[k] = ownCopy(written);
  known.keys[k] = written === key ? known.written[k]! : ownCopy(key);
}

function grow(): void {
  lineStart = longer(lineStart);
  lineEnd = longer(lineEnd);
  lineIndent = longer(lineIndent);
}

function longer(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

class Scanner {
  private readonly count: number;
  /** Whether the text has a `#` at all: most records have none, and then no key or value needs searching for a comment. */
  private readonly hash: boolean;
  private i = 0;
  /** Where the current line's content starts: after its indentation, or after a `- ` on it. */
  private col = 0;
  private nodeCount = 0;

  constructor(private readonly text: string) {
    this.hash = text.includes('#');
    let start = 0;
    let n = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      if (n === lineStart.length) grow();
      lineStart[n] = start;
      lineEnd[n] = end;
      n++;
      start = end + 1;
    }
    this.count = n;
  }

  document(): BlockYaml {
    this.skipBlank();
    if (this.i >= this.count) decline();
    if (lineIndent[this.i] !== 0 || this.isItem()) decline();
    const data = this.mapping(0, knownRoot) as Record<string, unknown>;
    this.skipBlank();
    if (this.i < this.count) decline();
    const value = nodeValues.slice(0, this.nodeCount);
    // The next file's nodes overwrite these; until then they would only keep this file's strings alive.
    nodeValues.fill(undefined, 0, this.nodeCount);
    return { data, nodes: { ints: nodeInts.slice(0, this.nodeCount * 4), value } };
  }

  /** Records a node starting at `offset` on the current line; returns its number. */
  private open(offset: number): number {
    const n = this.nodeCount++;
    if (n * 4 + 4 > nodeInts.length) nodeInts = longer(nodeInts);
    nodeInts[n * 4 + LINE] = this.i + 1;
    nodeInts[n * 4 + COLUMN] = offset - lineStart[this.i]! + 1;
    if (n === nodeValues.length) nodeValues.push(undefined);
    return n;
  }

  private close(n: number, kind: number, value?: unknown): void {
    nodeInts[n * 4 + KIND] = kind;
    nodeInts[n * 4 + END] = this.nodeCount;
    nodeValues[n] = value;
  }

  /** Moves to the next line with content, setting its indent and `col`. */
  private skipBlank(): void {
    const t = this.text;
    for (; this.i < this.count; this.i++) {
      const start = lineStart[this.i]!;
      const end = lineEnd[this.i]!;
      let p = start;
      while (p < end && t.charCodeAt(p) === 0x20) p++;
      if (p === end || t.charCodeAt(p) === 0x23) continue;
      if (p === start && (t.startsWith('---', p) || t.startsWith('...', p))) decline();
      lineIndent[this.i] = p - start;
      this.col = p;
      return;
    }
  }

  private isItem(): boolean {
    const c = this.text.charCodeAt(this.col);
    const next = this.col + 1 < lineEnd[this.i]! ? this.text.charCodeAt(this.col + 1) : 0x20;
    return c === 0x2d && next === 0x20;
  }

  /** The block node at the current line, whose content starts at column `indent`; `known`, what was read there before. */
  private block(indent: number, known: KnownMap | null): unknown {
    return this.isItem() ? this.sequence(indent, known) : this.mapping(indent, known);
  }

  private mapping(indent: number, known: KnownMap | null): Record<string, unknown> {
    const t = this.text;
    const out: Record<string, unknown> = {};
    const node = this.open(this.col);
    for (let k = 0; ; k++) {
      const lineAt = this.i;
      const end = lineEnd[lineAt]!;
      // Key.
      const keyStart = this.col;
      let key: string;
      let p: number;
      const c = t.charCodeAt(keyStart);
      const guess = known !== null && k < known.written.length ? known.written[k]! : '';
      const guessed = guess !== '' && t.startsWith(guess, keyStart) && t.charCodeAt(keyStart + guess.length) === 0x3a;
      if (guessed) {
        key = known!.keys[k]!;
        p = keyStart + guess.length;
      } else if (c === 0x22 || c === 0x27) {
        const close = t.indexOf(String.fromCharCode(c), keyStart + 1);
        if (close === -1 || close >= end) decline();
        key = t.slice(keyStart + 1, close);
        if (c === 0x27 && t.charCodeAt(close + 1) === 0x27) decline();
        p = close + 1;
        if (t.charCodeAt(p) !== 0x3a) decline();
      } else {
        // A line git's line merge begins a conflict with reads as a key here; readRecordBytes refuses the file (gitMarkerFinding).
        if (!plainStart(c) || (c === 0x3c && keyStart === lineStart[lineAt] && t.startsWith('<<<<<<<', keyStart))) decline();
        p = t.indexOf(':', keyStart);
        if (p === -1 || p >= end) decline();
        key = t.slice(keyStart, p);
        if (t.charCodeAt(p - 1) === 0x20 || (this.hash && key.includes(' #')) || typeof resolvePlain(key) !== 'string') decline();
      }
      // Merge keys, keys that could reach a prototype and duplicate keys are refused by the `yaml` reader, with its messages.
      if (key.length > 1000 || (key.length === 2 && key === '<<') || (key.length === 9 && key === '__proto__') || Object.hasOwn(out, key)) decline();
      if (known !== null && !guessed) learn(known, k, t.slice(keyStart, p), key);
      this.close(this.open(keyStart), SCALAR, key);
      // Value.
      p++;
      const after = t.charCodeAt(p);
      if (p < end && after !== 0x20) decline();
      while (p < end && t.charCodeAt(p) === 0x20) p++;
      if (p === end) {
        this.i++;
        this.skipBlank();
        const more = this.i < this.count;
        const nextIndent = lineIndent[this.i]!;
        if (more && nextIndent > indent) out[key] = this.block(nextIndent, knownBelow(known, key));
        else if (more && nextIndent === indent && this.isItem()) out[key] = this.sequence(indent, knownBelow(known, key));
        else decline();
      } else {
        if (t.charCodeAt(p) === 0x23) decline();
        out[key] = this.inline(p, lineAt, indent);
      }
      this.skipBlank();
      if (this.i >= this.count || lineIndent[this.i]! < indent) break;
      if (lineIndent[this.i]! > indent || this.isItem()) decline();
    }
    this.close(node, MAPPING);
    return out;
  }

  /** A list; `known`, what was read there before, which every map in it shares. */
  private sequence(indent: number, known: KnownMap | null): unknown[] {
    const t = this.text;
    const out: unknown[] = [];
    const node = this.open(this.col);
    for (;;) {
      const lineAt = this.i;
      const end = lineEnd[lineAt]!;
      let p = this.col + 1;
      while (p < end && t.charCodeAt(p) === 0x20) p++;
      if (p === end) decline();
      if (t.charCodeAt(p) === 0x2d && (p + 1 === end || t.charCodeAt(p + 1) === 0x20)) decline();
      if (t.charCodeAt(p) === 0x23) decline();
      if (this.startsMapping(p, end)) {
        // `- key: value`: a map whose keys line up with this one.
        const own = p - lineStart[lineAt]!;
        lineIndent[lineAt] = own;
        this.col = p;
        out.push(this.mapping(own, known));
      } else {
        out.push(this.inline(p, lineAt, indent));
        this.skipBlank();
      }
      if (this.i >= this.count) break;
      const nextIndent = lineIndent[this.i]!;
      if (nextIndent < indent || (nextIndent === indent && !this.isItem())) break;
      if (nextIndent > indent) decline();
    }
    this.close(node, SEQUENCE);
    return out;
  }

  /** Whether a `key:` starts at p on this line (outside quotes). */
  private startsMapping(p: number, end: number): boolean {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (c === 0x22 || c === 0x27) {
      const close = t.indexOf(String.fromCharCode(c), p + 1);
      return close !== -1 && close < end && t.charCodeAt(close + 1) === 0x3a;
    }
    if (c === 0x3e || c === 0x7c) return false;
    const colon = t.indexOf(':', p);
    return colon !== -1 && colon < end && (colon + 1 === end || t.charCodeAt(colon + 1) === 0x20);
  }

  /** A scalar starting at p on the current line (a block scalar takes the lines after it). */
  private inline(p: number, lineAt: number, parentIndent: number): unknown {
    const t = this.text;
    const lineEndAt = lineEnd[lineAt]!;
    const c = t.charCodeAt(p);
    const node = this.open(p);
    let value: unknown;
    if (c === 0x3e || c === 0x7c) {
      const header = t.slice(p, lineEndAt);
      if (header !== '>' && header !== '>-' && header !== '|' && header !== '|-') decline();
      this.i++;
      value = this.blockScalar(c === 0x3e, header.length === 2, parentIndent);
    } else if (c === 0x22 || c === 0x27) {
      const close = t.indexOf(String.fromCharCode(c), p + 1);
      if (close === -1 || close >= lineEndAt) decline();
      let q = close + 1;
      if (c === 0x27 && t.charCodeAt(q) === 0x27) decline();
      while (q < lineEndAt && t.charCodeAt(q) === 0x20) q++;
      if (q !== lineEndAt) decline();
      value = t.slice(p + 1, close);
      this.i++;
      this.noContinuation(parentIndent);
    } else {
      if (!plainStart(c)) decline();
      let end = lineEndAt;
      while (t.charCodeAt(end - 1) === 0x20) end--;
      const raw = t.slice(p, end);
      if (t.charCodeAt(end - 1) === 0x3a || raw.includes(': ') || (this.hash && raw.includes(' #'))) decline();
      value = resolvePlain(raw);
      this.i++;
      this.noContinuation(parentIndent);
    }
    this.close(node, SCALAR, value);
    return value;
  }

  /** A one-line scalar must not go on over more-indented lines (multi-line scalars are left to `yaml`). */
  private noContinuation(parentIndent: number): void {
    this.skipBlank();
    if (this.i < this.count && lineIndent[this.i]! > parentIndent) decline();
  }

  /** `>` or `|` text: lines more indented than the parent, folded or kept, with the final line break clipped or stripped. */
  private blockScalar(folded: boolean, strip: boolean, parentIndent: number): string {
    const t = this.text;
    let indent = -1;
    const parts: string[] = [];
    let i = this.i;
    for (; i < this.count; i++) {
      const start = lineStart[i]!;
      const end = lineEnd[i]!;
      let p = start;
      while (p < end && t.charCodeAt(p) === 0x20) p++;
      if (p === end) {
        // A blank line. Leading ones, and ones with more spaces than the text's indentation, have rules of their own.
        if (indent === -1 || p - start > indent) decline();
        parts.push('');
        continue;
      }
      const own = p - start;
      if (indent === -1) {
        if (own <= parentIndent) break;
        indent = own;
      } else if (own < indent) break;
      else if (own > indent) decline();
      parts.push(t.slice(p, end));
    }
    if (indent === -1) decline();
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    this.i = i;
    this.skipBlank();
    let body: string;
    if (folded) {
      body = '';
      for (let k = 0; k < parts.length; k++) {
        const part = parts[k]!;
        if (k === 0) body = part;
        else if (part === '') body += '\n';
        else body += parts[k - 1] === '' ? part : ` ${part}`;
      }
    } else body = parts.join('\n');
    return strip ? body : `${body}\n`;
  }
}

/** Characters a plain scalar may start with here (YAML indicators, and a few that are merely unusual, are left to `yaml`). */
function plainStart(c: number): boolean {
  return !(
    c === 0x2d || c === 0x3f || c === 0x3a || c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x23 || c === 0x26 ||
    c === 0x2a || c === 0x21 || c === 0x7c || c === 0x3e || c === 0x27 || c === 0x22 || c === 0x25 || c === 0x40 || c === 0x60 || c === 0x20 || Number.isNaN(c)
  );
}

/** Whether `s` is shaped like 2021-03-16 (the dates the fast reader keeps as text). */
function isDigitDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d) return false;
  for (let i = 0; i < 10; i++) {
    const d = s.charCodeAt(i);
    if (i !== 4 && i !== 7 && (d < 0x30 || d > 0x39)) return false;
  }
  return true;
}

/**
 * The YAML 1.2 core schema as `parseRecordYaml` resolves a plain scalar:
 * null, booleans, plain decimal integers; dates and other text stay strings.
 * Other number forms (octal, hex, floats, infinities) are left to `yaml`.
 */
function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2e || c === 0x2d) {
    // A score and a date, the commonest of these, without a regular expression each.
    if (s.length === 1 && c <= 0x39 && c >= 0x30) return c - 0x30;
    if (isDigitDate(s)) return s;
    if (/^(?:0|-?[1-9][0-9]{0,14})$/.test(s)) return Number(s);
    // One token of digits, dots, letters and signs may be a number form of YAML's; text with spaces or other marks is not.
    if (/^[-+]?\.?[0-9][0-9A-Za-z_.+-]*$/.test(s)) decline();
    // Infinities and not-a-number start with a sign or a dot, so they are only looked for here.
    if (/^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(s)) decline();
    return s;
  }
  // By length first: every key and value of every file comes here, and most are none of these words.
  if (s.length === 1) return s === '~' ? null : s;
  if (s.length === 4) {
    if (s === 'null' || s === 'Null' || s === 'NULL') return null;
    if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  }
  if (s.length === 5 && (s === 'false' || s === 'False' || s === 'FALSE')) return false;
  return s;
}
