import type { Document, Node as YamlNode, Pair } from 'yaml';
import { yamlReader } from '../io/yaml-reader.js';
import { getPath, isPlainObject, listAt, sameData, type PlainRecord } from '../record/plain-data.js';
import { practitionerChanged } from './finished-record.js';

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
  const doc = yamlReader().parseDocument(original, { version: '1.2', schema: 'core' });
  const edits: Splice[] = [];
  const areaEdits = mapSplices(original, doc.contents, { areas: before.areas }, { areas: after.areas });
  const contributorEdit = listSplice(original, doc, before, after, 'contributors');
  const sessionEdit = listSplice(original, doc, before, after, 'sessions');
  if (areaEdits === null || contributorEdit === null || sessionEdit === null) return null;
  edits.push(...areaEdits, ...contributorEdit, ...sessionEdit);
  let text = original;
  // From the end backwards, so earlier offsets stay true; insertions at one place keep their order.
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.i - a.i);
  for (const e of ordered) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  // Proof, not hope: the spliced text must read back as exactly the edited record.
  const check = yamlReader().parseDocument(text, { version: '1.2', schema: 'core' });
  if (check.errors.length > 0 || !sameData(check.toJS(), after)) return null;
  return text;
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding the node's last character, newline included. */
export function lineEnd(text: string, offset: number): number {
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
  return yamlReader().isMap(node) && !node.flow;
}

function pairFor(map: { items: Pair[] }, key: string): Pair | undefined {
  return map.items.find((p) => yamlReader().isPair(p) && yamlReader().isScalar(p.key) && String(p.key.value) === key);
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * The edits that turn a block map's text from `before` into `after`, as
 * deep as the change goes: a changed score replaces one line, a new
 * section is added after the last one, an area's untouched sections keep
 * their bytes.
 */
function mapSplices(text: string, node: unknown, before: PlainRecord, after: PlainRecord): Splice[] | null {
  if (!blockMap(node) || node.items.length === 0) return null;
  const first = node.items[0]?.key as YamlNode | undefined;
  if (!first?.range) return null;
  const indent = first.range[0] - lineStart(text, first.range[0]);
  let appendAt = 0;
  for (const pair of node.items) {
    const end = (pair.value as YamlNode | null)?.range?.[1] ?? (pair.key as YamlNode | null)?.range?.[1];
    if (end === undefined) return null;
    appendAt = Math.max(appendAt, lineEnd(text, end));
  }
  const out: Splice[] = [];
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
    const was = before[key];
    const now = after[key];
    if (sameData(was, now)) continue;
    const pair = pairFor(node, key);
    if (pair && isPlainObject(was) && isPlainObject(now) && blockMap(pair.value) && pair.value.items.length > 0) {
      const inner = mapSplices(text, pair.value, was, now);
      if (inner === null) return null;
      out.push(...inner);
      continue;
    }
    const replacement = now === undefined ? '' : indented(yamlReader().stringify({ [key]: now }, { lineWidth: 100 }), indent);
    if (pair) {
      const keyNode = pair.key as YamlNode;
      const end = (pair.value as YamlNode | null)?.range?.[1] ?? keyNode.range?.[1] ?? 0;
      out.push({ start: lineStart(text, keyNode.range?.[0] ?? 0), end: lineEnd(text, end), text: replacement });
    } else {
      out.push({ start: appendAt, end: appendAt, text: (appendAt > 0 && text[appendAt - 1] !== '\n' ? '\n' : '') + replacement });
    }
  }
  return out;
}

/**
 * A list under `assessment` that an edit may add to (contributors, sessions):
 * items already there may change in place (a contributor's `last_edit`), new
 * ones go after the last; anything else is not spliced.
 */
function listSplice(text: string, doc: Document.Parsed, before: PlainRecord, after: PlainRecord, key: 'contributors' | 'sessions'): Splice[] | null {
  const was = listAt(before, ['assessment', key]);
  const now = listAt(after, ['assessment', key]);
  if (sameData(was, now)) return [];
  if (now.length < was.length) return null;
  const added = now.slice(was.length);
  const seq = doc.getIn(['assessment', key], true);
  if (seq === undefined) {
    const assessment = doc.get('assessment', true);
    if (!blockMap(assessment) || !assessment.range) return null;
    const firstKey = assessment.items[0]?.key as YamlNode | undefined;
    if (!firstKey?.range) return null;
    const indent = firstKey.range[0] - lineStart(text, firstKey.range[0]);
    const at = lineEnd(text, assessment.range[1]);
    return [{ start: at, end: at, text: indented(yamlReader().stringify({ [key]: added }, { lineWidth: 100 }), indent) }];
  }
  if (!yamlReader().isSeq(seq) || seq.flow || !seq.range || seq.items.length === 0) return null;
  const out: Splice[] = [];
  for (let i = 0; i < was.length; i++) {
    if (sameData(was[i], now[i])) continue;
    const inner = mapSplices(text, seq.items[i], was[i] ?? {}, now[i] ?? {});
    if (inner === null) return null;
    out.push(...inner);
  }
  if (added.length === 0) return out;
  const last = seq.items[seq.items.length - 1] as YamlNode;
  if (!last.range) return null;
  const indent = seq.range[0] - lineStart(text, seq.range[0]);
  const at = lineEnd(text, last.range[1]);
  return [...out, { start: at, end: at, text: indented(yamlReader().stringify(added, { lineWidth: 100 }), indent) }];
}

/**
 * Who last changed what: each contributor credited with a section the edit
 * changed (score, evidence or why it does not apply) gets `last_edit` with
 * today's date and those sections. Git keeps the full history; the record
 * says who to ask.
 */
export function withLastEdits(before: PlainRecord, after: PlainRecord, today: string): PlainRecord {
  const changed = new Map<string, string[]>();
  const areas = getPath(after, ['areas']);
  for (const [areaKey, area] of Object.entries(isPlainObject(areas) ? areas : {})) {
    const sections = getPath(area, ['sections']);
    for (const [key, section] of Object.entries(isPlainObject(sections) ? sections : {})) {
      const by = getPath(section, ['by']);
      if (typeof by !== 'string' || !practitionerChanged(getPath(before, ['areas', areaKey, 'sections', key]), section)) continue;
      changed.set(by, [...(changed.get(by) ?? []), key]);
    }
  }
  if (changed.size === 0) return after;
  const out = structuredClone(after);
  for (const contributor of listAt(out, ['assessment', 'contributors'])) {
    const sections = typeof contributor.id === 'string' ? changed.get(contributor.id) : undefined;
    if (sections) contributor.last_edit = { date: today, sections };
  }
  return out;
}

/**
 * A sibling's record after an edit of what the household shares
 * (`assessment.household_shared`): each shared section the edit changed is
 * copied as it now is, and a contributor it names who is new to the sibling's
 * file is added, so `by` always refers to someone listed. Null when the edit
 * changed nothing shared.
 */
export function siblingAfterSharedEdit(sibling: PlainRecord, before: PlainRecord, after: PlainRecord): PlainRecord | null {
  const listed = getPath(after, ['assessment', 'household_shared']);
  const keys = (Array.isArray(listed) ? listed : []).filter((k): k is string => typeof k === 'string' && /^\d+\.\d+$/.test(k));
  const out = structuredClone(sibling);
  let changed = false;
  const areas = getPath(after, ['areas']);
  for (const [areaKey, area] of Object.entries(isPlainObject(areas) ? areas : {})) {
    for (const key of keys) {
      const now = getPath(area, ['sections', key]);
      if (now === undefined || sameData(now, getPath(before, ['areas', areaKey, 'sections', key]))) continue;
      const sibAreas = isPlainObject(out.areas) ? out.areas : (out.areas = {});
      const sibArea = isPlainObject(sibAreas[areaKey]) ? sibAreas[areaKey] : (sibAreas[areaKey] = {});
      const sections = isPlainObject(sibArea.sections) ? sibArea.sections : (sibArea.sections = {});
      sections[key] = structuredClone(now);
      changed = true;
      const by = getPath(now, ['by']);
      const theirs = listAt(out, ['assessment', 'contributors']);
      if (typeof by === 'string' && !theirs.some((c) => c.id === by)) {
        const who = listAt(after, ['assessment', 'contributors']).find((c) => c.id === by);
        if (who) {
          const { last_edit: _mine, ...entry } = who;
          const assessment = isPlainObject(out.assessment) ? out.assessment : (out.assessment = {});
          assessment.contributors = [...theirs, structuredClone(entry)];
        }
      }
    }
  }
  return changed ? out : null;
}
