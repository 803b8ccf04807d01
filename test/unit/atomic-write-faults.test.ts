import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

/** Faults to inject into the file system the writer uses: a full disk, a file system without hard links. */
const faults = vi.hoisted(() => ({ writeFile: null as NodeJS.ErrnoException | null, link: null as NodeJS.ErrnoException | null, rename: null as NodeJS.ErrnoException | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const fail = (error: NodeJS.ErrnoException | null) => (error ? Promise.reject(error) : null);
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args);
      const writeFile = handle.writeFile.bind(handle);
      // A full disk fails part-way: some bytes reach the temporary file first.
      handle.writeFile = async (data: Parameters<typeof writeFile>[0]) => {
        if (!faults.writeFile) return writeFile(data);
        await writeFile(String(data).slice(0, 10));
        throw faults.writeFile;
      };
      return handle;
    },
    link: (...args: Parameters<typeof real.link>) => fail(faults.link) ?? real.link(...args),
    rename: (...args: Parameters<typeof real.rename>) => fail(faults.rename) ?? real.rename(...args),
  };
});

const { FileBusyError, FileChangedError, FileExistsError, fingerprint, writeFileAtomic } = await import('../../src/io/atomic-write.js');
const { EXIT } = await import('../../src/cli/cli-error.js');
const { reportError } = await import('../../src/cli/report-error.js');

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: simulated`), { code });

describe('writeFileAtomic when the file system fails', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-atomic-faults-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    faults.writeFile = faults.link = faults.rename = null;
    for (const f of await readdir(dir)) await rm(join(dir, f), { force: true });
  });

  for (const code of ['ENOSPC', 'EIO', 'EDQUOT', 'EACCES', 'EROFS']) {
    it(`${code} while writing: the temporary file is removed, the old file untouched, exit 3`, async () => {
      const file = join(dir, 'record.yaml');
      await writeFile(file, 'old\n');
      faults.writeFile = errno(code);
      const failure = await writeFileAtomic(file, 'new content\n', { overwrite: true }).catch((e: unknown) => e);
      expect((failure as NodeJS.ErrnoException).code).toBe(code);
      expect(await readdir(dir)).toEqual(['record.yaml']);
      expect(await readFile(file, 'utf8')).toBe('old\n');
      const stderr = { text: '', write(s: string) { this.text += s; return true; } };
      expect(reportError(failure, { stderr: stderr as never, err: { red: (s: string) => s } as never })).toBe(EXIT.io);
      expect(stderr.text).toContain(code);
    });
  }

  it('a failed rename removes the temporary file', async () => {
    const file = join(dir, 'record.yaml');
    await writeFile(file, 'old\n');
    faults.rename = errno('EROFS');
    await expect(writeFileAtomic(file, 'new\n', { overwrite: true })).rejects.toMatchObject({ code: 'EROFS' });
    expect(await readdir(dir)).toEqual(['record.yaml']);
    expect(await readFile(file, 'utf8')).toBe('old\n');
  });

  for (const code of ['EPERM', 'ENOTSUP', 'ENOSYS']) {
    it(`without hard links (${code}, as on FAT or SMB) a new file is still written, and an existing one still never replaced`, async () => {
      faults.link = errno(code);
      const file = join(dir, 'new.yaml');
      await writeFileAtomic(file, 'first\n');
      expect(await readFile(file, 'utf8')).toBe('first\n');
      await expect(writeFileAtomic(file, 'second\n')).rejects.toBeInstanceOf(FileExistsError);
      expect(await readFile(file, 'utf8')).toBe('first\n');
      expect(await readdir(dir)).toEqual(['new.yaml']);
    });
  }

  it('a read-modify-write refuses a file changed since it was read, and leaves it as the other writer left it', async () => {
    const file = join(dir, 'record.yaml');
    await writeFile(file, 'as read\n');
    const seen = fingerprint(await readFile(file));
    await writeFile(file, 'someone else wrote this\n');
    await expect(writeFileAtomic(file, 'mine\n', { unchangedSince: seen })).rejects.toBeInstanceOf(FileChangedError);
    expect(await readFile(file, 'utf8')).toBe('someone else wrote this\n');
    expect(await readdir(dir)).toEqual(['record.yaml']);
    await writeFileAtomic(file, 'mine\n', { unchangedSince: fingerprint('someone else wrote this\n') });
    expect(await readFile(file, 'utf8')).toBe('mine\n');
  });

  it('waits for a live lock, and takes over one left by a process that no longer runs', async () => {
    const file = join(dir, 'record.yaml');
    await writeFile(file, 'v1\n');
    const lock = join(dir, '.record.yaml.ntk-lock');
    // A pid that cannot be running (above the kernel's limit).
    await writeFile(lock, '99999999');
    await writeFileAtomic(file, 'v2\n', { unchangedSince: fingerprint('v1\n') });
    expect(await readFile(file, 'utf8')).toBe('v2\n');
    expect(await readdir(dir)).toEqual(['record.yaml']);
    // This process holds it: after a wait, the writer gives up with a message naming the lock.
    await writeFile(lock, String(process.pid));
    await expect(writeFileAtomic(file, 'v3\n', { unchangedSince: fingerprint('v2\n') })).rejects.toBeInstanceOf(FileBusyError);
    expect(await readFile(file, 'utf8')).toBe('v2\n');
  }, 20_000);
});
