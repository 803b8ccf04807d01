/** A mistake in how ntk was called: unknown flag, bad value, missing path. Exit code 2. */
export class UsageError extends Error {}

/** Exit codes of cli.md; scripts rely on them. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  /** A file could not be read or written (disk full, permission denied, read-only, a device error). */
  io: 3,
  interrupted: 130,
} as const;

/**
 * System error codes that mean the machine, not the command line, failed:
 * the same command may work once there is space, permission or a working
 * disk, so a script must be able to tell them from a usage error.
 */
const ioErrorCodes = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EACCES', 'EPERM', 'EROFS', 'EIO', 'EBUSY', 'ETXTBSY', 'EMFILE', 'ENFILE', 'ENOMEM', 'ESTALE', 'ETIMEDOUT', 'ENXIO', 'ENODEV', 'EAGAIN']);

/** Whether an error thrown by the file system is an I/O failure (exit 3). */
export function isIoError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && ioErrorCodes.has(code);
}
