import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { yamlReader } from '../io/yaml-reader.js';
import type { TemplateIndex } from '../template/load-template.js';
import { recordSchema } from '../validate/schema-check.js';
import { REPOSITORY_SCHEMA } from '../validate/schema-file.js';
import type { Draft } from './draft.js';
import { editorId, sharedSectionKeys } from './interview-walk.js';
import { getPath, isPlainObject, sameData, setPath, type PlainRecord } from '../record/plain-data.js';

/**
 * The record as it will be written: keys in the order the record format
 * gives them, areas and sections in template order, and in an edit the
 * editor named on exactly the sections they changed.
 */
export function finishedRecord(draft: Draft, index: number, template: TemplateIndex): PlainRecord {
  const record = structuredClone(draft.records[index] ?? {});
  if (draft.command === 'edit') creditEditor(record, draft);
  if (draft.household && draft.records.length > 1) markHouseholdShared(record, draft, template);
  return orderLike(record, recordSchema(), recordSchema(), template) as PlainRecord;
}

/**
 * A section whose score, evidence or reason it does not apply the editor left
 * as it was keeps its original author; one they changed is theirs. A parent's
 * own score is the parent's, so changing only that credits nobody.
 */
function creditEditor(record: PlainRecord, draft: Draft): void {
  const editor = editorId(draft);
  const areas = getPath(record, ['areas']);
  if (!isPlainObject(areas)) return;
  for (const [areaKey, area] of Object.entries(areas)) {
    const sections = getPath(area, ['sections']);
    if (!isPlainObject(sections)) continue;
    for (const [key, section] of Object.entries(sections)) {
      if (!isPlainObject(section)) continue;
      const before = getPath(draft.previous, ['areas', areaKey, 'sections', key]);
      if (isPlainObject(before) && !practitionerChanged(before, section)) {
        if (before.by === undefined) delete section.by;
        else section.by = before.by;
      } else if (editor !== undefined && section.not_relevant === undefined) {
        section.by = editor;
      }
    }
  }
}

/** Whether the practitioner's own part of a section (score, evidence, why it does not apply) differs. */
export function practitionerChanged(before: unknown, after: unknown): boolean {
  return (['score', 'evidence', 'not_relevant'] as const).some((k) => !sameData(getPath(before, [k]), getPath(after, [k])));
}

/** What a household interview asked once for every child, so a later edit or review can keep the siblings' files together. */
function markHouseholdShared(record: PlainRecord, draft: Draft, template: TemplateIndex): void {
  const shared = [...sharedSectionKeys(draft, template)].filter((key) => getPath(record, ['areas', template.section(key)?.area.key ?? '', 'sections', key]) !== undefined);
  const order = template.sections().map((s) => s.section.key);
  shared.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const what of ['family', 'analysis']) if (draft.answers[`household/shared/${what}`] === true) shared.push(what);
  if (shared.length > 0) setPath(record, ['assessment', 'household_shared'], shared);
}

function resolveRef(node: unknown, root: object): unknown {
  const ref = getPath(node, ['$ref']);
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  return resolveRef(getPath(root, ref.slice(2).split('/')), root);
}

function orderLike(value: unknown, schemaNode: unknown, root: object, template: TemplateIndex, parentKey?: string): unknown {
  const schema = resolveRef(schemaNode, root);
  if (Array.isArray(value)) return value.map((v) => orderLike(v, getPath(schema, ['items']), root, template));
  if (!isPlainObject(value)) return value;
  const properties = getPath(schema, ['properties']);
  const rank = (key: string): number => {
    // Review answers: the template's order of its questions.
    if (parentKey === 'review') return template.template.review_questions.findIndex((q) => q.key === key);
    if (isPlainObject(properties)) {
      const i = Object.keys(properties).indexOf(key);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    }
    // areas and sections: the template's order.
    if (parentKey === 'areas') return template.template.areas.findIndex((a) => a.key === key);
    if (parentKey === 'sections') return template.sections().findIndex((s) => s.section.key === key);
    return 0;
  };
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  const out: PlainRecord = {};
  for (const key of keys) {
    const child = isPlainObject(properties) ? properties[key] : getPath(schema, ['additionalProperties']);
    out[key] = orderLike(value[key], child, root, template, key);
  }
  return out;
}

/**
 * The schema line editors use: a path relative to the record's folder, to
 * the schema copy of the repository that holds it (`schemas/toolkit.schema.json`,
 * which `ntk init` puts there and `ntk init --update` keeps current), so the
 * line works on every colleague's machine. Found by walking up, no further
 * than the repository's root; without such a copy there is no line at all,
 * never a path of the writer's own machine.
 */
export function schemaReference(outFile: string): string | null {
  const folder = dirname(resolve(outFile));
  for (let dir = folder; ; dir = dirname(dir)) {
    const copy = join(dir, REPOSITORY_SCHEMA);
    if (existsSync(copy)) return relative(folder, copy).split(sep).join('/');
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return null;
  }
}

export function recordText(record: PlainRecord, outFile: string): string {
  const reference = schemaReference(outFile);
  return `${reference === null ? '' : `# yaml-language-server: $schema=${reference}\n`}${yamlReader().stringify(record, { lineWidth: 100 })}`;
}
