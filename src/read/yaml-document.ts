import type {
  Alias,
  Document,
  Node as YamlNode,
  Pair,
  YAMLError,
  YAMLMap,
} from 'yaml';
import { yamlReader } from '../io/yaml-reader.js';
import type { FindingCode } from '../record/finding-codes.js';
import type { Position, RecordPath } from '../record/finding.js';

/** A problem found while reading, before the record is validated. */
export interface ReadProblem {
  code: FindingCode;
  message: string;
  position: Position | null;
  path: RecordPath;
}

/**
 * A record as read: its plain data plus the way back from a path in the data
 * to a line and column in the file. Validators only see this interface, so a
 * faster reader can sit behind it as long as it can still locate paths.
 */
export interface ParsedRecord {
  data: unknown;
  /**
   * Where the value (or, with part 'key', the key) at `path` starts. When the
   * path does not exist, the nearest ancestor that does (a missing field is
   * reported at the block it is missing from).
   */
  locate(path: RecordPath, part?: 'key' | 'value'): Position | null;
  /**
   * False when no mapping in the file can have this key, so a rule looking
   * for a rare key need not walk the whole record; absent when the reader
   * cannot say without that walk.
   */
  mayHaveKey?(key: string): boolean;
}

export type YamlReadResult = { ok: true; record: ParsedRecord } | { ok: false; problems: ReadProblem[] };

/**
 * Parses YAML the way records need it: YAML 1.2 core schema, so `2020-09-21`
 * stays the string the practitioner typed (never a Date, never a shifted day);
 * duplicate keys, aliases, merge keys and custom tags are errors, which also
 * makes alias bombs impossible because nothing is ever expanded.
 */
export function parseRecordYaml(text: string): YamlReadResult {
  const lineCounter = new (yamlReader().LineCounter)();
  const deepAt = nestingTooDeepAt(text);
  if (deepAt !== null) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1 && i < deepAt; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    const { line, col } = lineCounter.linePos(deepAt);
    return { ok: false, problems: [{ ...tooDeep, position: { line, column: col } }] };
  }
  let doc: Document.Parsed;
  try {
    doc = yamlReader().parseDocument(text, {
      lineCounter,
      version: '1.2',
      schema: 'core',
      merge: false,
      // Reported below with the first occurrence, which yaml's own error lacks.
      uniqueKeys: false,
      prettyErrors: true,
      strict: true,
    });
  } catch (error) {
    return { ok: false, problems: [tooComplex(error)] };
  }
  const at = (offset: number | undefined): Position | null => {
    if (offset === undefined) return null;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const problems: ReadProblem[] = [];
  // Tags are reported once, by structuralProblems, whether yaml could resolve them or not.
  for (const e of [...doc.errors, ...doc.warnings]) {
    if (e.code === 'TAG_RESOLVE_FAILED') continue;
    const problem = fromYamlError(e, at);
    // yaml often reports one slip twice at the same place; once is enough.
    if (!problems.some((p) => p.message === problem.message && p.position?.line === problem.position?.line && p.position?.column === problem.position?.column)) problems.push(problem);
  }
  if (doc.errors.length === 0) {
    const deep = tooDeepAt(doc);
    // Nothing below may recurse through a pathologically nested document.
    if (deep !== null) return { ok: false, problems: [{ ...tooDeep, position: at(deep) }] };
    problems.push(...structuralProblems(doc, at));
  }
  if (problems.length > 0) return { ok: false, problems };

  if (doc.contents === null) {
    return {
      ok: false,
      problems: [{ code: 'empty-file', message: 'this file is empty; a toolkit record starts with `format: neglect-toolkit/1`', position: null, path: [] }],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    return { ok: false, problems: [tooComplex(error)] };
  }
  return {
    ok: true,
    record: { data, locate: (path, part = 'value') => locateInDocument(doc, path, part, at) },
  };
}

/** A record is about six levels deep; anything far deeper is not a record, and walking it could exhaust the stack. */
export const MAX_NESTING = 64;

const tooDeep: ReadProblem = {
  code: 'yaml-too-deep',
  message: `blocks and lists are nested more than ${MAX_NESTING} levels deep here; a toolkit record is only a few levels deep`,
  position: null,
  path: [],
};

function tooComplex(error: unknown): ReadProblem {
  if (error instanceof RangeError) return tooDeep;
  return { ...tooDeep, code: 'yaml-syntax', message: `this file could not be read as YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
}

/**
 * A cheap pass over yaml's tokens before parsing: yaml's parser needs
 * memory and time out of all proportion for thousands of nested `[` or
 * `- - -` (2 MB of `[` takes gigabytes), so absurd nesting is refused from
 * the tokens alone. Flow brackets count one level each; a block level is an
 * indentation deeper than the one before, or a `-`/`?` indicator on the line.
 */
function nestingTooDeepAt(text: string): number | null {
  if (nestingBound(text) <= MAX_NESTING) return null;
  const control = new Set(['\u0002', '\u0018', '\u001f']);
  const blocks: number[] = [];
  let flow = 0;
  let offset = 0;
  let column = 0;
  let lineStart = true;
  for (const token of new (yamlReader().Lexer)().lex(text)) {
    if (control.has(token)) continue;
    const start = offset;
    offset += token.length;
    if (token === '\n' || token === '\r\n') {
      lineStart = true;
      column = 0;
      continue;
    }
    if (flow === 0 && token.trim() !== '') {
      if (lineStart) {
        while (blocks.length > 0 && blocks[blocks.length - 1]! >= column) blocks.pop();
        blocks.push(column);
        lineStart = false;
      } else if (token === '-' || token === '?') {
        blocks.push(column);
      }
    }
    if (token === '[' || token === '{') flow++;
    else if ((token === ']' || token === '}') && flow > 0) flow--;
    if (flow + blocks.length > MAX_NESTING) return start;
    const lastBreak = token.lastIndexOf('\n');
    column = lastBreak === -1 ? column + token.length : token.length - lastBreak - 1;
    if (lastBreak !== -1) lineStart = column === 0;
  }
  return null;
}

/**
 * An upper bound on the nesting, from characters alone, so ordinary records
 * skip the token pass: every flow level needs a `[` or `{`, and every block
 * level a column of its own in some line's indentation or `- ` indicators.
 */
function nestingBound(text: string): number {
  let openers = 0;
  let widest = 0;
  let run = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) openers++;
    if (c === 0x0a) {
      leading = true;
      run = 0;
    } else if (leading && (c === 0x20 || c === 0x2d || c === 0x3f || c === 0x3a || c === 0x09)) {
      widest = Math.max(widest, ++run);
    } else {
      leading = false;
    }
  }
  return openers + widest + 1;
}

/** Offset of the first node nested deeper than MAX_NESTING, found without recursion. */
function tooDeepAt(doc: Document.Parsed): number | null {
  const stack: [unknown, number][] = [[doc.contents, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!yamlReader().isMap(node) && !yamlReader().isSeq(node)) continue;
    if (depth > MAX_NESTING) return (node as YamlNode).range?.[0] ?? 0;
    for (const item of node.items) {
      if (yamlReader().isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return null;
}

const indentation = 'a line here is indented differently from the lines around it, or a line above it lacks its `:`; fields of one block start in the same column, each written `name: value`';

const friendlyYamlMessages: Record<string, string> = {
  TAB_AS_INDENT: 'a tab is used for indentation here; YAML needs spaces',
  MULTIPLE_DOCS: 'this file holds more than one YAML document (a `---` line part-way through); a record is one document',
  BAD_ALIAS: 'aliases (`*name`) are not allowed in a record; write the value out in full',
  BLOCK_AS_IMPLICIT_KEY: indentation,
  MULTILINE_IMPLICIT_KEY: indentation,
};

/** yaml's wording for the commonest slips, rewritten for someone who has never heard of a flow collection. */
function friendlyMessage(e: YAMLError): string | undefined {
  const known = friendlyYamlMessages[e.code];
  if (known) return known;
  const quote = /Missing closing (["'])quote/.exec(e.message);
  if (quote) return `a quoted text is not closed: add the closing ${quote[1]} at its end (or leave the text unquoted)`;
  const flow = /Flow (sequence|map)\b.*end with an? ([\]}])/.exec(e.message);
  if (flow) return `a ${flow[1] === 'map' ? '{' : '['} above is not closed: add the closing ${flow[2]} (or write the items as indented lines)`;
  return undefined;
}

function fromYamlError(e: YAMLError, at: (o: number | undefined) => Position | null): ReadProblem {
  // yaml reports its own stack overflow on absurd nesting as an ordinary error.
  if (/call stack/i.test(e.message)) return { ...tooDeep, position: at(e.pos[0]) };
  const own = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const message =
    friendlyMessage(e) ??
    `YAML syntax: ${own.charAt(0).toLowerCase()}${own.slice(1)} (check the indentation, colons and quotes on this line and the one before)`;
  return { code: 'yaml-syntax', message, position: at(e.pos[0]), path: [] };
}

/** Duplicate keys (with where the first one was), aliases, merge keys and explicit tags. */
function structuralProblems(doc: Document.Parsed, at: (o: number | undefined) => Position | null): ReadProblem[] {
  const problems: ReadProblem[] = [];
  const tagged = (node: YamlNode) => {
    // `!!str` only restates what a quoted value says; every other tag asks for a type a record never holds.
    if (node.tag === undefined || node.tag === 'tag:yaml.org,2002:str') return;
    const shown = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
    problems.push({
      code: 'yaml-tag',
      message: `YAML tags such as \`${shown}\` are not allowed in a record; write the value as plain text`,
      position: at(node.range?.[0]),
      path: [],
    });
  };
  const aliases: Alias[] = [];
  yamlReader().visit(doc, {
    Scalar(_key, node) {
      tagged(node);
    },
    Seq(_key, node) {
      tagged(node);
    },
    Alias(_key, node) {
      aliases.push(node);
    },
    Map(_key, map) {
      tagged(map);
      const seen = new Map<string, YamlNode>();
      for (const pair of map.items) {
        const keyNode = pair.key as YamlNode | null;
        const key = yamlReader().isScalar(keyNode) ? String(keyNode.value) : null;
        if (key === null) continue;
        if (key === '<<' && yamlReader().isScalar(keyNode) && keyNode.type === 'PLAIN') {
          problems.push({
            code: 'yaml-merge-key',
            message: 'merge keys (`<<`) are not allowed in a record; write the fields out in full',
            position: at(keyNode.range?.[0]),
            path: [],
          });
          continue;
        }
        const first = seen.get(key);
        if (first) {
          const firstPos = at(first.range?.[0]);
          problems.push({
            code: 'duplicate-key',
            message: `\`${key}\` appears twice in the same block${firstPos ? ` (first on line ${firstPos.line})` : ''}; keep one`,
            position: at(keyNode?.range?.[0]),
            path: [],
          });
        } else if (keyNode) {
          seen.set(key, keyNode);
        }
      }
    },
  });
  // An alias bomb holds thousands of them; one finding, with the count, says it all.
  const [first] = aliases;
  if (first) {
    const more = aliases.length - 1;
    problems.push({
      code: 'yaml-alias',
      message: `aliases (\`*${first.source}\`) are not allowed in a record; write the value out in full${more > 0 ? ` (${more} more alias${more === 1 ? '' : 'es'} in this file)` : ''}`,
      position: at(first.range?.[0]),
      path: [],
    });
  }
  return problems;
}

function locateInDocument(
  doc: Document.Parsed,
  path: RecordPath,
  part: 'key' | 'value',
  at: (o: number | undefined) => Position | null,
): Position | null {
  let node: unknown = doc.contents;
  let keyNode: YamlNode | null = null;
  let found: Position | null = at((doc.contents as YamlNode | null)?.range?.[0]);
  for (const segment of path) {
    let next: unknown = undefined;
    let nextKey: YamlNode | null = null;
    if (yamlReader().isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (pair) {
        next = pair.value;
        nextKey = pair.key as YamlNode;
      }
    } else if (yamlReader().isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (next === undefined && nextKey === null) return keyNode ? at(keyNode.range?.[0]) : found;
    node = next;
    keyNode = nextKey;
    const valuePos = yamlReader().isAlias(next) || next === null ? null : at((next as YamlNode | undefined)?.range?.[0]);
    found = valuePos ?? (nextKey ? at(nextKey.range?.[0]) : found);
  }
  if (part === 'key' && keyNode) return at(keyNode.range?.[0]);
  return found;
}

/** A mapping longer than this is looked up through an index rather than scanned. */
const SCAN_LIMIT = 32;
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/**
 * The first pair of the mapping with this key. Every finding in a file is
 * located, so a mapping of 200,000 unknown keys must not be scanned once per
 * finding: long ones get an index, built once per document.
 */
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  const matches = (p: unknown): p is Pair => yamlReader().isPair(p) && yamlReader().isScalar(p.key) && String(p.key.value) === key;
  if (map.items.length <= SCAN_LIMIT) return map.items.find(matches);
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (yamlReader().isPair(p) && yamlReader().isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    pairIndexes.set(map, index);
  }
  return index.get(key);
}
