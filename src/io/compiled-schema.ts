import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Options, ValidateFunction } from 'ajv';
import { commonJsScript, runCommonJs, verifiedCodeCache } from './cached-script.js';

/**
 * A schema's validator: the standalone code scripts/build-validators.mjs
 * generated next to the calling module in dist/ when there is one (no code
 * generation at start-up, which matters once per worker thread), else
 * compiled here with the same options (running from src/, in tests).
 */
export function compiledSchema(from: string, standalone: string, options: Options, schema: () => object): ValidateFunction {
  const file = fileURLToPath(new URL(standalone, from));
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const { Ajv } = createRequire(from)('ajv') as typeof import('ajv');
    return new Ajv(options).compile(schema());
  }
  // The toolkit's validator is 200 KB: loading it and checking a first record took 7.9 ms of every
  // process that checks one (a `git diff` runs `ntk diff-textconv` once per blob) and of every worker
  // thread, and 2.4 ms with the cache the build made; `diff-textconv` of a record 0.100 s, then
  // 0.095 s (medians of 31 alternating runs).
  return runCommonJs(commonJsScript(file, source, verifiedCodeCache(file, source)), file) as ValidateFunction;
}
