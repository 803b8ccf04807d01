import { parentPort } from 'node:worker_threads';
import { checkOneFile, type CheckOneOptions, type FileResult } from './check-one.js';

/**
 * A worker thread of the batch pool: receives chunks of files, answers with
 * their results in the same order. The options come with each chunk, so a
 * worker can be started before the batch's options are known.
 */
parentPort!.on('message', async (chunk: { id: number; files: string[]; options: CheckOneOptions }) => {
  const results: FileResult[] = [];
  for (const file of chunk.files) results.push(await checkOneFile(file, chunk.options));
  parentPort!.postMessage({ id: chunk.id, results });
});
