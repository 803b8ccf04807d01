import { fileURLToPath } from 'node:url';

// Kept apart from the template loader so that code needing only the folders (the check cache) stays light.
export const packageTemplates = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * Folders searched for templates: the package's own, then any listed in
 * NTK_TEMPLATE_PATH, so another partnership's toolkit is a new file, not a fork.
 */
export function templateFolders(): string[] {
  const extra = (process.env.NTK_TEMPLATE_PATH ?? '').split(':').filter((p) => p.length > 0);
  return [packageTemplates, ...extra];
}
