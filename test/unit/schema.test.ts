import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error - a plain ESM script without types
import { generated, render } from '../../scripts/gen-record-types.mjs';
import { checkAgainstSchema } from '../../src/validate/schema-check.js';

type Json = { [k: string]: unknown };

/** Every property the schema defines, with its path, for the description check. */
function properties(node: unknown, path: string, out: [string, Json][]): [string, Json][] {
  if (node === null || typeof node !== 'object') return out;
  const obj = node as Json;
  for (const [key, value] of Object.entries((obj.properties as Json | undefined) ?? {})) {
    out.push([`${path}.${key}`, value as Json]);
    properties(value, `${path}.${key}`, out);
  }
  for (const key of ['items', 'additionalProperties']) if (obj[key] && typeof obj[key] === 'object') properties(obj[key], `${path}[]`, out);
  for (const [name, def] of Object.entries((obj.definitions as Json | undefined) ?? {})) properties(def, `#${name}`, out);
  return out;
}

describe('schemas', () => {
  it.each(['schemas/toolkit.schema.json', 'schemas/template.schema.json'])('%s gives every property a description for editors', async (file) => {
    const schema = JSON.parse(await readFile(file, 'utf8')) as Json;
    const missing = properties(schema, '', []).filter(([, p]) => typeof p.description !== 'string' || p.description.length < 5).map(([path]) => path);
    expect(missing).toEqual([]);
  });

  it('keeps the generated TypeScript types in step with the schemas', async () => {
    for (const entry of generated as { out: string }[]) {
      expect(await readFile(entry.out, 'utf8'), `${entry.out} is stale: run npm run gen:types`).toBe(await render(entry));
    }
  });

  it.each(['__proto__', 'constructor', 'prototype'])('makes %s impossible as a key anywhere', (key) => {
    const record = JSON.parse(
      `{"format":"neglect-toolkit/1","template":"nscp-ncscp/2021","child":{"ref":"A1","${key}":{}},"assessment":{"type":"initial","completed":"2020-01-01"}}`,
    ) as unknown;
    const result = checkAgainstSchema(record);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code)).toContain('forbidden-key');
  });
});
