import { statSync } from 'node:fs';
import { MAX_RECORD_BYTES } from '../read/record-size.js';

/** One options object for 10,000 stat calls. */
const MAY_BE_GONE = { throwIfNoEntry: false } as const;

/** Size, modification and change time of each file; NaN for one the cache leaves to the checker. */
export interface FileStats {
  sizes: Float64Array;
  mtimes: Float64Array;
  ctimes: Float64Array;
}

/**
 * One stat per file, keeping only the numbers. NaN marks what the checker
 * must see and explain, never the cache: anything not a regular file (a
 * FIFO would never finish reading), too big to be a record, or gone.
 */
export function statFiles(files: readonly string[]): FileStats {
  const sizes = new Float64Array(files.length);
  const mtimes = new Float64Array(files.length);
  const ctimes = new Float64Array(files.length);
  for (let i = 0; i < files.length; i++) {
    let info;
    try {
      info = statSync(files[i]!, MAY_BE_GONE);
    } catch {
      info = undefined;
    }
    if (info !== undefined && info.isFile() && info.size <= MAX_RECORD_BYTES) {
      sizes[i] = info.size;
      mtimes[i] = info.mtimeMs;
      ctimes[i] = info.ctimeMs;
    } else {
      sizes[i] = NaN;
      mtimes[i] = NaN;
      ctimes[i] = NaN;
    }
  }
  return { sizes, mtimes, ctimes };
}
