import type { ChalkInstance } from 'chalk';
import { displayPath } from '../read/collect-files.js';
import { countFindings, type Finding, type FindingsTotals, type Severity } from '../record/finding.js';
import { jsonSafe, terminalSafeLine } from './safe-text.js';

/**
 * One output format of `ntk check`, written a file at a time: what comes
 * before the first file (knowing only the totals), each file checked with
 * its findings in the documented order (compareFindings) - every file, those
 * with nothing to say too - and what comes after the last. The output is
 * never held whole: each piece is written as it is made.
 */
export interface FindingsWriter {
  begin(totals: FindingsTotals): string;
  file(file: string, findings: readonly Finding[]): string;
  end(totals: FindingsTotals): string;
}

export function findingsTotals(findings: readonly Finding[], fileCount: number, shown: readonly Finding[] = findings): FindingsTotals {
  const all = countFindings(findings);
  const filesWithErrors = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file)).size;
  return {
    files: fileCount,
    all,
    shown: shown === findings ? all : countFindings(shown),
    filesWithErrors,
    filesShown: new Set(shown.map((f) => f.file)).size,
    codes: [...new Set(shown.map((f) => f.code))].sort(),
  };
}

/** Findings in order, one file's at a time. */
export function* findingsByFile(findings: readonly Finding[]): Generator<Finding[]> {
  let group: Finding[] = [];
  for (const f of findings) {
    if (group.length > 0 && group[0]!.file !== f.file) {
      yield group;
      group = [];
    }
    group.push(f);
  }
  if (group.length > 0) yield group;
}

/** A whole report as one string, for the few findings of one command (history, a record a command needs). */
function renderWith(writer: FindingsWriter, shown: readonly Finding[], totals: FindingsTotals): string {
  let out = writer.begin(totals);
  for (const group of findingsByFile(shown)) out += writer.file(group[0]!.file, group);
  return out + writer.end(totals);
}

/**
 * pretty: one line per finding, `file:line:column severity path message code`,
 * which terminals and editors turn into links, grouped by file with a blank
 * line between files, and a closing count like eslint's.
 */
export function renderFindingsPretty(findings: readonly Finding[], fileCount: number, c: ChalkInstance, shown: readonly Finding[] = findings): string {
  return renderWith(prettyWriter(c), shown, findingsTotals(findings, fileCount, shown));
}

export function prettyWriter(c: ChalkInstance): FindingsWriter {
  let files = 0;
  const shown = shownPieces(c);
  const tail = rememberedTail((f) => `${shown.severity[f.severity]} ${shown.path(f.path)}${shown.message(f.message)}  ${shown.code(f.code)}\n`);
  return {
    begin: () => '',
    file: (file, findings) => {
      if (findings.length === 0) return '';
      // The file's name as shown, worked out once for all its findings.
      const shownFile = terminalSafeLine(displayPath(file));
      let out = files++ > 0 ? '\n' : '';
      for (let i = 0; i < findings.length; i++) {
        const f = findings[i]!;
        out += `${f.line !== null ? `${shownFile}:${f.line}:${f.column ?? 1}` : shownFile} ${tail(f)}`;
      }
      return out;
    },
    end: (t) => `${files > 0 ? '\n' : ''}${closingLine(t, c)}${t.shown.errors + t.shown.warnings + t.shown.prompts < t.all.errors + t.all.warnings + t.all.prompts ? c.dim(' (only errors shown)') : ''}\n`,
  };
}

const severityStyle: Record<Severity, (c: ChalkInstance, s: string) => string> = {
  error: (c, s) => c.red.bold(s),
  warning: (c, s) => c.yellow(s),
  prompt: (c, s) => c.cyan(s),
};

/** The pieces of a finding's line as shown: made safe and styled. */
interface ShownPieces {
  severity: Record<Severity, string>;
  path: (path: string) => string;
  message: (message: string) => string;
  code: (code: string) => string;
}

/**
 * The pieces of findings' lines, each distinct text made safe and styled
 * once: a check of 10,000 records prints 100,000 findings that share a few
 * hundred paths, messages and codes, and sanitising and styling each piece
 * of each line was most of the time a warm run took to print them.
 */
function shownPieces(c: ChalkInstance): ShownPieces {
  return {
    severity: { error: severityStyle.error(c, 'error  '), warning: severityStyle.warning(c, 'warning'), prompt: severityStyle.prompt(c, 'prompt ') },
    path: remembered((path) => (path ? `${c.dim(terminalSafeLine(path))}  ` : '')),
    message: remembered(terminalSafeLine),
    code: remembered((code) => c.dim(code)),
  };
}

/** Texts kept at most: a report whose messages all differ (each quotes its record) starts afresh, so memory stays flat. */
const REMEMBERED_TEXTS = 4096;

function remembered(shape: (text: string) => string): (text: string) => string {
  const shown = new Map<string, string>();
  return (text) => {
    let piece = shown.get(text);
    if (piece === undefined) {
      if (shown.size >= REMEMBERED_TEXTS) shown.clear();
      piece = shape(text);
      shown.set(text, piece);
    }
    return piece;
  };
}

/**
 * What a format writes of a finding after its place (severity, code, path,
 * message), made once for each message: findings that share a message nearly
 * always share their path and code too (checked, so they never get another's).
 * One lookup a finding, where looking up each piece was three.
 */
function rememberedTail(shape: (f: Finding) => string): (f: Finding) => string {
  const shown = new Map<string, { path: string; code: string; tail: string }>();
  return (f) => {
    const known = shown.get(f.message);
    if (known !== undefined && known.path === f.path && known.code === f.code) return known.tail;
    if (shown.size >= REMEMBERED_TEXTS) shown.clear();
    const tail = shape(f);
    shown.set(f.message, { path: f.path, code: f.code, tail });
    return tail;
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function closingLine(t: FindingsTotals, c: ChalkInstance): string {
  const counts = t.all;
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), plural(counts.prompts, 'prompt')].join(', ');
  const checked = `${plural(t.files, 'file')} checked`;
  if (counts.errors > 0) return c.red.bold(`✖ ${checked}: ${parts} (${plural(t.filesWithErrors, 'file')} with errors)`);
  if (counts.warnings > 0) return c.yellow(`⚠ ${checked}: ${parts}`);
  return c.green(`✔ ${checked}: ${parts}`);
}

/** The shape cli.md fixes for `ntk check --format json`. */
export function renderFindingsJson(findings: readonly Finding[], fileCount: number): string {
  return renderWith(jsonWriter(), findings, findingsTotals(findings, fileCount));
}

/**
 * The same text JSON.stringify(report, null, 2) gives (through jsonSafe), a
 * finding at a time; the counts (of the findings shown) come first. Each
 * finding is laid out here and each distinct text quoted once (as the
 * terminal's pieces are: shownPieces), not stringified and re-indented a
 * finding at a time, which made JSON the slowest format to print.
 */
export function jsonWriter(): FindingsWriter {
  let any = false;
  // Quoting a string on its own gives the bytes it has inside the whole document: nothing jsonSafe escapes is outside a string.
  const quoted = remembered((text) => jsonSafe(text));
  const tail = rememberedTail(
    (f) => `      "severity": "${f.severity}",\n      "code": "${f.code}",\n      "path": ${quoted(f.path)},\n      "message": ${quoted(f.message)}\n    }`,
  );
  return {
    begin: (t) => `{\n  "files": ${t.files},\n  "errors": ${t.shown.errors},\n  "warnings": ${t.shown.warnings},\n  "prompts": ${t.shown.prompts},\n  "findings": [`,
    file: (file, findings) => {
      if (findings.length === 0) return '';
      const head = `    {\n      "file": ${quoted(file)},\n      "line": `;
      let out = '';
      for (let i = 0; i < findings.length; i++) {
        const f = findings[i]!;
        out += `${any ? ',\n' : '\n'}${head}${f.line},\n      "column": ${f.column},\n${tail(f)}`;
        any = true;
      }
      return out;
    },
    end: () => `${any ? '\n  ' : ''}]\n}\n`,
  };
}

/** JSON from jsonSafe, its lines after the first indented to sit inside a bigger document. */
export function indented(json: string, indent: string): string {
  // Split on \n only: the sole newlines jsonSafe writes are its own (every other line break is escaped).
  return json.split('\n').join(`\n${indent}`);
}

/** GitHub Actions workflow commands, so findings appear on the lines of a pull request. */
export function renderFindingsGithub(findings: readonly Finding[]): string {
  return renderWith(githubWriter(), findings, findingsTotals(findings, 0));
}

export function githubWriter(): FindingsWriter {
  const level: Record<Severity, string> = { error: 'error', warning: 'warning', prompt: 'notice' };
  const prop = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return {
    begin: () => '',
    file: (_file, findings) =>
      findings
        .map((f) => {
          const props = [`file=${prop(f.file)}`];
          if (f.line !== null) props.push(`line=${f.line}`, `col=${f.column ?? 1}`);
          props.push(`title=${prop(`ntk ${f.code}`)}`);
          return `::${level[f.severity]} ${props.join(',')}::${escapeData(`${f.path ? `${f.path}: ` : ''}${f.message}`)}\n`;
        })
        .join(''),
    end: () => '',
  };
}

function escapeData(s: string): string {
  return terminalSafeLine(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
