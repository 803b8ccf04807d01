// Compiles the JSON Schemas into standalone validator code in dist/, at build
// time, so that a process (and each worker thread of a batch) loads ready-made
// functions instead of generating them with Ajv at start-up. The options must
// match the ones src/ compiles with when this code is absent (tests from src/).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = new URL('../', import.meta.url);

export const validators = [
  { schema: 'schemas/toolkit.schema.json', out: 'dist/validate/toolkit-schema.validator.cjs', options: { allErrors: true, verbose: true, strict: true } },
  { schema: 'schemas/template.schema.json', out: 'dist/template/template-schema.validator.cjs', options: { allErrors: true } },
];

for (const { schema, out, options } of validators) {
  const ajv = new Ajv({ ...options, code: { source: true } });
  const validate = ajv.compile(JSON.parse(await readFile(new URL(schema, root), 'utf8')));
  const target = new URL(out, root);
  await mkdir(new URL('.', target), { recursive: true });
  await writeFile(target, `// Generated from ${schema} by scripts/build-validators.mjs at build time.\n${notWithoutPlaceholders(lengthFirst(standaloneCode.default(ajv, validate)))}`);
}

/**
 * Ajv counts a string's characters (code points) for maxLength, walking the
 * whole string; free text of thousands of characters pays that on every
 * field. A string's UTF-16 length is never less than its count, so when the
 * length is within the limit the count is too, and the walk is skipped: the
 * same verdicts and errors, without the walk for the common short-enough text.
 */
function lengthFirst(code) {
  const name = /const (func\d+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/.exec(code)?.[1];
  if (!name) return code;
  return code.replace(new RegExp(`${name}\\((data\\d*)\\) > (\\d+)`, 'g'), (_, data, max) => `(${data}.length > ${max} && ${name}(${data}) > ${max})`);
}

/**
 * Every key of every mapping is checked against the schema's safeKey, a
 * `not`: for each key that is not forbidden (all of them, in a record), the
 * inner schema fails, and Ajv pushes an empty placeholder error only to cut
 * it off again when the `not` passes. That was two allocations per key, ~300
 * keys a record: most of what checking a valid record allocated. Counting
 * the placeholder without making it gives the same verdicts and errors: the
 * `not` resets the count to what it was, and the list to that length, which
 * it still has. Only placeholders directly followed by their `not`'s test are
 * rewritten, and the build stops if the generated code changes shape.
 */
function notWithoutPlaceholders(code) {
  const placeholder = /const (err\d+) = \{\};if\(vErrors === null\)\{vErrors = \[\1\];\}else \{vErrors\.push\(\1\);\}errors\+\+;\}(?=var (valid\d+) = _errs\d+ === errors;if\(\2\)\{)/g;
  const rewritten = code.replace(placeholder, 'errors++;}');
  if (/const err\d+ = \{\};/.test(rewritten)) throw new Error('scripts/build-validators.mjs: Ajv wrote an empty placeholder error outside a `not`; look at notWithoutPlaceholders');
  return rewritten;
}

/**
 * The package's own templates, parsed and checked here once, so that no
 * process or worker thread parses the template YAML at start-up. Each keeps
 * the text its file had: a template edited after the build is read from its
 * YAML again (src/template/load-template.ts).
 */
async function prebuildTemplates() {
  const { parse } = await import('yaml');
  const { readdir } = await import('node:fs/promises');
  // tsc has built dist/ by now: the checks the schema cannot make are the loader's own.
  const { templateProblems } = await import(new URL('dist/template/template-checks.js', root).href);
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(JSON.parse(await readFile(new URL('schemas/template.schema.json', root), 'utf8')));
  const folder = new URL('templates/', root);
  const entries = [];
  for (const name of (await readdir(folder)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const file = new URL(name, folder);
    const text = await readFile(file, 'utf8');
    const template = parse(text);
    if (!validate(template)) throw new Error(`templates/${name} is not valid: ${ajv.errorsText(validate.errors)}`);
    const problems = templateProblems(template);
    if (problems.length > 0) throw new Error(`templates/${name} is not valid: ${problems.join('; ')}`);
    entries.push({ name, text, template });
  }
  await writeFile(new URL('dist/template/package-templates.json', root), `${JSON.stringify(entries)}\n`);
}

await prebuildTemplates();
