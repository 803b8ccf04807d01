import { constants } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { MAX_RECORD_BYTES } from './record-size.js';
import type { FindingCode } from '../record/finding-codes.js';
import type { ReadProblem } from './yaml-document.js';

// A module of its own, apart from the YAML readers: git's textconv bounds its input without loading them.

export type BoundedRead = { ok: true; bytes: Uint8Array } | { ok: false; problem: ReadProblem };

/**
 * The bytes of a file that can be a record, or why not: the bounds every
 * YAML input of ntk shares (records, answers files, git's textconv). Never
 * blocks on a pipe or device, never reads more than MAX_RECORD_BYTES.
 */
export async function readBoundedFile(file: string): Promise<BoundedRead> {
  const fail = (code: FindingCode, message: string): BoundedRead => ({ ok: false, problem: { code, message, position: null, path: [] } });
  let bytes: Uint8Array;
  try {
    // Non-blocking open: a named pipe or device called *.yaml must not hang the batch waiting for a writer.
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (info.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
      if (!info.isFile()) return fail('not-a-file', 'this is not an ordinary file (a pipe, socket or device); a toolkit record is a YAML text file');
      const size = info.size;
      if (size > MAX_RECORD_BYTES) return fail('file-too-large', `this file is ${formatBytes(size)}; a toolkit record is at most ${formatBytes(MAX_RECORD_BYTES)}`);
      // One byte more than stat() promised: if it fills, the file grew while being read.
      const buffer = new Uint8Array(size + 1);
      let length = 0;
      for (let n = -1; n !== 0 && length < buffer.length; length += n) {
        ({ bytesRead: n } = await handle.read(buffer, length, buffer.length - length, null));
      }
      if (length > size) return fail('file-changed', 'this file changed while it was being read; check it again');
      bytes = buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const folder = await unreadableFolder(file);
    return folder !== null ? fail('unreadable-folder', folder) : fail('unreadable-file', fileErrorMessage(error));
  }
  return { ok: true, bytes };
}

/** A folder on the list is one whose listing failed: why, or null when `file` is no folder. */
async function unreadableFolder(file: string): Promise<string | null> {
  const info = await stat(file).catch(() => null);
  if (!info?.isDirectory()) return null;
  try {
    await readdir(file);
    return 'this is a folder, not a file';
  } catch (error) {
    return `this folder cannot be read (${fileErrorMessage(error).replace(/^this file cannot be read: /, '')}), so the records in it were not checked`;
  }
}

function fileErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'this file does not exist (any more)';
    case 'EACCES':
    case 'EPERM':
      return 'this file cannot be read: permission denied';
    case 'EISDIR':
      return 'this is a folder, not a file';
    case 'ELOOP':
      return 'this path is a symbolic link that points back to itself';
    default:
      return `this file cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
