import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { findingAt, type Finding } from '../validate/finding.js';
import { gitMarkerFinding } from '../validate/merge-conflicts.js';
import { decodeRecordBytes } from './decode-text.js';
import { MAX_RECORD_BYTES } from './record-size.js';
import { parseRecordYaml, type ParsedRecord, type ReadProblem } from './yaml-document.js';

export type ReadOutcome = { file: string; record: ParsedRecord; findings: [] } | { file: string; record: null; findings: Finding[] };

/** Reads one file from disk into a ParsedRecord, or findings that say why it cannot be one. */
export async function readRecordFile(file: string): Promise<ReadOutcome> {
  let bytes: Uint8Array;
  try {
    // Non-blocking open: a named pipe or device called *.yaml must not hang the batch waiting for a writer.
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (info.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
      if (!info.isFile()) {
        return failed(file, [{ code: 'not-a-file', message: 'this is not an ordinary file (a pipe, socket or device); a toolkit record is a YAML text file', position: null, path: [] }]);
      }
      const size = info.size;
      if (size > MAX_RECORD_BYTES) {
        return failed(file, [{ code: 'file-too-large', message: `this file is ${formatBytes(size)}; a toolkit record is at most ${formatBytes(MAX_RECORD_BYTES)}`, position: null, path: [] }]);
      }
      // One byte more than stat() promised: if it fills, the file grew while being read.
      const buffer = new Uint8Array(size + 1);
      let length = 0;
      for (let n = -1; n !== 0 && length < buffer.length; length += n) {
        ({ bytesRead: n } = await handle.read(buffer, length, buffer.length - length, null));
      }
      if (length > size) {
        return failed(file, [{ code: 'file-changed', message: 'this file changed while it was being read; check it again', position: null, path: [] }]);
      }
      bytes = buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return failed(file, [{ code: 'unreadable-file', message: fileErrorMessage(error), position: null, path: [] }]);
  }
  return readRecordBytes(file, bytes);
}

/** Reads a record from bytes already in memory (git revisions, tests). */
export function readRecordBytes(file: string, bytes: Uint8Array): ReadOutcome {
  if (bytes.length > MAX_RECORD_BYTES) {
    return failed(file, [{ code: 'file-too-large', message: `this file is ${formatBytes(bytes.length)}; a toolkit record is at most ${formatBytes(MAX_RECORD_BYTES)}`, position: null, path: [] }]);
  }
  const decoded = decodeRecordBytes(bytes);
  if (!decoded.ok) return failed(file, [{ code: decoded.code, message: decoded.message, position: decoded.position, path: [] }]);
  const marker = gitMarkerFinding(file, decoded.text);
  if (marker) return { file, record: null, findings: [marker] };
  const parsed = parseRecordYaml(decoded.text);
  if (!parsed.ok) return failed(file, parsed.problems);
  return { file, record: parsed.record, findings: [] };
}

function failed(file: string, problems: ReadProblem[]): ReadOutcome {
  return {
    file,
    record: null,
    findings: problems.map((p) => findingAt(file, p.position, { code: p.code, path: p.path.map(String).join('.'), message: p.message })),
  };
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

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
