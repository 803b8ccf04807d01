import { isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { getPath, isPlainObject, listAt, sameData, type PlainRecord } from './plain-data.js';

/**
 * Writes an edit into the original text by replacing only the lines of the
 * areas that changed and adding new contributors after the last one. Every
 * other byte - comments, key order, quoting, line folding - stays as it was,
 * so `git diff` shows the edit and nothing else.
 *
 * Returns null when the file's layout is one this cannot splice safely
 * (e.g. flow-style maps); the caller then rewrites the whole document.
 */
export function spliceEdit(original: string, before: PlainRecord, after: PlainRecord): string | null {
  const doc = parseDocument(original, { version: '1.2', schema: 'core' });
  const edits: { start: number; end: number; text: string }[] = [];
  const areaEdits = areaSplices(original, doc, before, after);
  const contributorEdit = contributorSplice(original, doc, before, after);
  if (areaEdits === null || contributorEdit === null) return null;
  edits.push(...areaEdits, ...contributorEdit);
  let text = original;
  for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  // Proof, not hope: the spliced text must read back as exactly the edited record.
  const check = parseDocument(text, { version: '1.2', schema: 'core' });
  if (check.errors.length > 0 || !sameData(check.toJS(), after)) return null;
  return text;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding the node's last character, newline included. */
function lineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function indented(yamlText: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return yamlText
    .trimEnd()
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n')
    .concat('\n');
}

function blockMap(node: unknown): node is YamlNode & { items: Pair[] } {
  return isMap(node) && !node.flow;
}

function pairFor(map: { items: Pair[] }, key: string): Pair | undefined {
  return map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
}

function areaSplices(text: string, doc: Document.Parsed, before: PlainRecord, after: PlainRecord): { start: number; end: number; text: string }[] | null {
  const was = getPath(before, ['areas']);
  const now = getPath(after, ['areas']);
  const wasAreas = isPlainObject(was) ? was : {};
  const nowAreas = isPlainObject(now) ? now : {};
  const changed = [...new Set([...Object.keys(wasAreas), ...Object.keys(nowAreas)])].filter((k) => !sameData(wasAreas[k], nowAreas[k]));
  if (changed.length === 0) return [];
  const areasNode = doc.get('areas', true);
  if (areasNode === undefined) {
    // No areas yet: they go at the end of the record.
    const body = stringify({ areas: Object.fromEntries(changed.filter((k) => nowAreas[k] !== undefined).map((k) => [k, nowAreas[k]])) }, { lineWidth: 100 });
    const end = text.length;
    return [{ start: end, end, text: (text.endsWith('\n') || text === '' ? '' : '\n') + body }];
  }
  if (!blockMap(areasNode) || areasNode.items.length === 0) return null;
  const first = areasNode.items[0]?.key as YamlNode | undefined;
  if (!first?.range) return null;
  const indent = first.range[0] - lineStart(text, first.range[0]);
  const out: { start: number; end: number; text: string }[] = [];
  let appendAt = 0;
  for (const pair of areasNode.items) {
    const value = pair.value as YamlNode | null;
    const key = pair.key as YamlNode | null;
    if (!key?.range || !value?.range) return null;
    appendAt = Math.max(appendAt, lineEnd(text, value.range[1]));
  }
  for (const key of changed) {
    const pair = pairFor(areasNode, key);
    const replacement = nowAreas[key] === undefined ? '' : indented(stringify({ [key]: nowAreas[key] }, { lineWidth: 100 }), indent);
    if (pair) {
      const keyNode = pair.key as YamlNode;
      const valueNode = pair.value as YamlNode;
      out.push({ start: lineStart(text, keyNode.range?.[0] ?? 0), end: lineEnd(text, valueNode.range?.[1] ?? 0), text: replacement });
    } else {
      out.push({ start: appendAt, end: appendAt, text: (appendAt > 0 && text[appendAt - 1] !== '\n' ? '\n' : '') + replacement });
    }
  }
  return out;
}

function contributorSplice(text: string, doc: Document.Parsed, before: PlainRecord, after: PlainRecord): { start: number; end: number; text: string }[] | null {
  const was = listAt(before, ['assessment', 'contributors']);
  const now = listAt(after, ['assessment', 'contributors']);
  if (sameData(was, now)) return [];
  if (!sameData(was, now.slice(0, was.length))) return null;
  const added = now.slice(was.length);
  const seq = doc.getIn(['assessment', 'contributors'], true);
  if (seq === undefined) {
    const assessment = doc.get('assessment', true);
    if (!blockMap(assessment) || !assessment.range) return null;
    const firstKey = assessment.items[0]?.key as YamlNode | undefined;
    if (!firstKey?.range) return null;
    const indent = firstKey.range[0] - lineStart(text, firstKey.range[0]);
    const at = lineEnd(text, assessment.range[1]);
    return [{ start: at, end: at, text: indented(stringify({ contributors: added }, { lineWidth: 100 }), indent) }];
  }
  if (!isSeq(seq) || seq.flow || !seq.range || seq.items.length === 0) return null;
  const last = seq.items[seq.items.length - 1] as YamlNode;
  if (!last.range) return null;
  const indent = seq.range[0] - lineStart(text, seq.range[0]);
  const at = lineEnd(text, last.range[1]);
  return [{ start: at, end: at, text: indented(stringify(added, { lineWidth: 100 }), indent) }];
}
