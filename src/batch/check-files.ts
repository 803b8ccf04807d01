import { availableParallelism } from 'node:os';
import type { CheckedBatch } from './checked-batch.js';
import type { PoolOptions } from './check-pool.js';
import type { Finding } from '../record/finding.js';
import type { CaseloadFacts } from '../analyse/caseload-facts.js';
import { batchFindings, type BatchEntry } from '../validate/batch-rules.js';
import type { ValidateOptions } from '../validate/validate-record.js';

export interface CheckFilesOptions extends ValidateOptions {
  /** Worker threads (default: the machine's cores). */
  jobs?: number;
  /** Reuse what is known of unchanged files (`--cache`); ntk's version and the paths the user named pick the cache. */
  cache?: { version: string; scope: readonly string[] };
}

/**
 * Reads and validates every file; a bad file is a finding in that file,
 * never a reason to stop. Each file's findings are packed as it is checked
 * and the batch keeps a few facts per file, so memory grows neither with the
 * files' contents nor with the number of findings (checked-batch.ts).
 */
export async function checkFiles(files: readonly string[], options: CheckFilesOptions, onProgress?: (done: number) => void): Promise<CheckedBatch> {
  const pool = { ...poolOptions(options, false), packed: true };
  // Loaded on demand: a warm cached run never loads the checking code at all.
  if (options.cache) {
    const { checkWithCache } = await import('./check-cache.js');
    return checkWithCache(files, options.cache.scope, pool, options.cache.version, onProgress);
  }
  const [{ checkEachInPool }, { CheckedBatch }] = await Promise.all([import('./check-pool.js'), import('./checked-batch.js')]);
  const batch = new CheckedBatch(files, options.today);
  let done = 0;
  await checkEachInPool(files, pool, (index, result) => {
    batch.addResult(index, result);
    onProgress?.(++done);
  });
  return batch;
}

/** What `ntk report` keeps of one file: its facts (none when it could not be read) and the findings a report reads of it. */
export interface FileFacts {
  facts: CaseloadFacts | null;
  findings: Finding[];
}

/**
 * The same check for `ntk report`, with the facts it shows for each file (and
 * only the findings it reads: see keptFindings in check-one.ts), in the order
 * of `files`, the batch rules' findings added to their files. Each result is
 * cut down to that as it arrives, so the batch never holds every file's
 * result and a copy of its findings at once. Never cached: the cache keeps
 * findings, not facts.
 */
export async function checkFilesWithFacts(
  files: readonly string[],
  options: Omit<CheckFilesOptions, 'cache'>,
  onProgress?: (done: number) => void,
): Promise<FileFacts[]> {
  const { checkEachInPool } = await import('./check-pool.js');
  const kept: FileFacts[] = new Array(files.length);
  const entries: BatchEntry[] = [];
  const indexOf = new Map<string, number>();
  let done = 0;
  await checkEachInPool(files, poolOptions(options, true), (index, result) => {
    kept[index] = { facts: result.facts, findings: result.findings };
    if (result.entry) {
      entries.push(result.entry);
      indexOf.set(result.entry.file, index);
    }
    onProgress?.(++done);
  });
  for (const finding of batchFindings(entries, options.today)) kept[indexOf.get(finding.file)!]!.findings.push(finding);
  return kept;
}

function poolOptions(options: Omit<CheckFilesOptions, 'cache'>, facts: boolean): PoolOptions {
  return { today: options.today, facts, jobs: options.jobs ?? availableParallelism() };
}
