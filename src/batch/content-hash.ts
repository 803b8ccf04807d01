import { createHash } from 'node:crypto';

/** How many bytes of a content hash the check cache keeps. */
export const HASH_BYTES = 16;

/**
 * The first half of the SHA-256 of a file's content (plenty to tell one
 * version of a file from another), as a string of 16 one-byte characters:
 * it crosses from a worker thread as a short string, not a buffer of its own.
 */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest().toString('latin1', 0, HASH_BYTES);
}
