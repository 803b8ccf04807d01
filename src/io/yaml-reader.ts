import { createRequire } from 'node:module';

let reader: typeof import('yaml') | undefined;

/**
 * The `yaml` package, loaded the first time something needs it: its 260 KB
 * cost every command a tenth of its start, and most runs never use it (the
 * fast reader takes the usual record, templates are prebuilt, a repository
 * seldom has a config file). In the bundle the reader is a file of its own
 * beside the chunks (dist/bin/yaml.cjs, scripts/bundle.mjs), so an installed
 * package, which has no node_modules, has it too; run from the sources, it
 * is the package.
 */
export function yamlReader(): typeof import('yaml') {
  if (reader) return reader;
  const require = createRequire(import.meta.url);
  try {
    reader = require('./yaml.cjs') as typeof import('yaml');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    reader = require('yaml') as typeof import('yaml');
  }
  return reader;
}
