import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ToolkitRecord } from '../../src/record/types.js';
import { renderRecordText } from '../../src/render/record-text.js';
import { defaultTemplate } from '../../src/template/load-template.js';

type Schema = Record<string, any>;
const schema = JSON.parse(readFileSync(new URL('../../schemas/toolkit.schema.json', import.meta.url), 'utf8')) as Schema;
const template = defaultTemplate();
const area = template.template.areas[0]!;

/** Every leaf property of the schema as a path: `*` for a map's keys, `[]` for a list's items. */
function leafPaths(node: Schema, path: string[] = []): string[][] {
  if (typeof node.$ref === 'string') node = schema.definitions[node.$ref.split('/').pop()!] as Schema;
  const out: string[][] = [];
  if (node.properties) for (const [k, v] of Object.entries(node.properties)) out.push(...leafPaths(v as Schema, [...path, k]));
  for (const v of Object.values((node.patternProperties ?? {}) as Record<string, Schema>)) out.push(...leafPaths(v, [...path, '*']));
  if (node.additionalProperties && typeof node.additionalProperties === 'object') out.push(...leafPaths(node.additionalProperties as Schema, [...path, '*']));
  if (node.items) out.push(...leafPaths(node.items as Schema, [...path, '[]']));
  return out.length > 0 ? out : [path];
}

/** The schema node at a leaf path, to pick two different valid-looking values for it. */
function nodeAt(path: string[]): Schema {
  let node: Schema = schema;
  for (const step of path) {
    if (typeof node.$ref === 'string') node = schema.definitions[node.$ref.split('/').pop()!] as Schema;
    if (step === '[]') node = node.items as Schema;
    else if (step === '*') node = (Object.values(node.patternProperties ?? {})[0] ?? node.additionalProperties) as Schema;
    else node = node.properties[step] as Schema;
  }
  return typeof node.$ref === 'string' ? { ...(schema.definitions[node.$ref.split('/').pop()!] as Schema), ...node } : node;
}

function twoValues(path: string[]): [unknown, unknown] {
  const node = nodeAt(path);
  if (Array.isArray(node.enum)) return [node.enum[0], node.enum[1] ?? `${String(node.enum[0])}x`];
  if (node.const !== undefined) return [node.const, `${String(node.const)}-2`];
  if (node.type === 'boolean') return [true, false];
  if (node.type === 'integer') return [1, 4];
  if (node.pattern === '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') return ['2020-01-02', '2020-03-04'];
  return ['Alpha1', 'Beta2'];
}

/** Sets `value` at `path` in `record`, creating what is missing; `*` is the template's first area and section. */
function setAt(record: Record<string, any>, path: string[], value: unknown): void {
  let node: any = record;
  path.forEach((step, i) => {
    const key = step === '[]' ? 0 : step === '*' ? (path[i - 1] === 'areas' ? area.key : area.sections[0]!.key) : step;
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    node[key] ??= path[i + 1] === '[]' ? [] : {};
    node = node[key];
  });
}

/** What must hold for a field to be shown at all: a section's reason for not being scored shows when it has no score. */
const context: Record<string, (record: Record<string, any>) => void> = {
  'areas.*.sections.*.not_relevant': (r) => delete r.areas[area.key].sections[area.sections[0]!.key].score,
};

describe('git textconv text', () => {
  const base = parse(readFileSync(new URL('../../fixtures/mary-jo/MJ-01-2021-03-16.yaml', import.meta.url), 'utf8')) as Record<string, any>;
  const paths = leafPaths(schema);

  it('knows the schema: its leaf properties are enumerated, not listed by hand', () => {
    expect(paths.length).toBeGreaterThan(40);
    for (const p of [['child', 'born'], ['child', 'household'], ['child', 'front_door'], ['child', 'family', '[]', 'ref']]) expect(paths).toContainEqual(p);
  });

  for (const path of paths) {
    it(`shows a change of ${path.join('.')}`, () => {
      const [a, b] = twoValues(path);
      const texts = [a, b].map((value) => {
        const record = structuredClone(base);
        setAt(record, path, value);
        context[path.join('.')]?.(record);
        return renderRecordText(record as ToolkitRecord, template);
      });
      expect(texts[0], `changing ${path.join('.')} from ${JSON.stringify(a)} to ${JSON.stringify(b)} leaves the text the same`).not.toBe(texts[1]);
    });
  }
});
