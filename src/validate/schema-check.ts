import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { compiledSchema } from '../io/compiled-schema.js';
import type { ToolkitRecord } from '../record/types.js';
import { findTemplate } from '../template/load-template.js';
import { describeSchemaError, type SchemaProblem } from './schema-messages.js';
import { SCHEMA_FILE } from './schema-file.js';

let compiled: ValidateFunction | null = null;

let schema: object | null = null;

/**
 * The record schema as data, read once per process: the interview consults it
 * for every question it builds, and the file does not change during a run.
 * Callers only read it.
 */
export function recordSchema(): object {
  schema ??= JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
  return schema;
}

function validator(): ValidateFunction {
  // verbose: the messages need the offending value and the parent schema's field list.
  // The options must match scripts/build-validators.mjs.
  compiled ??= compiledSchema(import.meta.url, './toolkit-schema.validator.cjs', { allErrors: true, verbose: true, strict: true }, recordSchema);
  return compiled;
}

export type SchemaResult = { ok: true; record: ToolkitRecord } | { ok: false; problems: SchemaProblem[] };

/**
 * A file with 200,000 unknown keys is not a record with 200,000 mistakes:
 * past this many, the rest are counted, not each described, placed and printed.
 */
export const MAX_SCHEMA_PROBLEMS = 1000;

/** Checks data against schemas/toolkit.schema.json and explains every failure (up to MAX_SCHEMA_PROBLEMS). */
export function checkAgainstSchema(data: unknown): SchemaResult {
  const validate = validator();
  if (validate(data)) return { ok: true, record: data as ToolkitRecord };
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const errors = validate.errors ?? [];
  for (const [i, error] of errors.entries()) {
    if (problems.length === MAX_SCHEMA_PROBLEMS) {
      const more = errors.slice(i).filter((e) => e.keyword !== 'propertyNames').length;
      if (more > 0) problems.push({ code: 'too-many-problems', path: [], part: 'value', message: `and ${more} more problems of the schema in this file, not listed; fix those above and check it again` });
      break;
    }
    const problem = describeSchemaError(error, pointerToPath(error.instancePath, data), () => scaleOfRecord(data));
    if (!problem) continue;
    const key = `${problem.code}\u0000${problem.path.join('\u0000')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return { ok: false, problems };
}

/** The scale of the template a record names, for wording a score off it; undefined when it names none ntk has. */
function scaleOfRecord(data: unknown): string | undefined {
  const id = typeof data === 'object' && data !== null ? (data as { template?: unknown }).template : undefined;
  return typeof id === 'string' ? findTemplate(id)?.worryingWords.span : undefined;
}

/** "/assessment/sessions/0/date" -> ["assessment", "sessions", 0, "date"], numbers only where the data holds a list. */
export function pointerToPath(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      const index = Number(segment);
      path.push(index);
      node = node[index];
    } else {
      path.push(segment);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}
