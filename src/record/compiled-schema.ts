import { createRequire } from 'node:module';
import type { Options, ValidateFunction } from 'ajv';

/**
 * A schema's validator: the standalone code scripts/build-validators.mjs
 * generated next to the calling module in dist/ when there is one (no code
 * generation at start-up, which matters once per worker thread), else
 * compiled here with the same options (running from src/, in tests).
 */
export function compiledSchema(from: string, standalone: string, options: Options, schema: () => object): ValidateFunction {
  const require = createRequire(from);
  try {
    return require(standalone) as ValidateFunction;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
  }
  const { Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv(options).compile(schema());
}
