import { execFileSync } from 'node:child_process';
import { chmod, mkdir, open, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a hostile file must produce: the exit code and, for a bad file, its first error and where. */
export interface HostileExpectation {
  exit: 0 | 1 | 2;
  code?: string;
  /** "line:column", or null when the problem has no position (a file too large, an empty file). */
  at?: string | null;
  /** Words the message must contain: what a practitioner needs to act on. */
  says?: string;
}

export interface GeneratedHostileFile extends HostileExpectation {
  name: string;
  /** `summary` names one file: a path that is not there is a usage error (2), where `check` reports it in the batch. */
  summaryExit?: 0 | 1 | 2;
  /** Only meaningful when this process cannot read a chmod-000 file (not root). */
  needsNonRoot?: boolean;
}

/** A small valid record, the base every generated file breaks in one way. */
export const BASE_RECORD = `format: neglect-toolkit/1
template: nscp-ncscp/2021
child:
  ref: GEN-01
assessment:
  type: initial
  completed: 2020-09-21
  contributors:
    - id: hv1
      role: Health visitor
areas:
  physical-care:
    sections:
      "1.1":
        score: 2
        by: hv1
`;

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return bigEndian ? le.swap16() : le;
}

/** Deterministic bytes that are not text, like a photo saved with the wrong name. */
function binaryBytes(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 2463534242;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), out]);
}

/**
 * Writes the pathological files that are too big, too odd or too
 * platform-specific to commit into `dir`, and returns what each must
 * produce. `loop/` is a folder holding a symbolic-link loop.
 */
export async function writeGeneratedHostileFiles(dir: string): Promise<GeneratedHostileFile[]> {
  const files: GeneratedHostileFile[] = [];
  const put = async (name: string, content: string | Uint8Array, expect: HostileExpectation) => {
    await writeFile(join(dir, name), content);
    files.push({ name, ...expect });
  };

  // 50 MB, sparse: the size alone must refuse it, without reading it into memory.
  const big = await open(join(dir, 'big-50mb.yaml'), 'w');
  await big.truncate(50 * 1024 * 1024);
  await big.close();
  files.push({ name: 'big-50mb.yaml', exit: 1, code: 'file-too-large', at: null });

  await put('utf16-le.yaml', utf16(BASE_RECORD, false), { exit: 1, code: 'not-utf8', at: '1:1', says: 'save it as UTF-8' });
  await put('utf16-be.yaml', utf16(BASE_RECORD, true), { exit: 1, code: 'not-utf8', at: '1:1' });
  await put('utf16-no-bom.yaml', Buffer.from(BASE_RECORD, 'utf16le'), { exit: 1, code: 'binary-file', at: '1:2' });
  await put('nul-byte.yaml', BASE_RECORD.replace('ref: GEN-01', 'ref: GEN\u000001'), { exit: 1, code: 'binary-file', at: '4:11' });
  await put('binary.yaml', binaryBytes(4096), { exit: 1, code: 'binary-file' });
  await put('deep-flow.yaml', `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, { exit: 1, code: 'yaml-too-deep', at: '1:67' });
  await put('deep-flow-maps.yaml', `a: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`, { exit: 1, code: 'yaml-too-deep', at: '1:256' });
  await put('deep-compact-lists.yaml', `a:\n${'- '.repeat(500_000)}x\n`, { exit: 1, code: 'yaml-too-deep', at: '2:129' });
  await put('deep-block.yaml', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), { exit: 1, code: 'yaml-too-deep', at: '65:65' });
  await put('long-line.yaml', BASE_RECORD.replace('by: hv1\n', `by: hv1\n        evidence: ${'very long line '.repeat(100_000)}\n`), {
    exit: 1,
    code: 'too-long',
    at: '17:19',
  });
  await put('long-line-huge.yaml', `evidence: ${'x'.repeat(3 * 1024 * 1024)}\n`, { exit: 1, code: 'file-too-large', at: null });
  const levels = 'abcdefghijkl';
  await put(
    'alias-bomb-big.yaml',
    `a: &a [${Array(10).fill('"lol"').join(',')}]\n${[...levels.slice(1)].map((c, i) => `${c}: &${c} [${Array(10).fill(`*${levels[i]}`).join(',')}]\n`).join('')}`,
    { exit: 1, code: 'yaml-alias', at: '2:8', says: 'aliases (`*a`) are not allowed in a record; write the value out in full (109 more aliases in this file)' },
  );

  // A folder whose links point back at themselves and at the folder: checked, never walked forever.
  await mkdir(join(dir, 'loop'));
  await symlink('.', join(dir, 'loop', 'again'));
  await symlink('self.yaml', join(dir, 'loop', 'self.yaml'));
  await symlink('b.yaml', join(dir, 'loop', 'a.yaml'));
  await symlink('a.yaml', join(dir, 'loop', 'b.yaml'));
  files.push({ name: 'loop/self.yaml', exit: 1, code: 'unreadable-file', at: null });
  await symlink('no-such-record.yaml', join(dir, 'dangling.yaml'));
  files.push({ name: 'dangling.yaml', exit: 1, code: 'unreadable-file', at: null, summaryExit: 2 });

  await put('unreadable.yaml', BASE_RECORD.replace('GEN-01', 'GEN-02'), { exit: 1, code: 'unreadable-file', at: null });
  await chmod(join(dir, 'unreadable.yaml'), 0o000);
  files[files.length - 1]!.needsNonRoot = true;

  if (process.platform !== 'win32') {
    // A named pipe: opening it for reading would wait for a writer forever.
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    files.push({ name: 'pipe.yaml', exit: 1, code: 'not-a-file', at: null });
  }
  return files;
}

/** True when this process can read a file whatever its permissions (root), so chmod 000 proves nothing. */
export function readsEverything(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
