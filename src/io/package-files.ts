import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder ntk is installed in: the nearest one above this code that holds
 * a package.json. Found rather than assumed at a fixed depth, because the
 * same code runs from src/ (tests), from dist/ and from the bundle in
 * dist/bin/.
 */
export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`ntk cannot find its own package.json above ${from}; reinstall ntk`);
  }
}

/** A file or folder the package ships, e.g. `packagePath('schemas', 'toolkit.schema.json')`. */
export function packagePath(...segments: string[]): string {
  return join(packageRoot, ...segments);
}
