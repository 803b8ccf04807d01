import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { takeEarlyLog } from './early-log.js';
import { gitEnvironment, logArguments, READ_ONLY } from './git-command.js';
import { MAX_RECORD_BYTES } from './record-size.js';

/** A git revision or repository that cannot be used; commands turn it into a usage error (exit 2). */
export class GitError extends Error {}

/** What a git process gave: its exit code (null when it was stopped, or gave more than a record's worth) and its output. */
interface GitResult {
  exitCode: number | null;
  stdout: Buffer;
}

/**
 * git runs in the file's own folder, so a record in another repository (or
 * named from another folder) resolves against the repository that holds it.
 * Arguments always go as an array: no shell ever sees a revision or a path.
 * Node's own spawn, not execa: execa is 240 KB of modules that every
 * command reading git (history first) would load to start a few processes.
 * The promise fails only when git cannot be started (the error's `code`
 * says why, ENOENT when it is not installed).
 */
function git(cwd: string, args: string[]): Promise<GitResult> {
  const limit = MAX_RECORD_BYTES * 4;
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', [...READ_ONLY, ...args], { cwd, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooBig = true;
        child.kill();
      } else chunks.push(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ exitCode: tooBig ? null : code, stdout: Buffer.concat(chunks) }));
  });
}

/** Where a folder is in its repository: the repository's top folder and the folder's path from it. */
interface Place {
  top: string;
  prefix: string;
}

/** Folders already asked for their place in a repository: history asks once per folder. */
const places = new Map<string, Promise<Place>>();

function placeOf(file: string): Promise<Place> {
  const cwd = dirname(resolve(file));
  let place = places.get(cwd);
  if (!place) {
    place = findPlace(cwd, file);
    places.set(cwd, place);
  }
  return place;
}

/** The file's folder and its path from the repository root, as `git show REV:path` wants it. */
export async function repositoryPath(file: string): Promise<{ cwd: string; path: string }> {
  const { prefix } = await placeOf(file);
  return { cwd: dirname(resolve(file)), path: `${prefix}${basename(file)}` };
}

async function findPlace(cwd: string, file: string): Promise<Place> {
  if (!(await stat(cwd).then((s) => s.isDirectory(), () => false))) throw new GitError(`${dirname(file)}: no such folder`);
  const r = await git(cwd, ['rev-parse', '--show-prefix']).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'ENOENT') throw new GitError('git is needed to read revisions and is not installed');
    throw new GitError(`git is needed to read revisions and could not be run (${error instanceof Error ? error.message : String(error)})`);
  });
  if (r.exitCode !== 0) throw new GitError(`${file} is not in a git repository`);
  const prefix = r.stdout.toString('utf8').replace(/\n$/, '');
  // git gives the prefix from the folder's real path: its top is that many folders up.
  const depth = prefix.split('/').filter((part) => part !== '').length;
  return { top: resolve(await realpath(cwd), ...Array<string>(depth).fill('..')), prefix };
}

/** The bytes of a file as it was at a revision. */
export async function showAtRevision(file: string, revision: string): Promise<Uint8Array> {
  const { cwd, path } = await repositoryPath(file);
  if (revision.startsWith('-')) throw new GitError(`${revision} is not a git revision`);
  const commit = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  if (commit.exitCode !== 0) throw new GitError(`${revision} is not a revision in the repository of ${file}`);
  const bytes = await showPath(file, commit.stdout.toString('utf8').trim(), path);
  if (bytes === null) throw new GitError(`${path} does not exist in revision ${revision}`);
  return bytes;
}

export interface FileRevision {
  commit: string;
  author: string;
  /** Author date, YYYY-MM-DD as the author wrote it (their zone), for the timeline. */
  date: string;
  subject: string;
  /** The file's path from the repository root in that commit (it may have been renamed since). */
  path: string;
  /** The id of the file's content in that commit; null where the commit deleted it. */
  blob: string | null;
}

/** The top folder of the repository that holds the file (for `readBlobs`). */
export async function repositoryTop(file: string): Promise<string> {
  return (await placeOf(file)).top;
}

/** The bytes of a file at a commit, by its path from the repository root. */
export async function showPath(file: string, commit: string, path: string): Promise<Uint8Array | null> {
  const { cwd } = await repositoryPath(file);
  const r = await git(cwd, ['cat-file', 'blob', `${commit}:${path}`]);
  return r.exitCode === 0 ? r.stdout : null;
}

/** What `readCommitted` gives: each tracked file's revisions, and each distinct content they name as `read` made it. */
export interface Committed<T> {
  revisions: Map<string, FileRevision[]>;
  contents: Map<string, T>;
}

/**
 * The revisions of every file git tracks among `files` (untracked files and
 * files outside a repository are left out), and each distinct content they
 * name, read once and handed to `read` as it arrives. Per repository, three
 * git processes started together whatever the number of files and commits
 * (HistoryReads):
 * `ls-files` for what is tracked, one `git log` of every commit with its raw
 * changes, in which each tracked file is followed back through its renames as
 * `git log --follow` follows it, and one `git cat-file --batch` asked for each
 * content as the log first names it, so that contents are read while the log
 * is still being walked rather than after it. `found` hears of each revision
 * as it is found, before its content is read. One file alone is followed
 * by git itself (`git log --follow -- FILE`, readOneFile): in a repository
 * of 200 children, one child's ten commits are read rather than every commit
 * of them all (the same revisions: test/property/history-follow.property.test.ts).
 */
export async function readCommitted<T>(files: readonly string[], read: (blob: string, bytes: Uint8Array | null) => T, found: (file: string, revision: FileRevision) => void = () => undefined): Promise<Committed<T>> {
  const out: Committed<T> = { revisions: new Map(), contents: new Map() };
  if (files.length === 1) {
    await readOneFile(files[0]!, read, found, out);
    return out;
  }
  // The first file's repository is read while every folder is asked where it is (one `rev-parse` each, all at once).
  const first = files.length > 0 ? new HistoryReads(dirname(resolve(files[0]!)), read, null) : null;
  const places = await Promise.all(files.map((file) => placeOf(file).catch(() => null)));
  const byTop = new Map<string, { file: string; path: string }[]>();
  files.forEach((file, i) => {
    const place = places[i];
    if (!place) return;
    const group = byTop.get(place.top) ?? [];
    group.push({ file, path: `${place.prefix}${basename(file)}` });
    byTop.set(place.top, group);
  });
  const firstTop = places[0]?.top;
  try {
    for (const [top, group] of byTop) await readRepository(top === firstTop ? first! : new HistoryReads(top, read, null), group, found, out);
  } finally {
    if (firstTop === undefined) first?.stop();
  }
  return out;
}

/**
 * One file alone, in three git processes started together in its folder:
 * `ls-files` of that name says both whether git tracks it and its path from
 * the repository's top (where several files ask `rev-parse` for their
 * folder's place), its log, and `cat-file`. A file outside a repository, or
 * one git does not track, has no revisions.
 */
async function readOneFile<T>(file: string, read: (blob: string, bytes: Uint8Array | null) => T, found: (file: string, revision: FileRevision) => void, out: Committed<T>): Promise<void> {
  const reads = new HistoryReads(dirname(resolve(file)), read, basename(file));
  const [path] = await reads.listed;
  if (path === undefined) {
    reads.stop();
    return;
  }
  await readRepository(reads, [{ file, path }], found, out);
}

/** One repository's part of readCommitted: the revisions of `group`'s files and their contents, into `out`. */
async function readRepository<T>(reads: HistoryReads<T>, group: readonly { file: string; path: string }[], found: (file: string, revision: FileRevision) => void, out: Committed<T>): Promise<void> {
  const tracked = await reads.listed;
  const followed = group.filter((f) => tracked.has(f.path));
  if (followed.length === 0) reads.stopLog.abort();
  for (const f of followed) out.revisions.set(f.file, []);
  reads.followWith(
    followRenames(followed, (file, revision) => {
      out.revisions.get(file)!.push(revision);
      found(file, revision);
      if (revision.blob !== null) reads.blobs.want(revision.blob);
    }),
  );
  const failure = await reads.logged;
  if (failure) {
    reads.blobs.stop();
    throw failure;
  }
  for (const [blob, value] of await reads.blobs.end()) out.contents.set(blob, value);
}

/**
 * The git processes that read a repository's history, started together in
 * one of its folders (git finds the repository from any of them, and names
 * paths from its top whichever it is run in): `ls-files` of the whole
 * repository (or of the one file), the log, read from the start (a child process's output that
 * nobody reads when it ends is thrown away) with its commits kept until it
 * is known which files they are followed for, and `cat-file --batch`, which
 * waits to be asked.
 */
class HistoryReads<T> {
  readonly stopLog = new AbortController();
  readonly listed: Promise<Set<string>>;
  /** Settles when the log has been read (or stopped), with what went wrong if anything did. */
  readonly logged: Promise<Error | null>;
  readonly blobs: BlobReader<T>;
  private readonly waiting: LogCommit[] = [];
  private follow: ((c: LogCommit) => void) | null = null;

  /** `only`: the name, in the folder `cwd`, of the one file whose log is read (git following its renames); null for every commit of the repository. */
  constructor(cwd: string, read: (blob: string, bytes: Uint8Array | null) => T, only: string | null) {
    this.listed = trackedPaths(cwd, only).catch(() => new Set<string>());
    this.logged = readLog(cwd, only, this.stopLog.signal, (c) => (this.follow ? this.follow(c) : this.waiting.push(c))).then(
      () => null,
      (error: Error) => error,
    );
    this.blobs = new BlobReader(cwd, read);
  }

  /** Hands `follow` each commit of the log, those read so far first. */
  followWith(follow: (c: LogCommit) => void): void {
    this.follow = follow;
    for (const c of this.waiting.splice(0)) follow(c);
  }

  /** Ends processes that turned out not to be needed. */
  stop(): void {
    this.stopLog.abort();
    this.blobs.stop();
  }
}

/** The paths git tracks, from the repository's top: of the whole repository, or of the one file `only` (its name in the folder `cwd`). */
async function trackedPaths(cwd: string, only: string | null): Promise<Set<string>> {
  // `:/` is the whole repository, from whichever of its folders git runs in; a file's name is a path, never pathspec magic.
  const r = await git(cwd, only === null ? ['ls-files', '-z', '--full-name', '--', ':/'] : ['--literal-pathspecs', 'ls-files', '-z', '--full-name', '--', only]);
  if (r.exitCode !== 0) return new Set();
  return new Set(r.stdout.toString('utf8').split('\0').filter((p) => p !== ''));
}

/** One file's change in one commit, from `git log --raw -z`. */
interface RawChange {
  status: string;
  /** The path before a rename or copy; null otherwise. */
  from: string | null;
  path: string;
  blob: string;
}

interface LogCommit {
  commit: string;
  parents: string[];
  author: string;
  date: string;
  subject: string;
  changes: RawChange[];
}

const objectId = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** A change of `git log --raw`: the modes, the ids before and after, the status and its score. */
const rawChange = /^\n?:\d{6} \d{6} [0-9a-f]+ [0-9a-f]+ [A-Z]\d*$/;
const noBlob = /^0+$/;

/**
 * What to do with each commit of `git log`, newest first, to give each
 * followed file the commits that changed the path it had at that point. A
 * commit whose only change to that path is adding it and that renamed
 * another file to it moves the file's path back to the old name, as
 * `--follow` does; merges show no change of their own, as in `git log`.
 */
function followRenames(files: readonly { file: string; path: string }[], found: (file: string, revision: FileRevision) => void): (c: LogCommit) => void {
  const at = new Map<string, Set<string>>();
  const move = (file: string, from: string | null, to: string) => {
    if (from !== null) at.get(from)?.delete(file);
    at.set(to, (at.get(to) ?? new Set()).add(file));
  };
  for (const f of files) move(f.file, null, f.path);
  // Made once, not for each of a long log's commits: the commit being read, and the renames it holds.
  let c: LogCommit;
  const moves: [string, string, string][] = [];
  const seen = (path: string, blob: string | null, renamedFrom: string | null) => {
    const followed = at.get(path);
    if (followed === undefined) return;
    for (const file of followed) {
      found(file, { commit: c.commit, author: c.author, date: c.date, subject: c.subject, path, blob });
      if (renamedFrom !== null) moves.push([file, path, renamedFrom]);
    }
  };
  return (commit) => {
    if (commit.parents.length > 1) return;
    c = commit;
    for (let i = 0; i < c.changes.length; i++) {
      const change = c.changes[i]!;
      const kind = change.status[0];
      if ((kind === 'R' || kind === 'C') && change.from !== null) {
        seen(change.path, change.blob, change.from);
        // The old name is deleted by a rename (a copy leaves it).
        if (kind === 'R') seen(change.from, null, null);
      } else {
        seen(change.path, kind === 'D' || noBlob.test(change.blob) ? null : change.blob, null);
      }
    }
    // After the whole commit: a file renamed here is followed under its old name from the next commit back.
    if (moves.length === 0) return;
    for (const [file, from, to] of moves) move(file, from, to);
    moves.length = 0;
  };
}

/**
 * The log (logArguments) of every commit, or with `only` of that one file
 * (its name from `cwd`), read commit by commit; every commit id is checked
 * to be one. One file's log may have been started before history loaded
 * (takeEarlyLog).
 */
function readLog(cwd: string, only: string | null, signal: AbortSignal, onCommit: (c: LogCommit) => void): Promise<void> {
  const args = logArguments(only);
  const early = only === null ? null : takeEarlyLog(cwd, args);
  if (early) signal.addEventListener('abort', () => early.kill(), { once: true });
  const child = early ?? spawn('git', args, { cwd, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'ignore'], signal });
  const parser = new LogParser(onCommit);
  let rest = '';
  return new Promise((resolvePromise, reject) => {
    let failure: Error | null = null;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (failure) return;
      const tokens = (rest + chunk).split('\0');
      rest = tokens.pop()!;
      try {
        // An indexed loop: a long log is tens of thousands of tokens, read before this is optimised.
        for (let i = 0; i < tokens.length; i++) parser.push(tokens[i]!);
      } catch (error) {
        failure = error as Error;
        child.kill();
      }
    });
    child.on('error', (error) => {
      if (!signal.aborted) reject(new GitError(`git is needed to read revisions and could not be run (${error.message})`));
    });
    child.on('close', (code) => {
      if (signal.aborted) return resolvePromise();
      if (failure) return reject(failure);
      // No commits yet (or no HEAD): no history, not an error.
      if (code !== 0) return resolvePromise();
      try {
        if (rest !== '') parser.push(rest);
        parser.end();
        resolvePromise();
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

/** Reads the NUL-separated tokens of `git log -z --raw` with the format above, one commit at a time. */
class LogParser {
  private commit: LogCommit | null = null;
  private readonly header: string[] = [];
  private pending: { status: string; blob: string; paths: string[]; wanted: number } | null = null;

  constructor(private readonly onCommit: (c: LogCommit) => void) {}

  push(token: string): void {
    if (this.pending) {
      this.pending.paths.push(token);
      if (this.pending.paths.length === this.pending.wanted) {
        const { status, blob, paths } = this.pending;
        this.commit!.changes.push(paths.length === 2 ? { status, from: paths[0]!, path: paths[1]!, blob } : { status, from: null, path: paths[0]!, blob });
        this.pending = null;
      }
      return;
    }
    if (this.commit && this.header.length === 0) {
      // After a commit's header: its raw changes (the first after a newline), or the next commit. Only a token
      // that starts as a change does is matched as one (a commit id never does): a third of the log's tokens are ids.
      if (token.charCodeAt(token.charCodeAt(0) === 10 ? 1 : 0) === 58 && rawChange.test(token)) {
        // Its shape checked, the content's id and the status are cut out by the spaces before them: no list of every field for each change of a long log.
        const beforeStatus = token.lastIndexOf(' ');
        const blob = token.slice(token.lastIndexOf(' ', beforeStatus - 1) + 1, beforeStatus);
        if (!objectId.test(blob)) throw new GitError('git log gave a change that could not be read');
        const status = token[beforeStatus + 1]!;
        this.pending = { status, blob, paths: [], wanted: status === 'R' || status === 'C' ? 2 : 1 };
        return;
      }
      if (token === '' || token === '\n') return;
      this.flush();
    }
    const { header } = this;
    header.push(header.length === 0 && token.charCodeAt(0) === 10 ? token.slice(1) : token);
    if (header.length < 5) return;
    // Read by index into the one array kept: destructuring made an iterator, and each header a new array, for each of a long log's commits.
    const commit = header[0]!;
    const parentIds = header[1] === '' ? [] : header[1]!.split(' ');
    let ids = objectId.test(commit);
    for (let i = 0; ids && i < parentIds.length; i++) ids = objectId.test(parentIds[i]!);
    if (!ids) throw new GitError('git log gave a commit id that is not one');
    this.commit = { commit, parents: parentIds, author: header[2]!, date: header[3]!, subject: header[4]!, changes: [] };
    header.length = 0;
  }

  end(): void {
    if (this.pending || this.header.length > 0) throw new GitError('git log ended in the middle of a commit');
    this.flush();
  }

  private flush(): void {
    if (this.commit) this.onCommit(this.commit);
    this.commit = null;
  }
}

/**
 * The content of many blobs from one `git cat-file --batch`, each handed to
 * `use` as it arrives (so only what `use` keeps stays in memory); a blob
 * git does not have, or one bigger than a record can be, is given as null.
 * The answer for each id is checked to be the one asked for.
 */
export function readBlobs<T>(top: string, blobs: readonly string[], use: (blob: string, bytes: Uint8Array | null) => T): Promise<Map<string, T>> {
  if (blobs.length === 0) return Promise.resolve(new Map());
  const reader = new BlobReader(top, use);
  for (const blob of blobs) reader.want(blob);
  return reader.end();
}

/**
 * One `git cat-file --batch`, asked for contents as they become wanted (each
 * at most once) and answering in the order asked; readBlobs describes what
 * `use` is given. Started before the first content is wanted: its process
 * start overlaps whatever names the contents.
 */
class BlobReader<T> {
  private readonly child: ChildProcessByStdio<Writable, Readable, null>;
  private readonly asked: string[] = [];
  private readonly wanted = new Set<string>();
  private readonly answers = new Map<string, T>();
  private readonly closed: Promise<void>;
  private next = 0;
  private buffer: Buffer = Buffer.alloc(0);
  private body: { size: number; keep: boolean } | null = null;
  private failure: Error | null = null;
  /** Ids wanted since the last write: they go to git together, one write per chunk of the log rather than per id. */
  private unsent = '';

  constructor(
    cwd: string,
    private readonly use: (blob: string, bytes: Uint8Array | null) => T,
  ) {
    this.child = spawn('git', [...READ_ONLY, 'cat-file', '--batch'], { cwd, env: gitEnvironment(), stdio: ['pipe', 'pipe', 'ignore'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.answer(chunk));
    this.child.stdin.on('error', () => undefined);
    this.closed = new Promise((resolvePromise) => {
      this.child.on('error', (error) => {
        this.failure ??= new GitError(`git is needed to read revisions and could not be run (${error.message})`);
        resolvePromise();
      });
      this.child.on('close', () => resolvePromise());
    });
  }

  want(blob: string): void {
    if (this.wanted.has(blob)) return;
    this.wanted.add(blob);
    this.asked.push(blob);
    if (this.unsent === '') queueMicrotask(() => this.send());
    this.unsent += `${blob}\n`;
  }

  /** Every content wanted, once git has given them all. */
  async end(): Promise<Map<string, T>> {
    this.send();
    this.child.stdin.end();
    await this.closed;
    if (this.failure) throw this.failure;
    if (this.next !== this.asked.length) throw new GitError('git cat-file stopped before giving every file');
    return this.answers;
  }

  /** Stops git when what the contents were wanted for has failed. */
  stop(): void {
    this.child.kill();
  }

  private send(): void {
    if (this.unsent === '') return;
    this.child.stdin.write(this.unsent);
    this.unsent = '';
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.child.kill();
  }

  private answer(chunk: Buffer): void {
    if (this.failure) return;
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const id = this.asked[this.next];
      if (this.body === null) {
        const eol = this.buffer.indexOf(10);
        if (eol === -1) return;
        const line = this.buffer.toString('latin1', 0, eol);
        this.buffer = this.buffer.subarray(eol + 1);
        const head = /^(\S+) (?:(missing)|(\S+) (\d+))$/.exec(line);
        if (id === undefined || !head || head[1] !== id) return this.fail(new GitError('git cat-file answered for another object than the one asked for'));
        if (head[2] !== undefined) {
          this.answers.set(id, this.use(id, null));
          this.next += 1;
          continue;
        }
        this.body = { size: Number(head[4]), keep: head[3] === 'blob' && Number(head[4]) <= MAX_RECORD_BYTES };
      }
      if (!this.body.keep) {
        // Not a record (another kind of object, or far too big): skipped as it streams past, never held.
        const skip = Math.min(this.buffer.length, this.body.size + 1);
        this.buffer = this.buffer.subarray(skip);
        this.body.size -= skip;
        if (this.body.size >= 0) return;
        this.answers.set(id!, this.use(id!, null));
      } else {
        if (this.buffer.length < this.body.size + 1) return;
        // A view, not a copy: `use` reads it before the next answer arrives.
        this.answers.set(id!, this.use(id!, this.buffer.subarray(0, this.body.size)));
        this.buffer = this.buffer.subarray(this.body.size + 1);
      }
      this.body = null;
      this.next += 1;
    }
  }
}
