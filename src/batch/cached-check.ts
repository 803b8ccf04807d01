import { CheckCache } from './check-cache.js';
import type { PoolOptions } from './check-pool.js';
import type { FileResult } from './check-one.js';
import { everyFinding } from '../validate/batch-rules.js';
import type { Finding } from '../validate/finding.js';

/**
 * A check that reuses what the cache knows: the last run's whole answer when
 * nothing has changed since on the same day, else the results of unchanged
 * files, with only the others going to the worker pool. `scope` is the
 * paths the user named, which pick the cache.
 */
export async function checkWithCache(files: readonly string[], scope: readonly string[], options: PoolOptions, version: string, onDone?: (done: number) => void): Promise<Finding[]> {
  const cache = CheckCache.open(version, scope, files);
  const replayed = cache.replay(options.today);
  if (replayed) {
    onDone?.(files.length);
    return replayed;
  }
  const results: FileResult[] = new Array(files.length);
  const misses: { index: number; hash: string | null }[] = [];
  let done = 0;
  for (let i = 0; i < files.length; i++) {
    const found = cache.lookup(i, options.today);
    if (found === null || typeof found === 'string') {
      misses.push({ index: i, hash: found });
    } else {
      results[i] = found;
      onDone?.(++done);
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
    if (m.hash !== null) cache.store(m.index, m.hash, fresh[k]!, options.today);
  });
  const findings = everyFinding(results, options.today);
  cache.rememberRun(options.today, findings);
  await cache.save();
  return findings;
}
