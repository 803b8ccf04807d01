/**
 * A record is a few kilobytes; even a long one with every free-text field
 * full stays far below this. Anything bigger is refused before it is read so
 * a stray 50 MB log or disk image cannot exhaust memory. (A module of its
 * own so that the check cache can honour it without loading the reader.)
 */
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;
