import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkOneFile, type CheckOneOptions, type FileResult } from './check-one.js';

export interface PoolOptions extends CheckOneOptions {
  /** Worker threads; 1 checks in this thread. */
  jobs: number;
}

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES_PER_WORKER = 50;
const CHUNK = 32;

export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * Checks files over worker threads. Results come back by file index, so they
 * are the same whatever the number of workers and whichever finishes first.
 */
export async function checkInPool(files: readonly string[], options: PoolOptions, onDone?: (done: number) => void): Promise<FileResult[]> {
  const workers = Math.min(options.jobs, Math.floor(files.length / MIN_FILES_PER_WORKER));
  const one: CheckOneOptions = { today: options.today, facts: options.facts };
  if (workers <= 1) return checkHere(files, one, onDone);
  const results: FileResult[] = new Array(files.length);
  let nextChunk = 0;
  let done = 0;
  const chunks = Math.ceil(files.length / CHUNK);
  await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: one });
      return new Promise<void>((resolve, reject) => {
        let inFlight = 0;
        const send = () => {
          if (nextChunk >= chunks) {
            if (inFlight === 0) void worker.terminate().then(() => resolve());
            return;
          }
          inFlight++;
          const id = nextChunk++;
          worker.postMessage({ id, files: files.slice(id * CHUNK, (id + 1) * CHUNK) });
        };
        worker.on('message', (reply: { id: number; results: FileResult[] }) => {
          reply.results.forEach((r, i) => (results[reply.id * CHUNK + i] = r));
          inFlight--;
          done += reply.results.length;
          onDone?.(done);
          send();
        });
        worker.on('error', reject);
        send();
        // Two chunks in flight so a worker never waits for the next one.
        send();
      });
    }),
  );
  return results;
}

async function checkHere(files: readonly string[], options: CheckOneOptions, onDone?: (done: number) => void): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    results.push(await checkOneFile(file, options));
    onDone?.(results.length);
  }
  return results;
}
