import { Worker } from 'node:worker_threads';

/**
 * Starting a worker thread costs about as much as starting ntk itself: the
 * thread loads the checking code before it can check a file. Started before
 * the main thread goes looking for files, that loading overlaps with the
 * main thread's own, which on a large batch is time the user sees.
 */
let waiting: Worker[] = [];

/**
 * A larger young generation than Node's for `check`: checking allocates
 * many short-lived strings, and fewer scavenges are measurably faster.
 * `check` keeps little of a file (96 MB rather than 48: a cold check of
 * 10,000 findings-heavy records 1.57 s rather than 1.65, its peak memory the
 * same). `report` and `history` keep each file's facts or timeline on the
 * main thread, and their workers take 16 MB: over 50,000 findings-heavy
 * records as fast as with 48 (history 7.34 s and 10.9 s of CPU against
 * 7.54 and 11.1, report 4.95 and 8.5 against 4.99 and 8.6), a worker's
 * heap 25 MB rather than 40 or more, and history's peak, which comes while
 * its workers run, 162-176 MB rather than 188-192.
 */
function newCheckWorker(keepsFacts: boolean): Worker {
  return new Worker(new URL('./check-worker.js', import.meta.url), {
    resourceLimits: { maxYoungGenerationSizeMb: keepsFacts ? 16 : 96 },
  });
}

/** Starts `count` workers now; unreferenced, so a run that fails before using them still exits. */
export function prestartCheckWorkers(count: number): void {
  for (let i = 0; i < count; i++) {
    const worker = newCheckWorker(false);
    worker.unref();
    waiting.push(worker);
  }
}

/** A worker started earlier (by `check`, which keeps no facts), or a new one. */
export function takeCheckWorker(keepsFacts: boolean): Worker {
  const worker = waiting.pop() ?? newCheckWorker(keepsFacts);
  worker.ref();
  return worker;
}

/** Ends workers started for a batch that turned out too small to share. */
export function releaseWaitingWorkers(): void {
  for (const worker of waiting) void worker.terminate();
  waiting = [];
}
