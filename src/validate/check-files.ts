import { availableParallelism } from 'node:os';
import type { FileResult } from '../batch/check-one.js';
import { compareFindings, type Finding } from './finding.js';
import { batchFindings, type BatchEntry } from './batch-rules.js';
import type { ValidateOptions } from './validate-record.js';

export interface BatchResult {
  files: string[];
  findings: Finding[];
  /** Per file, in the order of `files`. */
  results: FileResult[];
}

export interface CheckFilesOptions extends ValidateOptions {
  /** Worker threads (default: the machine's cores). */
  jobs?: number;
  /** Also extract what `ntk report` shows. */
  facts?: boolean;
  /** Reuse results of unchanged files (`--cache`); ntk's version and the paths the user named pick the cache. */
  cache?: { version: string; scope: readonly string[] };
}

/**
 * Reads and validates every file; a bad file is a finding in that file, never
 * a reason to stop. Only findings and a few facts per file are kept, so memory
 * does not grow with the number of valid files' contents.
 */
export async function checkFiles(files: readonly string[], options: CheckFilesOptions, onProgress?: (done: number) => void): Promise<BatchResult> {
  const pool = { today: options.today, facts: options.facts ?? false, jobs: options.jobs ?? availableParallelism() };
  let results: FileResult[];
  // Loaded on demand: a warm cached run never loads the checking code at all.
  if (options.cache && !pool.facts) {
    const { checkWithCache } = await import('../batch/cached-check.js');
    results = await checkWithCache(files, options.cache.scope, pool, options.cache.version, onProgress);
  } else {
    const { checkInPool } = await import('../batch/check-pool.js');
    results = await checkInPool(files, pool, onProgress);
  }
  const entries: BatchEntry[] = [];
  for (const r of results) if (r.entry) entries.push(r.entry);
  const findings = [...results.flatMap((r) => r.findings), ...batchFindings(entries, options.today)].sort(compareFindings);
  return { files: [...files], findings, results };
}
