import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compiledSchema } from '../io/compiled-schema.js';
import type { ValidateFunction } from 'ajv';
import { packageTemplates, templateFiles, templateFolders } from './template-folders.js';
import type {
  Area as TemplateArea,
  Decision as TemplateDecision,
  FrontDoor as TemplateFrontDoor,
  ReviewQuestion as TemplateReviewQuestion,
  ScalePoint,
  Section as TemplateSection,
  ToolkitTemplate,
} from './template.generated.js';
import { packagePath } from '../io/package-files.js';
import { yamlReader } from '../io/yaml-reader.js';
import { templateProblems } from './template-checks.js';
import { scaleWords, scoreRanker, type ScaleWords } from './scale-facts.js';

export { listWords } from './scale-facts.js';

export type { ScalePoint, TemplateArea, TemplateDecision, TemplateFrontDoor, TemplateReviewQuestion, TemplateSection, ToolkitTemplate };

/** The template a new record uses when neither `--template` nor the records repository names one: the one place its id is written. */
export const DEFAULT_TEMPLATE_ID = 'nscp-ncscp/2021';

/** A template with lookups by key, built once per process. */
export interface TemplateIndex {
  template: ToolkitTemplate;
  area(key: string): TemplateArea | undefined;
  /** The section and the area it belongs to, by section key such as "5.2". */
  section(key: string): { area: TemplateArea; section: TemplateSection } | undefined;
  /** Every section in template order. */
  sections(): { area: TemplateArea; section: TemplateSection }[];
  /** The scale's scores in their order, the lowest first (the template's `better` says which end is the better care). */
  scores: readonly number[];
  /** Which end of the scale is the better care. */
  better: 'lower' | 'higher';
  /** A score's distance from the best care (0 for the best): every comparison of care goes through it. */
  rank(score: number): number;
  /** The worst of some scores (the highest where lower is better), or undefined when there are none. */
  worst(scores: Iterable<number>): number | undefined;
  /** The scores the guidance calls worrying, in order. */
  worrying: readonly number[];
  /** Whether a score is one the guidance calls worrying care. */
  isWorrying(score: number | undefined): boolean;
  /** The scale's facts as sentences and headers say them: "3 or 4", "3s and 4s", "3-4", "highest" on nscp-ncscp/2021's scale. */
  worryingWords: ScaleWords;
  decision(key: string): TemplateDecision | undefined;
  frontDoor(key: string): TemplateFrontDoor | undefined;
}

export { templateFolders };

let cache: Map<string, TemplateIndex> | null = null;

export class TemplateError extends Error {}

/** All templates, validated against schemas/template.schema.json. A broken template file is an error the user must see. */
export function loadTemplates(): Map<string, TemplateIndex> {
  if (cache) return cache;
  // Loaded for a template that was not prebuilt only: the package's own were checked at build time, and the validator is 80 KB of code to load.
  let validate: ValidateFunction | undefined;
  const found = new Map<string, TemplateIndex>();
  const ready = prebuiltTemplates();
  for (const file of templateFiles()) {
    const built = ready.get(file);
    if (built && unchangedSinceBuild(file, built)) {
      if (!found.has(built.template.id)) found.set(built.template.id, indexTemplate(built.template));
      continue;
    }
    const data: unknown = parseYaml(readFileSync(file, 'utf8'));
    // The options must match scripts/build-validators.mjs.
    validate ??= compiledSchema(import.meta.url, './template-schema.validator.cjs', { allErrors: true }, readSchema);
    if (!validate(data)) {
      const first = validate.errors?.[0];
      throw new TemplateError(`template ${file} is not valid: ${first?.instancePath || '/'} ${first?.message ?? ''}`);
    }
    const template = data as unknown as ToolkitTemplate;
    const problem = templateProblems(template)[0];
    if (problem) throw new TemplateError(`template ${file} is not valid: ${problem}`);
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

interface PrebuiltTemplate {
  name: string;
  /** The file's text as it was built: a file is taken as built only while it still holds exactly this. */
  text: string;
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

/**
 * A template file edited after the build is read from its YAML again. Its
 * text is compared, not its size and time: `npm pack` gives every file the
 * same old time, so an installed package never matched and read its
 * templates' YAML at every start (textconv 0.155 s instead of 0.100 s).
 * Reading the 36 KB of the package's templates costs far less than that.
 */
function unchangedSinceBuild(file: string, built: PrebuiltTemplate): boolean {
  try {
    return readFileSync(file, 'utf8') === built.text;
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
  const decisions = new Map(template.decisions.map((d) => [d.key, d]));
  const frontDoors = new Map(template.front_doors.map((d) => [d.key, d]));
  const worrying = new Set(template.scale.filter((p) => p.worrying === true).map((p) => p.score));
  const rank = scoreRanker(template);
  return {
    template,
    area: (key) => areas.get(key),
    section: (key) => sections.get(key),
    sections: () => ordered,
    scores: template.scale.map((p) => p.score),
    better: template.better === 'higher' ? 'higher' : 'lower',
    rank,
    worst: (scores) => {
      let worst: number | undefined;
      for (const s of scores) if (worst === undefined || rank(s) > rank(worst)) worst = s;
      return worst;
    },
    worrying: [...worrying],
    isWorrying: (score) => score !== undefined && worrying.has(score),
    worryingWords: scaleWords(template),
    decision: (key) => decisions.get(key),
    frontDoor: (key) => frontDoors.get(key),
  };
}

/**
 * Each child's template by child.ref, from the records a view shows (a
 * child's toolkits share one; were they not, the last given wins): the scale
 * a child's scores are drawn and worded on. The default template for a child
 * not among them.
 */
export function childTemplates(versions: Iterable<{ record: { child: { ref: string } }; template: TemplateIndex }>): (ref: string) => TemplateIndex {
  const byChild = new Map<string, TemplateIndex>();
  for (const v of versions) byChild.set(v.record.child.ref, v.template);
  return (ref) => byChild.get(ref) ?? defaultTemplate();
}

/**
 * The guidance's words for a decision key, from the templates of the records a
 * view shows (one child's or one household's toolkits share a template; were
 * two to define a key, the first given wins). A key no template defines is
 * shown as it is written.
 */
export function decisionLabeller(templates: Iterable<TemplateIndex>): (key: string) => string {
  const labels = new Map<string, string>();
  // Thousands of versions share a template or two: each template is read once.
  for (const t of new Set(templates)) for (const d of t.template.decisions) if (!labels.has(d.key)) labels.set(d.key, d.label);
  return (key) => labels.get(key) ?? key;
}
