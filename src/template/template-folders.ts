import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../io/package-files.js';

// Kept apart from the template loader so that code needing only the folders (the check cache) stays light.
export const packageTemplates = packagePath('templates');

/**
 * Folders searched for templates: the package's own, then any listed in
 * NTK_TEMPLATE_PATH, so another partnership's toolkit is a new file, not a fork.
 */
export function templateFolders(): string[] {
  const extra = (process.env.NTK_TEMPLATE_PATH ?? '').split(':').filter((p) => p.length > 0);
  return [packageTemplates, ...extra];
}

/** Every template file (*.yaml, *.yml) in those folders, in search order; a folder that cannot be read is passed over. */
export function templateFiles(): string[] {
  const files: string[] = [];
  for (const folder of templateFolders()) {
    let names: string[];
    try {
      names = readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort();
    } catch {
      continue;
    }
    for (const name of names) files.push(join(folder, name));
  }
  return files;
}
