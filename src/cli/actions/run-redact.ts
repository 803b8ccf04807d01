import { mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { yamlReader } from '../../io/yaml-reader.js';
import { schemaStringBound } from '../../analyse/redaction-bounds.js';
import type { ReviewCandidate } from '../../analyse/redaction.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { refuseOutputsOverInputs } from '../../io/output-not-input.js';
import { collectRecordFiles, displayPath } from '../../read/collect-files.js';
import { readRecordBytes } from '../../read/read-record.js';
import { renderRedactionCounts, renderReviewList } from '../../render/redaction-report.js';
import { jsonSafe } from '../../render/safe-text.js';
import type { ToolkitRecord } from '../../record/types.js';
import { SCHEMA_FILE } from '../../validate/schema-file.js';
import { validateParsedRecord } from '../../validate/validate-record.js';
import { EXIT, UsageError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { InvalidRecordError, loadValidRecord } from '../load-valid-record.js';

export interface RedactOptions {
  out: string;
  force?: boolean;
  /** A JSON file for the review list (and the counts). */
  report?: string;
  /** Any word left on the review list is an error: nothing is written, exit 1. */
  strict?: boolean;
}

const header = '# Pseudonymised copy written by `ntk redact`: names, references, dates of birth, contact details, places and schools replaced.\n';

export async function runRedact(paths: string[], options: RedactOptions, ctx: CliContext): Promise<number> {
  const out = resolve(options.out);
  await refuseOutInsideInputs(out, paths);
  const files = await collectRecordFiles(paths);
  if (files.length === 0) throw new UsageError('no records (*.yaml, *.yml) found in the paths given');
  const outInfo = await stat(out).catch(() => null);
  if (outInfo && !outInfo.isDirectory()) throw new UsageError(`--out ${displayPath(out)} is a file; name a folder`);

  // Only valid records are copied: a copy must pass `ntk check` like its original.
  const records: { file: string; record: ToolkitRecord; template: object }[] = [];
  let invalid = 0;
  for (const file of files) {
    try {
      const valid = await loadValidRecord(file, ctx, ctx.today);
      records.push({ file, record: valid.record, template: valid.template.template });
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      invalid++;
    }
  }

  // The redactor brings the language library with it (about a second to load): only once the flags and paths are known to be usable.
  const { Redactor } = await import('../../analyse/redaction.js');
  const redactor = new Redactor();
  for (const { record, template } of records) redactor.learn(record, template);
  const bound = schemaStringBound(JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as object);
  const outputs = new Map<string, string>();
  const review: (ReviewCandidate & { file: string })[] = [];
  for (const { file, record } of records) {
    const { record: copy, review: left } = redactor.redactWithReview(record, bound);
    const text = header + yamlReader().stringify(copy, { lineWidth: 100 });
    let name = `${copy.child.ref}-${copy.assessment.completed}.yaml`;
    for (let n = 2; outputs.has(name); n++) name = `${copy.child.ref}-${copy.assessment.completed}-${n}.yaml`;
    assertStillValid(name, text, file);
    outputs.set(name, text);
    for (const candidate of left) review.push({ file: name, ...candidate });
  }
  const reportFile = options.report === undefined ? null : resolve(options.report);
  if (reportFile && !options.force && (await exists(reportFile))) {
    throw new UsageError(`${displayPath(reportFile)} already exists; choose another --report or add --force to replace it`);
  }

  // Even with --force, a copy never lands on an input file (an input given by name inside --out).
  await refuseOutputsOverInputs([...outputs.keys()].map((name) => join(out, name)), files);

  if (!options.force) {
    const existing = [];
    for (const name of outputs.keys()) if (await exists(join(out, name))) existing.push(name);
    if (existing.length > 0) {
      throw new UsageError(`${displayPath(out)} already holds ${existing.join(', ')}; choose another --out or add --force to replace them`);
    }
  }
  if (reportFile) {
    const json = `${jsonSafe({ files: outputs.size, replaced: redactor.counts, review })}\n`;
    await writeFileAtomic(reportFile, json, { overwrite: options.force === true, mode: 0o600 });
  }
  ctx.stderr.write(renderReviewList(review));
  // --strict: a copy with anything left to check is not handed over at all.
  if (options.strict && review.length > 0) {
    ctx.stderr.write(`${ctx.err.red(`--strict: ${review.length} word${review.length === 1 ? '' : 's'} left to review; no copies written`)}\n`);
    return EXIT.findings;
  }
  await mkdir(out, { recursive: true, mode: 0o700 });
  for (const [name, text] of outputs) await writeFileAtomic(join(out, name), text, { overwrite: options.force === true, mode: 0o600 });

  ctx.stderr.write(`${renderRedactionCounts(redactor.counts, outputs.size, displayPath(out))}\n`);
  if (invalid > 0) ctx.stderr.write(`${ctx.err.yellow(`${invalid} file${invalid === 1 ? ' was' : 's were'} not copied: fix the errors above and run again`)}\n`);
  return invalid > 0 ? EXIT.findings : EXIT.ok;
}

/** A copy that would not pass `ntk check` is a bug here, never something to hand to a trainer. */
function assertStillValid(name: string, text: string, source: string): void {
  const read = readRecordBytes(name, new TextEncoder().encode(text));
  const errors = read.record ? validateParsedRecord(name, read.record, { today: '9999-12-31' }).findings.filter((f) => f.severity === 'error') : read.findings;
  if (errors.length > 0) throw new Error(`the pseudonymised copy of ${displayPath(source)} would not be a valid record (${errors[0]!.code})`);
}

/** --out must not be, or be inside, a folder being redacted: the copies would mix with the originals. */
async function refuseOutInsideInputs(out: string, paths: readonly string[]): Promise<void> {
  const realOut = await realpathOfNearest(out);
  for (const path of paths) {
    const folder = await inputFolder(path);
    if (folder === null) continue;
    const rel = relative(folder, realOut);
    if (rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))) {
      throw new UsageError(`--out ${displayPath(out)} is inside the input ${path}; choose a folder outside it so the copies never mix with the originals`);
    }
  }
}

/** The folder an input path names: itself, the static part of a glob, or null for a file. */
async function inputFolder(path: string): Promise<string | null> {
  const info = await stat(path).catch(() => null);
  if (info) return info.isDirectory() ? realpath(path) : null;
  const staticPart = path.split(/[\\/]/).filter((_s, i, all) => !all.slice(0, i + 1).some((seg) => /[*?[\]{}!]/.test(seg)));
  return realpathOfNearest(resolve(staticPart.join(sep) || '.'));
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended (--out may not exist yet). */
async function realpathOfNearest(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    if (parent === path) return path;
    return join(await realpathOfNearest(parent), basename(path));
  }
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}
