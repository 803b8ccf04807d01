import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; choose another name or add --force to replace it`);
  }
}

export interface WriteOptions {
  /** Replace an existing file. Without it an existing file is never touched. */
  overwrite?: boolean;
  /** Permission bits for a new file; records about children default to owner-only. */
  mode?: number;
}

/**
 * The one way ntk writes a file: a temporary file in the same folder,
 * flushed to disk, then renamed over the target in one step. A crash leaves
 * either the old file or the new one, never half of each. Without
 * `overwrite`, the final step is a hard link, which fails if the target
 * appeared meanwhile, so even a race cannot replace someone's file.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.ntk-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await open(temp, 'wx', options.mode ?? 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (options.overwrite) {
      await rename(temp, path);
    } else {
      try {
        await link(temp, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
        throw error;
      }
      await unlink(temp);
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Makes the rename itself durable; not every platform allows opening a folder, which is fine. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the data is already on disk, only the folder entry may lag on a crash.
  }
}
