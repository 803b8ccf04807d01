import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; choose another name or add --force to replace it`);
  }
}

/** The file was changed by someone else between being read and being written back. */
export class FileChangedError extends Error {
  constructor(
    readonly path: string,
    next?: string,
  ) {
    super(`${path} was changed by someone else after this command read it; nothing was written, so their change is kept${next ? `; ${next}` : ''}`);
  }
}

/** Another ntk is writing the same file right now (or crashed while doing so and left its lock). */
export class FileBusyError extends Error {
  constructor(
    readonly path: string,
    readonly lock: string,
  ) {
    super(`${path} is being written by another ntk; try again (if no other ntk is running, delete ${lock})`);
  }
}

export interface WriteOptions {
  /** Replace an existing file. Without it an existing file is never touched. */
  overwrite?: boolean;
  /** Permission bits for a new file; records about children default to owner-only. */
  mode?: number;
  /**
   * A read-modify-write: the fingerprint (see `fingerprint`) of the file as
   * it was read. The file is replaced only if it still has exactly those
   * bytes, checked under a lock that other ntk writers respect.
   */
  unchangedSince?: string;
}

let crypto: typeof import('node:crypto') | undefined;

/**
 * node:crypto, loaded the first time a file is written or fingerprinted, not
 * by every command that could write one: it brings 17 modules, 3 ms of the
 * start of `ntk summary`, which writes to the terminal.
 */
function cryptoModule(): typeof import('node:crypto') {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto;
}

/** What a file held when it was read, to tell later whether someone else wrote it meanwhile. */
export function fingerprint(bytes: string | Uint8Array): string {
  return cryptoModule().createHash('sha256').update(bytes).digest('hex');
}

/** Hard links are missing on FAT (USB sticks) and many network shares; those say so with one of these. */
const noHardLinks = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

/**
 * The one way ntk writes a file: a temporary file in the same folder,
 * flushed to disk, then renamed over the target in one step. A crash leaves
 * either the old file or the new one, never half of each; any failure (a
 * full disk, a lost permission) removes the temporary file and leaves the
 * old one untouched. Without `overwrite`, the final step is a hard link,
 * which fails if the target appeared meanwhile, so even a race cannot
 * replace someone's file.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.ntk-tmp-${process.pid}-${cryptoModule().randomBytes(4).toString('hex')}`);
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.unchangedSince !== undefined) await withLock(path, () => replaceIfUnchanged(temp, path, options.unchangedSince!));
    else if (options.overwrite) await rename(temp, path);
    else await placeNew(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Puts the finished temporary file at `path` only if nothing is there yet. */
async function placeNew(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw new FileExistsError(path);
    if (!noHardLinks.has(code)) throw error;
    // No hard links here: claim the name with an exclusive create (which fails if the file
    // appeared meanwhile), then rename the finished file over that empty placeholder.
    try {
      await (await open(path, 'wx', 0o600)).close();
    } catch (claim) {
      if ((claim as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
      throw claim;
    }
    try {
      await rename(temp, path);
    } catch (failed) {
      await unlink(path).catch(() => undefined);
      throw failed;
    }
    return;
  }
  await unlink(temp);
}

async function replaceIfUnchanged(temp: string, path: string, expected: string): Promise<void> {
  const now = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (now === null || fingerprint(now) !== expected) throw new FileChangedError(path);
  await rename(temp, path);
}

const lockWaitMs = 5000;

/**
 * Runs `body` holding `.<name>.ntk-lock` beside `path`, created exclusively,
 * so two ntk processes never check-and-replace the same file at once. A lock
 * left by a process that no longer runs is taken over.
 */
async function withLock(path: string, body: () => Promise<void>): Promise<void> {
  const lock = join(dirname(path), `.${basename(path)}.ntk-lock`);
  const deadline = Date.now() + lockWaitMs;
  for (;;) {
    try {
      const handle = await open(lock, 'wx', 0o600);
      try {
        await handle.writeFile(String(process.pid));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await lockIsStale(lock)) {
        await unlink(lock).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) throw new FileBusyError(path, lock);
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
    }
  }
  try {
    await body();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}

/** A lock whose writer has exited (killed mid-write): its pid no longer runs. */
async function lockIsStale(lock: string): Promise<boolean> {
  const pid = Number(await readFile(lock, 'utf8').catch(() => ''));
  // An empty lock is one being created this instant; give its writer time.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
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
