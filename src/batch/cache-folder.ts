// Where check caches are kept, what names them, and how unused ones are cleared away.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { packagePath } from '../io/package-files.js';
import { templateFiles } from '../template/template-folders.js';
import { SCHEMA_FILE } from '../validate/schema-file.js';
import { RULES_HASH } from './rules-hash.js';

/** The layout of the cache file (check-cache.ts); a new one starts a new cache, even within one version of ntk. */
const CACHE_FORMAT = 7;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Caches of paths not checked for this long are removed when another cache is saved. */
const UNUSED_FOR_MS = 30 * DAY_MS;

/** $XDG_CACHE_HOME/ntk (else ~/.cache/ntk), then node_modules/.cache/ntk in the package. */
export function cacheFolders(): string[] {
  const home = process.env.XDG_CACHE_HOME ? join(process.env.XDG_CACHE_HOME, 'ntk') : homedir() ? join(homedir(), '.cache', 'ntk') : null;
  const inPackage = packagePath('node_modules', '.cache', 'ntk');
  return home ? [home, inPackage] : [inPackage];
}

/**
 * ntk's version and cache format, the rule code, the schema, every template
 * file and the paths checked: change any but the paths and the cache starts again.
 * Relative paths mean different files in different folders, so then the
 * working folder counts too; absolute ones find the same cache from anywhere.
 */
export function contextHash(version: string, scope: readonly string[], rules = RULES_HASH): string {
  const hash = createHash('sha256').update(`ntk ${version} cache ${CACHE_FORMAT} rules ${rules}\0`).update(readFileSync(SCHEMA_FILE));
  for (const file of templateFiles()) hash.update(`\0${file}\0`).update(readFileSync(file));
  hash.update(`\0${scope.every(isAbsolute) ? '' : process.cwd()}`);
  for (const path of [...scope].map((p) => resolve(p)).sort()) hash.update(`\0${path}`);
  return hash.digest('hex').slice(0, 32);
}

/** A cache in use is touched once a day, so that only caches nobody runs any more are removed. */
export function keepInUse(place: string): void {
  try {
    const now = Date.now();
    if (statSync(place).mtimeMs < now - DAY_MS) utimesSync(place, now / 1000, now / 1000);
  } catch {
    // Only tidiness is lost.
  }
}

export function removeUnusedCaches(folder: string): void {
  try {
    const cutoff = Date.now() - UNUSED_FOR_MS;
    for (const name of readdirSync(folder)) {
      // `.json`: caches before format 7 (`.answer.json`, the second file of those before format 4).
      if (!/^check-[0-9a-f]{32}(\.answer\.json|\.json|\.bin)$/.test(name)) continue;
      const place = join(folder, name);
      if (statSync(place).mtimeMs < cutoff) unlinkSync(place);
    }
  } catch {
    // Only tidiness is lost.
  }
}

