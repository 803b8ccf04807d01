import { closeSync, constants, openSync, readSync } from 'node:fs';
import { MAX_RECORD_BYTES } from './record-size.js';

// A module of its own, apart from the batch checker: history reads each file as it is now with it, without loading the checker's rules and report facts.

/**
 * One buffer per thread, reused for every file: a fresh 10 KB buffer per file
 * costs more in page faults and garbage collection than the read itself.
 */
const scratch = Buffer.allocUnsafe(MAX_RECORD_BYTES + 1);

/**
 * The file's bytes (valid until the next call), or null when it is not a
 * readable file of a record's size. Synchronous on purpose: for thousands of small files in a worker
 * thread, a blocking read is several times cheaper than a round trip through
 * libuv's thread pool, and there is nothing else for the thread to do.
 */
export function readSmallFile(file: string): Uint8Array | null {
  let fd: number;
  try {
    // Non-blocking, so a named pipe called *.yaml is refused rather than waited on forever.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    // No fstat, one system call fewer per file: a folder or a pipe fails to read, and anything
    // longer than a record fills the buffer; either way the reader is left to say what it is.
    let got = 0;
    for (let n = 1; got < scratch.length && n > 0; got += n) n = readSync(fd, scratch, got, scratch.length - got, got);
    // A view, not a copy: the bytes are decoded before the next file is read into the same buffer.
    return got < scratch.length ? scratch.subarray(0, got) : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
