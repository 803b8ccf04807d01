import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';

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
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') {
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
      for (const f of await walk(path, new Set())) files.add(f);
    } else {
      files.add(path);
    }
  }
  return [...files].sort();
}

async function walk(folder: string, visited: Set<string>): Promise<string[]> {
  let real: string;
  try {
    real = await realpath(folder);
  } catch {
    return [];
  }
  if (visited.has(real)) return [];
  visited.add(real);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    // An unreadable folder holds no records we can check; named files report their own errors.
    return [];
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) out.push(...(await walk(path, visited)));
    } else if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (target?.isDirectory()) out.push(...(await walk(path, visited)));
      else if (recordFile.test(entry.name) && !draftFile.test(entry.name)) out.push(path);
    } else if (recordFile.test(entry.name) && !draftFile.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

/** Paths as the user will recognise them: relative to the working folder when inside it. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
