import { parentPort, workerData } from 'node:worker_threads';
import { checkOneFile, type CheckOneOptions, type FileResult } from './check-one.js';

/** A worker thread of the batch pool: receives chunks of files, answers with their results in the same order. */
const options = workerData as CheckOneOptions;

parentPort!.on('message', async (chunk: { id: number; files: string[] }) => {
  const results: FileResult[] = [];
  for (const file of chunk.files) results.push(await checkOneFile(file, options));
  parentPort!.postMessage({ id: chunk.id, results });
});
