import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, isAbsolute, sep } from 'node:path';

/** A path the user named that does not exist: a usage error (exit 2), not a finding. */
export class MissingPathError extends Error {
  constructor(
    readonly path: string,
    isPattern = false,
  ) {
    super(isPattern ? `${path}: no files match this pattern` : `${path}: no such file or folder`);
  }
}

const recordFile = /\.ya?ml$/i;
/** Interview drafts live beside records; they are checked only when named. */
const draftFile = /\.draft\.ya?ml$/i;
const skippedFolders = new Set(['node_modules', '.git']);

/**
 * Expands files, folders (recursively, *.yaml and *.yml) and globs into a
 * sorted list of files. Symbolic links to folders are followed once: a link
 * that loops back is skipped rather than walked forever.
 */
export async function collectRecordFiles(paths: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const path of paths) {
    let info;
    try {
      info = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A loop, or a path the user may not look at: the reader turns it into a finding, never "no such file".
      if (code === 'ELOOP' || code === 'EACCES') {
        files.add(path);
        continue;
      }
      // Loaded only for a path that is not a file or folder: most runs name files and folders, and start faster without it.
      const { glob, isDynamicPattern } = await import('tinyglobby');
      if (isDynamicPattern(path)) {
        const matches = await glob(path, { onlyFiles: true, followSymbolicLinks: false, expandDirectories: false, absolute: isAbsolute(path) });
        if (matches.length === 0) throw new MissingPathError(path, true);
        for (const m of matches) if (recordFile.test(m)) files.add(m);
        continue;
      }
      throw new MissingPathError(path);
    }
    if (info.isDirectory()) {
      for (const f of walk(path, new Set())) files.add(f);
    } else {
      files.add(path);
    }
  }
  return [...files].sort();
}

/**
 * A folder's record files, recursively. Synchronous on purpose: a command
 * waits for the whole list anyway, and a walk with no promise per folder
 * makes no round trips through the thread pool.
 */
function walk(folder: string, visited: Set<string>, out: string[] = []): string[] {
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    out.push(folder);
    return out;
  }
  if (visited.has(real)) return out;
  visited.add(real);
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    // Its records cannot be checked: the folder itself goes on the list, so reading it is a finding (exit 1), never
    // a silent "0 files checked" that turns CI green.
    out.push(folder);
    return out;
  }
  // join(folder, name) for every entry, without normalising the folder 10,000 times: an entry's name holds no separator.
  const prefix = join(folder, 'x').slice(0, -1);
  for (const entry of entries) {
    const name = entry.name;
    if (entry.isDirectory()) {
      if (!skippedFolders.has(name)) walk(prefix + name, visited, out);
    } else if (entry.isSymbolicLink()) {
      const path = prefix + name;
      if (isFolder(path)) walk(path, visited, out);
      else if (isRecordName(name)) out.push(path);
    } else if (isRecordName(name)) {
      out.push(prefix + name);
    }
  }
  return out;
}

/** Where a symbolic link leads is a folder; a dangling or looping link is not. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isRecordName(name: string): boolean {
  return recordFile.test(name) && !draftFile.test(name);
}

/** `.` or `..` as a part of a path, an empty part or a closing slash: a path that is not in its plain form. */
const unplainPart = /(^|\/)\.{1,2}(\/|$)|\/\/|.\/$/;

/** Paths as the user will recognise them: relative to the working folder when inside it. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  // The common cases without path.relative's two resolves, as a report of 10,000 files asks for every one: a plain path
  // (collectRecordFiles gives them) that is relative, or absolute and outside the working folder, is shown as it is.
  if (sep === '/' && !unplainPart.test(file) && (file.startsWith('/') ? !file.startsWith(cwd) : !file.startsWith('..'))) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
