import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** An output path that is one of the command's own inputs, however it was spelled. */
export class OutputIsInputError extends Error {
  constructor(
    readonly output: string,
    readonly input: string,
  ) {
    super(`${output} is the input ${input} of this command; an output never replaces an input, so choose another file`);
  }
}

/**
 * The one check every command makes before writing: no output is the same
 * file as an input. "The same" is decided by the file system, not by the
 * spelling: the same device and inode catches `./x`, symbolic links, hard
 * links and another case of the name on a case-insensitive disk; the real
 * path covers file systems that report no inode numbers. An output that does
 * not exist yet cannot be an input, so a new file costs one failed stat.
 */
export async function refuseOutputsOverInputs(outputs: readonly string[], inputs: readonly string[]): Promise<void> {
  const existing = (await Promise.all(outputs.map(async (path) => ({ path, id: await identity(path) })))).filter((o) => o.id !== null);
  if (existing.length === 0) return;
  for (const input of inputs) {
    const id = await identity(input);
    if (id === null) continue;
    const clash = existing.find((o) => sameIdentity(o.id!, id));
    if (clash) throw new OutputIsInputError(clash.path, input);
  }
}

/** Whether two paths name the same file (both must exist). */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([identity(a), identity(b)]);
  return x !== null && y !== null && sameIdentity(x, y);
}

interface Identity {
  dev: number;
  ino: number;
  real: string;
}

async function identity(path: string): Promise<Identity | null> {
  const info = await stat(path).catch(() => null);
  if (!info) return null;
  return { dev: info.dev, ino: info.ino, real: await realpath(path).catch(() => resolve(path)) };
}

function sameIdentity(a: Identity, b: Identity): boolean {
  return (a.ino !== 0 && a.dev === b.dev && a.ino === b.ino) || a.real === b.real;
}
