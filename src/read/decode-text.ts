import type { FindingCode } from '../record/finding-codes.js';
import type { Position } from '../record/finding.js';

/**
 * Turns a file's bytes into text, or says in plain words why it is not a
 * UTF-8 text file. Records are typed by people on many machines: a UTF-8 BOM
 * and Windows line endings are fine; UTF-16, binary data and broken UTF-8 are
 * not, and must be reported rather than parsed into nonsense.
 */
export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; code: FindingCode; message: string; position: Position | null };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeRecordBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2) {
    const [b0, b1] = [bytes[0], bytes[1]];
    if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
      return {
        ok: false,
        code: 'not-utf8',
        message: 'this file is saved as UTF-16; save it as UTF-8 (in most editors: "Save with encoding" > UTF-8)',
        position: { line: 1, column: 1 },
      };
    }
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      code: 'binary-file',
      message: 'this is not a text file (it contains binary data); a toolkit record is a YAML text file',
      position: positionOfByte(bytes, nul),
    };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8Byte(bytes);
    return {
      ok: false,
      code: 'not-utf8',
      message: 'this file is not valid UTF-8 text (perhaps saved as Windows-1252 or Latin-1); save it as UTF-8',
      position: bad === -1 ? null : positionOfByte(bytes, bad),
    };
  }
}

/** Line and column (counted in characters of the valid prefix) of a byte offset. */
function positionOfByte(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}

function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need === -1) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}
