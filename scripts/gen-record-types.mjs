// Derives the TypeScript types of records and templates from their JSON Schemas,
// so the schema in schemas/ stays the single source of truth for their shape.
// `npm run gen:types` rewrites the files; a unit test fails when they are stale.
import { readFile, writeFile } from 'node:fs/promises';
import { compile } from 'json-schema-to-typescript';

const root = new URL('../', import.meta.url);

export const generated = [
  { schema: 'schemas/toolkit.schema.json', out: 'src/record/record.generated.ts', name: 'ToolkitRecord' },
  { schema: 'schemas/template.schema.json', out: 'src/template/template.generated.ts', name: 'ToolkitTemplate' },
];

export async function render({ schema, name }) {
  const json = JSON.parse(await readFile(new URL(schema, root), 'utf8'));
  json.title = name;
  return compile(json, name, {
    bannerComment: `/* Generated from ${schema} by scripts/gen-record-types.mjs - do not edit by hand; run \`npm run gen:types\`. */`,
    additionalProperties: false,
    unreachableDefinitions: false,
    format: false,
    // Tuple types for minItems/maxItems help nobody reading records; plain arrays do.
    maxItems: -1,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const entry of generated) {
    await writeFile(new URL(entry.out, root), await render(entry));
    console.error(`wrote ${entry.out}`);
  }
}
