import { checkOneFile, type CheckOneOptions, type FileResult } from './check-one.js';
import { releaseWaitingWorkers, takeCheckWorker } from './worker-start.js';
import type { BatchEntry } from '../validate/batch-rules.js';
import { ownCopy } from '../text/own-copy.js';

export interface PoolOptions extends CheckOneOptions {
  /** Worker threads; 1 checks in this thread. */
  jobs: number;
}

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES_PER_WORKER = 50;
const CHUNK = 16;
/**
 * How many chunks a worker may have in hand: this thread hands out the next
 * only between chunks of its own, so with two in hand a worker waited for
 * it for about a tenth of a cold check; seven (112 files) kept it busy, and
 * a cold check of 10,000 findings-heavy records took 1.27 s where it took
 * 1.34 s (chunks of 32, two in hand). A small batch keeps fewer (no more
 * than a quarter of a thread's share, and two), so that this thread still
 * has its share.
 */
const MOST_IN_HAND = 7;

/**
 * Checks files over `jobs` threads: this one and jobs - 1 workers, so one
 * thread's start-up is saved. Work goes out in chunks to whichever thread is
 * free; each result is handed to `onResult` with its file's index as it
 * comes back, so a caller keeps only what it needs of it, and can put it in
 * order whatever the number of threads and whichever finishes first.
 */
export async function checkEachInPool(files: readonly string[], options: PoolOptions, onResult: (index: number, result: FileResult) => void): Promise<void> {
  const threads = Math.min(options.jobs, Math.floor(files.length / MIN_FILES_PER_WORKER));
  const one: CheckOneOptions = { today: options.today, facts: options.facts, ...(options.timeline ? { timeline: true } : {}), ...(options.packed ? { packed: true } : {}), ...(options.hash ? { hash: true } : {}) };
  if (threads <= 1) {
    releaseWaitingWorkers();
    for (let i = 0; i < files.length; i++) onResult(i, detached(await checkOneFile(files[i]!, one)));
    return;
  }
  let nextChunk = 0;
  const chunks = Math.ceil(files.length / CHUNK);
  const inHand = Math.max(2, Math.min(MOST_IN_HAND, Math.floor(chunks / (threads * 4))));
  const finished = (id: number, chunk: FileResult[]) => {
    chunk.forEach((r, i) => onResult(id * CHUNK + i, r));
  };
  const worker = () => {
    const thread = takeCheckWorker(options.facts || options.timeline === true);
    return new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      const send = () => {
        if (nextChunk >= chunks) {
          if (inFlight === 0) void thread.terminate().then(() => resolve());
          return;
        }
        inFlight++;
        const id = nextChunk++;
        thread.postMessage({ id, files: files.slice(id * CHUNK, (id + 1) * CHUNK), options: one });
      };
      thread.on('message', (reply: { id: number; results: FileResult[] }) => {
        inFlight--;
        finished(reply.id, reply.results);
        send();
      });
      thread.on('error', reject);
      for (let k = 0; k < inHand; k++) send();
    });
  };
  const here = async () => {
    while (nextChunk < chunks) {
      const id = nextChunk++;
      const chunk: FileResult[] = [];
      for (const file of files.slice(id * CHUNK, (id + 1) * CHUNK)) chunk.push(detached(await checkOneFile(file, one)));
      finished(id, chunk);
      // Let the workers' replies in between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all([here(), ...Array.from({ length: threads - 1 }, worker)]);
  releaseWaitingWorkers();
}

/**
 * A result as a worker's reply brings it: a copy. The strings the reader cut
 * from a file's text (a template id, a quoted value in a message) are views
 * into that text and would keep all of it alive; a batch of 50,000 files
 * checked in this thread kept 600 MB of texts for a few facts each.
 */
function detached(result: FileResult): FileResult {
  // Packed findings are a string of their own already: only the facts need copying.
  if (result.packed) return { ...result, entry: result.entry && detachedEntry(result.entry), facts: result.facts && structuredClone(result.facts) };
  // A timeline is all copies (timelineRecord): a clone of it was a twelfth of this thread's share of `history --no-git`.
  if (result.timeline && result.facts === null && result.entry === null) return { ...result, findings: result.findings.length === 0 ? [] : structuredClone(result.findings) };
  return structuredClone(result);
}

/**
 * An entry's three texts copied; its positions are numbers and its file's
 * name comes from the list of files. A structuredClone of the whole entry
 * per file was about a tenth of the main thread's share of a check.
 */
function detachedEntry(entry: BatchEntry): BatchEntry {
  return { ...entry, ref: ownCopy(entry.ref), completed: ownCopy(entry.completed), nextReview: entry.nextReview === null ? null : ownCopy(entry.nextReview) };
}
