import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { yamlReader } from '../io/yaml-reader.js';

/** A repository's defaults for ntk: `ntk.config.yaml`, or an `ntk` key in package.json. */
export interface RepositoryConfig {
  /** The file they came from, for messages. */
  file: string;
  /** The folder paths in it are relative to. */
  folder: string;
  /** `ntk check --strict` unless the command line says otherwise. */
  strict?: boolean;
  /** Globs (relative to `folder`) of files `ntk check` passes over when it finds files in folders or globs. */
  ignore: string[];
  /** A folder of further templates, searched after the package's own (as NTK_TEMPLATE_PATH is). */
  templates?: string;
}

/** A config file that cannot be used: a usage error (exit 2) naming the file. */
export class ConfigError extends Error {}

const configNames = ['ntk.config.yaml', 'ntk.config.yml'];

/**
 * The nearest config walking up from `from`, no further than the root of
 * the repository that holds it (a folder with .git), so one repository's
 * settings never leak into another's.
 */
export function findRepositoryConfig(from: string = process.cwd()): RepositoryConfig | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    for (const name of configNames) {
      const file = join(dir, name);
      if (existsSync(file)) return configFrom(file, readSettings(file, (text) => yamlReader().parse(text, { version: '1.2', schema: 'core' }) ?? {}));
    }
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const settings = (readSettings(manifest, JSON.parse) as { ntk?: unknown } | null)?.ntk;
      if (settings !== undefined) return configFrom(`${manifest} ("ntk")`, settings, dir);
    }
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return null;
  }
}

function readSettings(file: string, parseText: (text: string) => unknown): unknown {
  try {
    return parseText(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file} cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

function configFrom(file: string, settings: unknown, folder: string = dirname(file)): RepositoryConfig {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) throw new ConfigError(`${file}: the settings must be a mapping (strict, ignore, templates)`);
  const config: RepositoryConfig = { file, folder, ignore: [] };
  for (const [key, value] of Object.entries(settings)) {
    if (key === 'strict' && typeof value === 'boolean') config.strict = value;
    else if (key === 'ignore' && Array.isArray(value) && value.every((v) => typeof v === 'string')) config.ignore = value;
    else if (key === 'templates' && typeof value === 'string' && value !== '') config.templates = resolve(folder, value);
    else if (['strict', 'ignore', 'templates'].includes(key)) throw new ConfigError(`${file}: \`${key}\` must be ${key === 'strict' ? 'true or false' : key === 'ignore' ? 'a list of globs' : 'a folder'}`);
    else throw new ConfigError(`${file}: unknown setting \`${key}\` (ntk knows strict, ignore and templates)`);
  }
  return config;
}

/** A glob as a regular expression over `/`-separated relative paths: `**` any folders, `*` and `?` within one name. */
function globPattern(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A folder's name ignores everything in it.
  return new RegExp(`^${out}(?:/.*)?$`);
}

/** The files a config's `ignore` leaves to check; files named on the command line are always checked. */
export function withoutIgnored(files: readonly string[], named: readonly string[], config: RepositoryConfig | null): string[] {
  if (!config || config.ignore.length === 0) return [...files];
  const patterns = config.ignore.map(globPattern);
  const explicit = new Set(named.map((n) => resolve(n)));
  return files.filter((file) => {
    if (explicit.has(resolve(file))) return true;
    const rel = relative(config.folder, resolve(file)).split(sep).join('/');
    return !patterns.some((p) => p.test(rel));
  });
}
