import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compiledSchema } from '../validate/compiled-schema.js';
import { packageTemplates, templateFiles, templateFolders } from './template-folders.js';
import type { Area as TemplateArea, Section as TemplateSection, ToolkitTemplate } from './template.generated.js';
import { packagePath } from '../package-files.js';

export type { TemplateArea, TemplateSection, ToolkitTemplate };

/** The template a record names when none is given (new records). */
export const DEFAULT_TEMPLATE_ID = 'nscp-ncscp/2021';

/** A template with lookups by key, built once per process. */
export interface TemplateIndex {
  template: ToolkitTemplate;
  area(key: string): TemplateArea | undefined;
  /** The section and the area it belongs to, by section key such as "5.2". */
  section(key: string): { area: TemplateArea; section: TemplateSection } | undefined;
  /** Every section in template order. */
  sections(): { area: TemplateArea; section: TemplateSection }[];
}

export { templateFolders };

let cache: Map<string, TemplateIndex> | null = null;

export class TemplateError extends Error {}

/** All templates, validated against schemas/template.schema.json. A broken template file is an error the user must see. */
export function loadTemplates(): Map<string, TemplateIndex> {
  if (cache) return cache;
  // The options must match scripts/build-validators.mjs.
  const validate = compiledSchema(import.meta.url, './template-schema.validator.cjs', { allErrors: true }, readSchema);
  const found = new Map<string, TemplateIndex>();
  const ready = prebuiltTemplates();
  for (const file of templateFiles()) {
    const built = ready.get(file);
    if (built && unchangedSinceBuild(file, built)) {
      if (!found.has(built.template.id)) found.set(built.template.id, indexTemplate(built.template));
      continue;
    }
    const data: unknown = parseYaml(readFileSync(file, 'utf8'));
    if (!validate(data)) {
      const first = validate.errors?.[0];
      throw new TemplateError(`template ${file} is not valid: ${first?.instancePath || '/'} ${first?.message ?? ''}`);
    }
    const template = data as unknown as ToolkitTemplate;
    if (!found.has(template.id)) found.set(template.id, indexTemplate(template));
  }
  cache = found;
  return found;
}

/**
 * The `yaml` reader, loaded only for a template that was not prebuilt: every
 * run of git's textconv checks a record against its template, and loading the
 * reader it does not need was a third of its start.
 */
function parseYaml(text: string): unknown {
  return yamlReader().parse(text);
}

/**
 * In the bundle the reader is a file of its own beside the chunks
 * (dist/bin/yaml.cjs, scripts/bundle.mjs), so an installed package, which has
 * no node_modules, has it too; run from the sources, it is the package.
 */
function yamlReader(): typeof import('yaml') {
  const require = createRequire(import.meta.url);
  try {
    return require('./yaml.cjs') as typeof import('yaml');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return require('yaml') as typeof import('yaml');
  }
}

interface PrebuiltTemplate {
  name: string;
  size: number;
  mtimeMs: number;
  template: ToolkitTemplate;
}

/**
 * The package's templates as scripts/build-validators.mjs parsed and checked
 * them, by file path; empty when running from src/ (tests) or before a build.
 */
function prebuiltTemplates(): Map<string, PrebuiltTemplate> {
  try {
    const entries = JSON.parse(readFileSync(new URL('./package-templates.json', import.meta.url), 'utf8')) as PrebuiltTemplate[];
    return new Map(entries.map((e) => [join(packageTemplates, e.name), e]));
  } catch {
    return new Map();
  }
}

/** A template file edited after the build is read from its YAML again. */
function unchangedSinceBuild(file: string, built: PrebuiltTemplate): boolean {
  try {
    const { size, mtimeMs } = statSync(file);
    return size === built.size && mtimeMs === built.mtimeMs;
  } catch {
    return false;
  }
}

export function findTemplate(id: string): TemplateIndex | undefined {
  return loadTemplates().get(id);
}

export function defaultTemplate(): TemplateIndex {
  const t = findTemplate(DEFAULT_TEMPLATE_ID);
  if (!t) throw new TemplateError(`the default template ${DEFAULT_TEMPLATE_ID} is missing from ${packageTemplates}`);
  return t;
}

function readSchema(): object {
  return JSON.parse(readFileSync(packagePath('schemas', 'template.schema.json'), 'utf8')) as object;
}

export function indexTemplate(template: ToolkitTemplate): TemplateIndex {
  const areas = new Map(template.areas.map((a) => [a.key, a]));
  const ordered = template.areas.flatMap((area) => area.sections.map((section) => ({ area, section })));
  const sections = new Map(ordered.map((entry) => [entry.section.key, entry]));
  return {
    template,
    area: (key) => areas.get(key),
    section: (key) => sections.get(key),
    sections: () => ordered,
  };
}
