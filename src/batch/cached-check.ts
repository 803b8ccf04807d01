import { CheckCache } from './check-cache.js';
import type { PoolOptions } from './check-pool.js';
import type { FileResult } from './check-one.js';

/** A check that reuses the results of unchanged files; the others go to the worker pool. */
export async function checkWithCache(files: readonly string[], options: PoolOptions, version: string, onDone?: (done: number) => void): Promise<FileResult[]> {
  const cache = await CheckCache.open(version);
  const results: FileResult[] = new Array(files.length);
  const misses: { index: number; hash: string | null }[] = [];
  let done = 0;
  for (let i = 0; i < files.length; i++) {
    const found = cache.lookup(files[i]!, options.today);
    if (found && 'hit' in found) {
      results[i] = found.hit;
      onDone?.(++done);
    } else {
      misses.push({ index: i, hash: found ? found.hash : null });
    }
  }
  // The checking code is loaded only when something needs checking: a fully warm run just reads the cache.
  const fresh = misses.length === 0 ? [] : await (await import('./check-pool.js')).checkInPool(
    misses.map((m) => files[m.index]!),
    options,
    (n) => onDone?.(done + n),
  );
  misses.forEach((m, k) => {
    results[m.index] = fresh[k]!;
    if (m.hash !== null) cache.store(files[m.index]!, m.hash, fresh[k]!, options.today);
  });
  await cache.save();
  return results;
}
