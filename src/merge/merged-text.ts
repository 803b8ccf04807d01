import type { Node as YamlNode, Pair } from 'yaml';
import { yamlReader } from '../io/yaml-reader.js';
import { lineEnd, lineStart } from '../interview/edit-splice.js';
import { isPlainObject, sameData } from '../record/plain-data.js';
import { CONFLICT_KEY } from '../record/conflict-blocks.js';

const yamlOptions = { version: '1.2', schema: 'core', merge: false } as const;

const conflictComment =
  ' Merge conflict: both branches changed this. Keep one of `ours` and `theirs` (edit it if need be)\n' +
  ' and put it in place of this block, then run `ntk check` on the file.';

/**
 * The merged record as text, written over our side's text: only what the
 * merge changed is replaced, so the comments, quoting and line folding of
 * every unchanged part stay byte for byte, and a part taken from their side
 * keeps their bytes when it sits at the same indentation. If the layout is
 * one this cannot splice (flow style, say), or the spliced text would not
 * read back as the merged record, the whole record is written afresh.
 */
export function mergedText(oursText: string, theirsText: string, merged: unknown): string {
  const ours = yamlReader().parseDocument(oursText, yamlOptions);
  const theirs = yamlReader().parseDocument(theirsText, yamlOptions);
  const splices = splicesFor({ text: oursText, node: ours.contents }, { text: theirsText, node: theirs.contents }, ours.toJS(), merged);
  if (splices !== null) {
    let text = oursText;
    // From the end backwards, so earlier offsets stay true; insertions at one place keep their order.
    const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.start - a.start || b.i - a.i);
    for (const s of ordered) text = text.slice(0, s.start) + s.text + text.slice(s.end);
    const check = yamlReader().parseDocument(text, yamlOptions);
    if (check.errors.length === 0 && sameData(check.toJS(), merged)) return text;
  }
  // The comment lines the file starts with (the editor's schema line) are kept whatever happens.
  const header = /^(?:#.*\n|[ \t]*\n)*/.exec(oursText)?.[0] ?? '';
  return header + yamlText(merged, 0);
}

interface Side {
  text: string;
  node: unknown;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

function column(text: string, node: YamlNode | null | undefined): number | null {
  return node?.range ? node.range[0] - lineStart(text, node.range[0]) : null;
}

/** YAML for a value at an indentation, with the conflict blocks explained in a comment. */
function yamlText(value: unknown, indent: number): string {
  const doc = new (yamlReader().Document)(value, yamlOptions);
  yamlReader().visit(doc, {
    Pair(_, pair) {
      if (yamlReader().isScalar(pair.key) && pair.key.value === CONFLICT_KEY) pair.key.commentBefore = conflictComment;
    },
  });
  const pad = ' '.repeat(indent);
  return doc
    .toString({ lineWidth: 100 })
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}

type BlockMap = YamlNode & { items: Pair[] };
type BlockSeq = YamlNode & { items: unknown[] };

function blockMap(node: unknown): node is BlockMap {
  return yamlReader().isMap(node) && !node.flow && node.items.length > 0 && node.items.every((p) => yamlReader().isPair(p) && yamlReader().isScalar(p.key) && p.key.range);
}

function blockSeq(node: unknown): node is BlockSeq {
  return yamlReader().isSeq(node) && !node.flow && node.items.length > 0 && node.items.every((i) => (i as YamlNode | null)?.range);
}

function pairFor(map: BlockMap, key: string): Pair | undefined {
  return map.items.find((p) => String((p.key as { value: unknown }).value) === key);
}

/** The lines a pair takes (key, value and the comments up to the next pair). */
function pairLines(text: string, map: BlockMap, pair: Pair): [number, number] {
  const i = map.items.indexOf(pair);
  const start = lineStart(text, (pair.key as YamlNode).range![0]);
  const next = map.items[i + 1];
  if (next) return [start, lineStart(text, (next.key as YamlNode).range![0])];
  const end = (pair.value as YamlNode | null)?.range?.[1] ?? (pair.key as YamlNode).range![1];
  return [start, lineEnd(text, end)];
}

/** The lines an item of a block sequence takes, from its dash up to the next item. */
function itemLines(text: string, seq: BlockSeq, index: number): [number, number] {
  const item = seq.items[index] as YamlNode;
  const start = lineStart(text, item.range![0]);
  const next = seq.items[index + 1] as YamlNode | undefined;
  return [start, next ? lineStart(text, next.range![0]) : lineEnd(text, item.range![1])];
}

function splicesFor(ours: Side, theirs: Side | null, oursValue: unknown, merged: unknown): Splice[] | null {
  if (sameData(oursValue, merged)) return [];
  if (isPlainObject(oursValue) && isPlainObject(merged) && blockMap(ours.node)) return mapSplices(ours as Side & { node: BlockMap }, theirs, oursValue, merged);
  if (Array.isArray(oursValue) && Array.isArray(merged) && blockSeq(ours.node)) return seqSplices(ours as Side & { node: BlockSeq }, theirs, oursValue, merged);
  return null;
}

function mapSplices(ours: Side & { node: BlockMap }, theirs: Side | null, oursValue: Record<string, unknown>, merged: Record<string, unknown>): Splice[] | null {
  const { text, node } = ours;
  const indent = column(text, node.items[0]!.key as YamlNode)!;
  const theirMap = theirs && blockMap(theirs.node) ? theirs.node : null;
  const out: Splice[] = [];
  let insertAt = pairLines(text, node, node.items[0]!)[0];
  for (const key of new Set([...Object.keys(merged), ...Object.keys(oursValue)])) {
    const pair = pairFor(node, key);
    const theirPair = theirMap ? pairFor(theirMap, key) : undefined;
    const now = merged[key];
    if (pair) insertAt = pairLines(text, node, pair)[1];
    if (sameData(oursValue[key], now)) continue;
    if (pair && now !== undefined) {
      const inner = splicesFor(
        { text, node: pair.value },
        theirPair && theirs ? { text: theirs.text, node: theirPair.value } : null,
        oursValue[key],
        now,
      );
      if (inner !== null) {
        out.push(...inner);
        continue;
      }
    }
    const replacement = now === undefined ? '' : pairText(key, now, indent, theirs, theirMap, theirPair);
    if (pair) {
      const [start, end] = pairLines(text, node, pair);
      out.push({ start, end, text: replacement });
    } else {
      out.push({ start: insertAt, end: insertAt, text: replacement });
    }
  }
  return out;
}

function pairText(key: string, value: unknown, indent: number, theirs: Side | null, theirMap: BlockMap | null, theirPair: Pair | undefined): string {
  if (theirs && theirMap && theirPair && column(theirs.text, theirPair.key as YamlNode) === indent) {
    const [start, end] = pairLines(theirs.text, theirMap, theirPair);
    const piece = theirs.text.slice(start, end);
    const check = yamlReader().parseDocument(piece.replace(new RegExp(`^ {${indent}}`, 'gm'), ''), yamlOptions);
    if (check.errors.length === 0 && sameData(check.toJS(), { [key]: value })) return piece.endsWith('\n') ? piece : `${piece}\n`;
  }
  return `${yamlText({ [key]: value }, indent).trimEnd()}\n`;
}

function seqSplices(ours: Side & { node: BlockSeq }, theirs: Side | null, oursValue: unknown[], merged: unknown[]): Splice[] | null {
  const { text, node } = ours;
  const indent = column(text, node)!;
  const theirSeq = theirs && blockSeq(theirs.node) ? theirs.node : null;
  const theirValues = theirSeq ? (theirSeq.toJSON() as unknown[]) : [];
  const used = new Set<number>();
  const pieces = merged.map((item) => {
    const mine = oursValue.findIndex((v, i) => !used.has(i) && sameData(v, item));
    if (mine >= 0) {
      used.add(mine);
      const [start, end] = itemLines(text, node, mine);
      return text.slice(start, end);
    }
    const their = theirValues.findIndex((v) => sameData(v, item));
    if (theirs && theirSeq && their >= 0 && column(theirs.text, theirSeq) === indent) {
      const [start, end] = itemLines(theirs.text, theirSeq, their);
      return theirs.text.slice(start, end);
    }
    return `${yamlText([item], indent).trimEnd()}\n`;
  });
  const start = itemLines(text, node, 0)[0];
  const end = itemLines(text, node, node.items.length - 1)[1];
  const joined = pieces.map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join('');
  return [{ start, end, text: joined }];
}
