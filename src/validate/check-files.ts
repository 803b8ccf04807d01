import { availableParallelism } from 'node:os';
import type { FileResult } from '../batch/check-one.js';
import type { PoolOptions } from '../batch/check-pool.js';
import type { Finding } from './finding.js';
import { everyFinding } from './batch-rules.js';
import type { ValidateOptions } from './validate-record.js';

export interface CheckFilesOptions extends ValidateOptions {
  /** Worker threads (default: the machine's cores). */
  jobs?: number;
  /** Reuse what is known of unchanged files (`--cache`); ntk's version and the paths the user named pick the cache. */
  cache?: { version: string; scope: readonly string[] };
}

/**
 * Reads and validates every file, and gives every finding in order; a bad
 * file is a finding in that file, never a reason to stop. Only findings and
 * a few facts per file are kept, so memory does not grow with the number of
 * valid files' contents.
 */
export async function checkFiles(files: readonly string[], options: CheckFilesOptions, onProgress?: (done: number) => void): Promise<Finding[]> {
  const pool = poolOptions(options, false);
  // Loaded on demand: a warm cached run never loads the checking code at all.
  if (options.cache) {
    const { checkWithCache } = await import('../batch/cached-check.js');
    return checkWithCache(files, options.cache.scope, pool, options.cache.version, onProgress);
  }
  const { checkInPool } = await import('../batch/check-pool.js');
  return everyFinding(await checkInPool(files, pool, onProgress), options.today);
}

/**
 * The same check for `ntk report`, with the facts it shows for each file (and
 * only the findings it reads: see keptFindings in check-one.ts), in
 * the order of `files`. Never cached: the cache keeps findings, not facts.
 */
export async function checkFilesWithFacts(
  files: readonly string[],
  options: Omit<CheckFilesOptions, 'cache'>,
  onProgress?: (done: number) => void,
): Promise<{ findings: Finding[]; results: FileResult[] }> {
  const { checkInPool } = await import('../batch/check-pool.js');
  const results = await checkInPool(files, poolOptions(options, true), onProgress);
  return { findings: everyFinding(results, options.today), results };
}

function poolOptions(options: Omit<CheckFilesOptions, 'cache'>, facts: boolean): PoolOptions {
  return { today: options.today, facts, jobs: options.jobs ?? availableParallelism() };
}
