import { Worker } from 'node:worker_threads';

/**
 * Starting a worker thread costs about as much as starting ntk itself: the
 * thread loads the checking code before it can check a file. Started before
 * the main thread goes looking for files, that loading overlaps with the
 * main thread's own, which on a large batch is time the user sees.
 */
let waiting: Worker[] = [];

export function newCheckWorker(): Worker {
  return new Worker(new URL('./check-worker.js', import.meta.url), {
    // A larger young generation: checking allocates many short-lived strings, and fewer scavenges are measurably faster
    // (96 MB rather than 48: a cold check of 10,000 findings-heavy records 1.57 s rather than 1.65, peak memory the same).
    resourceLimits: { maxYoungGenerationSizeMb: 96 },
  });
}

/** Starts `count` workers now; unreferenced, so a run that fails before using them still exits. */
export function prestartCheckWorkers(count: number): void {
  for (let i = 0; i < count; i++) {
    const worker = newCheckWorker();
    worker.unref();
    waiting.push(worker);
  }
}

/** A worker started earlier, or a new one. */
export function takeCheckWorker(): Worker {
  const worker = waiting.pop() ?? newCheckWorker();
  worker.ref();
  return worker;
}

/** Ends workers started for a batch that turned out too small to share. */
export function releaseWaitingWorkers(): void {
  for (const worker of waiting) void worker.terminate();
  waiting = [];
}
