import { Worker } from 'node:worker_threads';

/**
 * Starting a worker thread costs about as much as starting ntk itself: the
 * thread loads the checking code before it can check a file. Started before
 * the main thread goes looking for files, that loading overlaps with the
 * main thread's own, which on a large batch is time the user sees.
 */
let waiting: Worker[] = [];

/**
 * A larger young generation than Node's: checking allocates many short-lived
 * strings, and fewer scavenges are measurably faster. `check` keeps little
 * of a file (96 MB rather than 48: a cold check of 10,000 findings-heavy
 * records 1.57 s rather than 1.65, its peak memory the same); `report` and
 * `history` keep each file's facts and keep the 48 MB they had, as their
 * peak over 50,000 files is already near the 300 MB goal.
 */
function newCheckWorker(keepsFacts: boolean): Worker {
  return new Worker(new URL('./check-worker.js', import.meta.url), {
    resourceLimits: { maxYoungGenerationSizeMb: keepsFacts ? 48 : 96 },
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
