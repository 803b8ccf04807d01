import { MAX_RECORD_BYTES } from './record-size.js';

/** How a record read from standard input is named in findings. */
export const STDIN_NAME = '<stdin>';

/**
 * Standard input's bytes, up to one more than a record may have (the reader
 * then refuses the size), so a stream that never ends cannot fill memory.
 */
export async function readStdinBytes(stdin: NodeJS.ReadableStream = process.stdin): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(bytes);
    size += bytes.length;
    if (size > MAX_RECORD_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_RECORD_BYTES + 1);
}
