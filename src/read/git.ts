import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { execa } from 'execa';
import { MAX_RECORD_BYTES } from './record-size.js';

/** A git revision or repository that cannot be used; commands turn it into a usage error (exit 2). */
export class GitError extends Error {}

/**
 * git runs in the file's own folder, so a record in another repository (or
 * named from another folder) resolves against the repository that holds it.
 * Arguments always go as an array: no shell ever sees a revision or a path.
 */
async function git(cwd: string, args: string[], encoding: 'utf8' | 'buffer' = 'utf8') {
  return execa('git', args, { cwd, reject: false, encoding, stripFinalNewline: false, maxBuffer: MAX_RECORD_BYTES * 4, env: { GIT_TERMINAL_PROMPT: '0' } });
}

/** Folders already asked for their place in a repository: history asks once per file and revision. */
const prefixes = new Map<string, Promise<string>>();

/** The file's folder and its path from the repository root, as `git show REV:path` wants it. */
export async function repositoryPath(file: string): Promise<{ cwd: string; path: string }> {
  const cwd = dirname(resolve(file));
  let prefix = prefixes.get(cwd);
  if (!prefix) {
    prefix = showPrefix(cwd, file);
    prefixes.set(cwd, prefix);
  }
  return { cwd, path: `${await prefix}${basename(file)}` };
}

async function showPrefix(cwd: string, file: string): Promise<string> {
  if (!(await stat(cwd).then((s) => s.isDirectory(), () => false))) throw new GitError(`${dirname(file)}: no such folder`);
  const r = await git(cwd, ['rev-parse', '--show-prefix']).catch((error: unknown) => {
    throw new GitError(`git is needed to read revisions and could not be run (${error instanceof Error ? error.message : String(error)})`);
  });
  if (r.failed && (r as { code?: string }).code === 'ENOENT') throw new GitError('git is needed to read revisions and is not installed');
  if (r.exitCode !== 0) throw new GitError(`${file} is not in a git repository`);
  return String(r.stdout).trim();
}

/** The bytes of a file as it was at a revision. */
export async function showAtRevision(file: string, revision: string): Promise<Uint8Array> {
  const { cwd, path } = await repositoryPath(file);
  if (revision.startsWith('-')) throw new GitError(`${revision} is not a git revision`);
  const commit = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  if (commit.exitCode !== 0) throw new GitError(`${revision} is not a revision in the repository of ${file}`);
  const show = await git(cwd, ['show', '--no-textconv', `${String(commit.stdout).trim()}:${path}`], 'buffer');
  if (show.exitCode !== 0) throw new GitError(`${path} does not exist in revision ${revision}`);
  return show.stdout as unknown as Uint8Array;
}

export interface FileRevision {
  commit: string;
  author: string;
  /** Author date, YYYY-MM-DD as the author wrote it (their zone), for the timeline. */
  date: string;
  subject: string;
  /** The file's path from the repository root in that commit (it may have been renamed since). */
  path: string;
}

/** Whether git tracks the file; false outside a repository or when git is missing. */
export async function isTracked(file: string): Promise<boolean> {
  try {
    const { cwd } = await repositoryPath(file);
    const r = await git(cwd, ['ls-files', '--error-unmatch', '--', basename(file)]);
    return r.exitCode === 0;
  } catch {
    return false;
  }
}

/** Every commit that changed the file, newest first, following renames. */
export async function fileRevisions(file: string): Promise<FileRevision[]> {
  const { cwd } = await repositoryPath(file);
  const r = await git(cwd, ['log', '--follow', '--name-only', '--no-color', '--no-show-signature', '--format=%x1e%H%x1f%an%x1f%ad%x1f%s', '--date=short', '--', basename(file)]);
  if (r.exitCode !== 0) return [];
  return String(r.stdout)
    .split('\x1e')
    .filter((chunk) => chunk.trim() !== '')
    .flatMap((chunk) => {
      const [head = '', ...rest] = chunk.split('\n');
      const [commit = '', author = '', date = '', subject = ''] = head.split('\x1f');
      const path = rest.map((l) => l.trim()).find((l) => l !== '');
      return path ? [{ commit, author, date, subject, path }] : [];
    });
}

/** The bytes of a file at a commit, by its path from the repository root. */
export async function showPath(file: string, commit: string, path: string): Promise<Uint8Array | null> {
  const { cwd } = await repositoryPath(file);
  const r = await git(cwd, ['show', '--no-textconv', `${commit}:${path}`], 'buffer');
  return r.exitCode === 0 ? (r.stdout as unknown as Uint8Array) : null;
}
