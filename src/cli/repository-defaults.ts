import { ConfigError, findRepositoryConfig, type RepositoryConfig } from '../read/repository-config.js';
import { UsageError } from './cli-error.js';

let found: RepositoryConfig | null | undefined;

/** The repository's config (ntk.config.yaml) for this run, found once; a config that cannot be used is a usage error. */
export function repositoryConfig(): RepositoryConfig | null {
  if (found === undefined) {
    try {
      found = findRepositoryConfig();
    } catch (error) {
      throw error instanceof ConfigError ? new UsageError(error.message) : error;
    }
  }
  return found;
}

/**
 * The config's template folder joins NTK_TEMPLATE_PATH, the one way
 * templates are found, so every command and every worker thread sees it.
 */
export function applyRepositoryTemplates(): void {
  const folder = repositoryConfig()?.templates;
  if (!folder) return;
  const path = process.env.NTK_TEMPLATE_PATH ?? '';
  if (!path.split(':').includes(folder)) process.env.NTK_TEMPLATE_PATH = path ? `${path}:${folder}` : folder;
}
