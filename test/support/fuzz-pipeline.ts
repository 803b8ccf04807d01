import fc from 'fast-check';
import { jsonSafe } from '../../src/render/safe-text.js';
import { readFileSync, readdirSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { diffRecords } from '../../src/analyse/review-diff.js';
import { buildSummarySheet } from '../../src/analyse/summary-sheet.js';
import type { ToolkitRecord } from '../../src/record/types.js';
import { renderDiffHtml } from '../../src/render/diff-html.js';
import { renderDiffMarkdown } from '../../src/render/diff-markdown.js';
import { renderDiffTerminal } from '../../src/render/diff-terminal.js';
import { renderSummaryHtml } from '../../src/render/summary-html.js';
import { readRecordBytes } from '../../src/read/read-record.js';
import { Chalk } from 'chalk';
import { renderFindingsGithub, renderFindingsJson, renderFindingsPretty } from '../../src/render/findings-report.js';
import { renderSummaryMarkdown } from '../../src/render/summary-markdown.js';
import { renderSummaryTerminal } from '../../src/render/summary-terminal.js';
import { batchEntryOf, batchFindings } from '../../src/validate/batch-rules.js';
import { compareFindings } from '../../src/record/finding.js';
import { validateParsedRecord } from '../../src/validate/validate-record.js';

/** How many cases each fuzz property runs: small in `npm test`, large in `npm run fuzz` (NTK_FUZZ_RUNS). */
export const fuzzRuns = (normal: number): number => Number(process.env.NTK_FUZZ_RUNS ?? normal);

const maryJoFolder = new URL('../../fixtures/mary-jo/', import.meta.url);
export const maryJoTexts: string[] = readdirSync(maryJoFolder)
  .filter((n) => n.endsWith('.yaml'))
  .sort()
  .map((n) => readFileSync(new URL(n, maryJoFolder), 'utf8'));

/**
 * What `ntk check`, `ntk summary` and `ntk diff` do with one file's bytes,
 * in process: read, validate, batch rules, every human and machine
 * rendering, and when the record is valid its summary sheet and its review
 * diff against Mary Jo's first toolkit. Returns the outputs so callers
 * can inspect them; any exception is the bug a fuzzer looks for.
 */
export function runPipeline(bytes: Uint8Array, file = 'fuzz.yaml'): { valid: boolean; outputs: string[] } {
  const today = '2021-04-01';
  const read = readRecordBytes(file, bytes);
  const checked = read.record ? validateParsedRecord(file, read.record, { today }) : { file, record: null, template: null, findings: read.findings };
  const entry = read.record ? batchEntryOf(checked, read.record) : null;
  const findings = [...checked.findings, ...batchFindings(entry ? [entry] : [], today)].sort(compareFindings);
  const colour = new Chalk({ level: 1 });
  const outputs = [renderFindingsPretty(findings, 1, colour), renderFindingsGithub(findings), renderFindingsJson(findings, 1)];
  const valid = checked.record !== null && checked.template !== null && !findings.some((f) => f.severity === 'error');
  if (valid) {
    const sheet = buildSummarySheet(checked.record!, checked.template!, findings);
    outputs.push(
      renderSummaryTerminal(sheet, colour, { width: 80, evidence: true }),
      renderSummaryMarkdown(sheet, { evidence: true }),
      renderSummaryHtml(sheet, { evidence: true }),
      // What `ntk summary --format json` writes.
      jsonSafe(sheet),
    );
    // What `ntk diff` does with the original record and this one, both ways round.
    for (const [from, to] of [[original(), checked.record!], [checked.record!, original()]] as const) {
      const diff = diffRecords(from, to, checked.template!);
      const words = checked.template!.template;
      outputs.push(renderDiffTerminal(diff, words, colour, 80), renderDiffMarkdown(diff, words), renderDiffHtml(diff, checked.template!.template));
    }
  }
  return { valid, outputs };
}

let firstRecord: ToolkitRecord | null = null;

/** Mary Jo's first toolkit as a valid record, the other side of every fuzzed diff. */
function original(): ToolkitRecord {
  firstRecord ??= parse(maryJoTexts[0]!) as ToolkitRecord;
  return firstRecord;
}

/** Characters and tokens that mean something to YAML, for text mutations that reach the parser's corners. */
const yamlTokens = [':', ': ', '- ', '-', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '!!str ', '!!binary ', '!x ', '\t', '\n', '\r\n', '---\n', '...\n', '<<: ', '# ', '%YAML 1.1\n', '? ', '|', '>-', '\\', '\u0000', '\u001b[2J', '\ufeff', '2020-02-30', '1e400', '0x1F', '~', 'null', '__proto__: ', 'é'];

const textEdit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...yamlTokens), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

function applyEdit(text: string, edit: TextEdit): string {
  const at = text.length === 0 ? 0 : edit.at % text.length;
  switch (edit.kind) {
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + edit.length);
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = edit.at % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'indent': {
      const lines = text.split('\n');
      const i = edit.at % lines.length;
      lines[i] = edit.by >= 0 ? ' '.repeat(edit.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-edit.by}}`), '');
      return lines.join('\n');
    }
  }
}
type TextEdit = typeof textEdit extends fc.Arbitrary<infer T> ? T : never;

/** A Mary Jo record with a few random text edits. */
export const mutatedRecordText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...maryJoTexts), fc.array(textEdit, { minLength: 1, maxLength: 6 }))
  .map(([text, edits]) => edits.reduce(applyEdit, text));

/** Paths to every value in a parsed record, for structural mutations. */
function valuePaths(data: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = path.length > 0 ? [path] : [];
  if (Array.isArray(data)) return [...here, ...data.flatMap((v, i) => valuePaths(v, [...path, i]))];
  if (data !== null && typeof data === 'object') return [...here, ...Object.entries(data).flatMap(([k, v]) => valuePaths(v, [...path, k]))];
  return here;
}

/** A Mary Jo record with one value replaced by arbitrary JSON, or removed, written back as YAML. */
export const structurallyMutatedRecord: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...maryJoTexts), fc.nat(), fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }))
  .map(([text, pick, replacement]) => {
    const data = parse(text) as Record<string, unknown>;
    const paths = valuePaths(data);
    const path = paths[pick % paths.length]!;
    let node = data as Record<string | number, unknown>;
    for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (replacement === undefined && !Array.isArray(node)) delete node[last];
    else node[last] = replacement ?? null;
    return stringify(data);
  });
