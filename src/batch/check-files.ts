import { availableParallelism } from 'node:os';
import type { CheckedBatch } from './checked-batch.js';
import type { PoolOptions } from './check-pool.js';
import type { Finding } from '../record/finding.js';
import type { ReportInput } from '../analyse/caseload-report.js';
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

/**
 * The same check for `ntk report`: each file's facts (none when it could not
 * be read) and the findings a report reads of it (see keptFindings in
 * check-one.ts), in the order of `files`, the batch rules' errors added to
 * their files. A worker sends the child and the dates the batch rules read
 * as part of the facts, not again as a batch entry (batchEntryOf): while
 * the other files are checked, a file's facts are all that is kept of it.
 * Never cached: the cache keeps findings, not facts.
 */
export async function checkFilesWithFacts(files: readonly string[], options: Omit<CheckFilesOptions, 'cache'>, onProgress?: (done: number) => void): Promise<ReportInput[]> {
  const [{ checkEachInPool }, { reportReads }, { keptFacts }, { sharedStrings }] = await Promise.all([import('./check-pool.js'), import('./check-one.js'), import('../analyse/caseload-facts.js'), import('../analyse/shared-pieces.js')]);
  const shared = sharedStrings();
  const kept: (ReportInput & { findings: Finding[] })[] = new Array(files.length);
  // Of the files that have no facts: a valid record of a template no longer known.
  const entries: BatchEntry[] = [];
  let done = 0;
  await checkEachInPool(files, poolOptions(options, true), (index, result) => {
    kept[index] = { file: files[index]!, facts: result.facts && keptFacts(result.facts, shared), findings: result.findings };
    if (result.entry) entries.push(result.entry);
    onProgress?.(++done);
  });
  const indexOf = new Map(files.map((file, i) => [file, i]));
  for (const { file, facts } of kept) if (facts) entries.push({ file, ref: facts.ref, completed: facts.completed, completedAt: null, nextReview: facts.nextReview, nextReviewAt: null });
  // A report names the files that have errors, never where: the facts carry no positions.
  for (const finding of batchFindings(entries, options.today)) if (reportReads(finding)) kept[indexOf.get(finding.file)!]!.findings.push(finding);
  return kept;
}

function poolOptions(options: Omit<CheckFilesOptions, 'cache'>, facts: boolean): PoolOptions {
  return { today: options.today, facts, jobs: options.jobs ?? availableParallelism() };
}
