import { parentPort } from 'node:worker_threads';
import { keptVersion } from './committed-versions.js';

/**
 * A worker thread of `ntk history`: receives chunks of committed contents
 * (git blobs), answers with what history keeps of each, in the same order.
 */
parentPort!.on('message', (chunk: { id: number; blobs: Uint8Array[]; today: string }) => {
  parentPort!.postMessage({ id: chunk.id, kept: chunk.blobs.map((bytes, i) => keptVersion(`blob ${i}`, bytes, chunk.today)) });
});
