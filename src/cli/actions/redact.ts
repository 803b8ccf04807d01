import { mkdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { stringify } from 'yaml';
import { Redactor, type RedactionKind } from '../../analyse/redaction.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { refuseOutputsOverInputs } from '../../io/output-not-input.js';
import { collectRecordFiles, displayPath } from '../../read/collect-files.js';
import { readRecordBytes } from '../../read/read-record.js';
import { terminalSafeLine } from '../../render/safe-text.js';
import type { ToolkitRecord } from '../../record/types.js';
import { validateParsedRecord } from '../../validate/validate-record.js';
import { EXIT, UsageError } from '../cli-error.js';
import { resolveToday, type CliContext } from '../context.js';
import { InvalidRecordError, loadValidRecord } from '../load-valid-record.js';

export interface RedactOptions {
  out: string;
  force?: boolean;
}

const header = '# Pseudonymised copy written by `ntk redact`: names, references, dates of birth and contact details replaced.\n';

export async function runRedact(paths: string[], options: RedactOptions, ctx: CliContext): Promise<number> {
  const out = resolve(options.out);
  await refuseOutInsideInputs(out, paths);
  const files = await collectRecordFiles(paths);
  if (files.length === 0) throw new UsageError('no records (*.yaml, *.yml) found in the paths given');
  const today = resolveToday(undefined);

  // Only valid records are copied: a copy must pass `ntk check` like its original.
  const records: { file: string; record: ToolkitRecord }[] = [];
  let invalid = 0;
  for (const file of files) {
    try {
      records.push({ file, record: (await loadValidRecord(file, ctx, today)).record });
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      invalid++;
    }
  }

  const redactor = new Redactor();
  for (const { record } of records) redactor.learn(record);
  const outputs = new Map<string, string>();
  for (const { file, record } of records) {
    const copy = redactor.redact(record);
    const text = header + stringify(copy, { lineWidth: 100 });
    let name = `${copy.child.ref}-${copy.assessment.completed}.yaml`;
    for (let n = 2; outputs.has(name); n++) name = `${copy.child.ref}-${copy.assessment.completed}-${n}.yaml`;
    assertStillValid(name, text, file);
    outputs.set(name, text);
  }

  // Even with --force, a copy never lands on an input file (an input given by name inside --out).
  await refuseOutputsOverInputs([...outputs.keys()].map((name) => join(out, name)), files);
  const outInfo = await stat(out).catch(() => null);
  if (outInfo && !outInfo.isDirectory()) throw new UsageError(`--out ${displayPath(out)} is a file; name a folder`);

  if (!options.force) {
    const existing = [];
    for (const name of outputs.keys()) if (await exists(join(out, name))) existing.push(name);
    if (existing.length > 0) {
      throw new UsageError(`${displayPath(out)} already holds ${existing.join(', ')}; choose another --out or add --force to replace them`);
    }
  }
  await mkdir(out, { recursive: true, mode: 0o700 });
  for (const [name, text] of outputs) await writeFileAtomic(join(out, name), text, { overwrite: options.force === true, mode: 0o600 });

  ctx.stderr.write(`${report(redactor.counts, outputs.size, displayPath(out))}\n`);
  if (invalid > 0) ctx.stderr.write(`${ctx.err.yellow(`${invalid} file${invalid === 1 ? ' was' : 's were'} not copied: fix the errors above and run again`)}\n`);
  return invalid > 0 ? EXIT.findings : EXIT.ok;
}

/** What was replaced, as counts only: the report itself must not carry an identifier. */
function report(counts: Record<RedactionKind, number>, files: number, out: string): string {
  const labels: [RedactionKind, string, string][] = [
    ['name', 'name', 'names'],
    ['reference', 'child or family reference', 'child or family references'],
    ['household', 'household reference', 'household references'],
    ['born', 'date of birth coarsened', 'dates of birth coarsened'],
    ['birthDateInText', 'date of birth in the text', 'dates of birth in the text'],
    ['email', 'e-mail address', 'e-mail addresses'],
    ['phone', 'phone number', 'phone numbers'],
    ['postcode', 'postcode', 'postcodes'],
    ['address', 'street address', 'street addresses'],
  ];
  const lines = labels.map(([kind, one, many]) => `  ${String(counts[kind]).padStart(5)} ${counts[kind] === 1 ? one : many}`);
  return `wrote ${files} pseudonymised record${files === 1 ? '' : 's'} to ${terminalSafeLine(out)}; replaced:\n${lines.join('\n')}\nRead the copies before sharing: a name that appears only in free text, never in a name field, cannot be recognised.`;
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
