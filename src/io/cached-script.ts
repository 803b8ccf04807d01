import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

/**
 * CommonJS code that the build ships with the code V8 compiled of it, for the
 * Node that built it: the standalone validators (src/io/compiled-schema.ts)
 * and each command's own file (bin/ntk.js). Node compiles a module from its
 * text at every start; a script given V8's cache skips that, and another
 * Node's V8 refuses the cache (`cachedDataRejected`) and compiles as before.
 */

/** Where the build keeps V8's compiled code of a script (scripts/bundle.mjs). */
export function codeCachePath(file: string): string {
  return `${file}.v8cache`;
}

/**
 * V8's code for `source`, with a checksum (CRC-32) of the source and the
 * code: V8 checks only a cache's version and flags and the source's length,
 * so a damaged cache, or one made for another text of the same length,
 * would be run as it is; one whose checksum does not hold is not used at
 * all. (Not a defence against a hand that can write dist/: that hand can
 * change the code itself. zlib is loaded for it, not crypto: crypto
 * brings 17 modules, 2.5 ms of a textconv's start.)
 */
export function checkedCodeCache(source: string, code: Buffer): Buffer {
  const sum = Buffer.alloc(SUM_BYTES);
  sum.writeUInt32BE(checksumOf(source, code));
  return Buffer.concat([sum, code]);
}

/** The code of the cache beside `file` when its checksum holds for `source`; else none, and the script is compiled from its text. */
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

/** CommonJS code as a script, wrapped as Node wraps a module, with the code V8 compiled of it when that is given. */
export function commonJsScript(file: string, source: string, cachedData?: Buffer): Script {
  return new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
}

/** What a CommonJS script exports once run, as `require` would give it. */
export function runCommonJs(script: Script, file: string): unknown {
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** What the CommonJS file `file` exports, run with its cache when the cache's seal holds (bin/ntk.js, for a command's own file). */
export function runCachedScript(file: string): unknown {
  const source = readFileSync(file, 'utf8');
  return runCommonJs(commonJsScript(file, source, verifiedCodeCache(file, source)), file);
}
