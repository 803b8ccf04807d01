import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import type { Options, ValidateFunction } from 'ajv';

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
  return runStandalone(standaloneScript(file, source, verifiedCodeCache(file, source)), file);
}

/** Where the build keeps V8's compiled code of a standalone validator (scripts/bundle.mjs). */
export function codeCachePath(file: string): string {
  return `${file}.v8cache`;
}

/**
 * V8's code for `source`, with a checksum (CRC-32) of the source and the
 * code: V8 checks only a cache's version and flags and the source's length,
 * so a damaged cache, or one made for another text of the same length,
 * would be run as it is; one whose checksum does not hold is not used at
 * all. (Not a defence against a hand that can write dist/: that hand can
 * change the validator itself. zlib is loaded for it, not crypto: crypto
 * brings 17 modules, 2.5 ms of a textconv's start.)
 */
export function checkedCodeCache(source: string, code: Buffer): Buffer {
  const sum = Buffer.alloc(SUM_BYTES);
  sum.writeUInt32BE(checksumOf(source, code));
  return Buffer.concat([sum, code]);
}

/** The code of the cache beside `file` when its checksum holds for `source`; else none, and the validator is compiled from its text. */
export function verifiedCodeCache(file: string, source: string): Buffer | undefined {
  let cache: Buffer;
  try {
    cache = readFileSync(codeCachePath(file));
  } catch {
    return undefined;
  }
  const code = cache.subarray(SUM_BYTES);
  return cache.length > SUM_BYTES && cache.readUInt32BE(0) === checksumOf(source, code) ? code : undefined;
}

const SUM_BYTES = 4;

function checksumOf(source: string, code: Buffer): number {
  return crc32(code, crc32(source));
}

/**
 * A standalone validator's CommonJS code as a script, wrapped as Node wraps
 * a module, with the code V8 compiled of it at build time when that is
 * given. The toolkit's validator is 200 KB: loading it and checking a
 * first record took 7.9 ms of every process that checks one (a `git diff`
 * runs `ntk diff-textconv` once per blob) and of every worker thread, and
 * 2.4 ms with the cache; `diff-textconv` of a record 0.100 s, then 0.095 s
 * (medians of 31 alternating runs). A cache another Node made is refused
 * by V8 (`cachedDataRejected`) and the code compiled as before.
 */
export function standaloneScript(file: string, source: string, cachedData?: Buffer): Script {
  return new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
}

/** What a standalone validator's script exports, as `require` would give it. */
export function runStandalone(script: Script, file: string): ValidateFunction {
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports as ValidateFunction;
}
