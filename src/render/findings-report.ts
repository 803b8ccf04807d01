import type { ChalkInstance } from 'chalk';
import { displayPath } from '../read/collect-files.js';
import { countFindings, type Finding, type Severity } from '../validate/finding.js';
import { jsonSafe, terminalSafeLine } from './safe-text.js';

export type FindingsFormat = 'pretty' | 'json' | 'github';

/**
 * pretty: one line per finding, `file:line:column severity path message code`,
 * which terminals and editors turn into links, grouped by file with a blank
 * line between files, and a closing count like eslint's.
 */
export function renderFindingsPretty(findings: readonly Finding[], fileCount: number, c: ChalkInstance, shown: readonly Finding[] = findings): string {
  const lines: string[] = [];
  let lastFile: string | null = null;
  for (const f of shown) {
    if (lastFile !== null && f.file !== lastFile) lines.push('');
    lastFile = f.file;
    lines.push(formatFindingLine(f, c));
  }
  if (lines.length > 0) lines.push('');
  lines.push(closingLine(findings, fileCount, c) + (shown.length < findings.length ? c.dim(' (only errors shown)') : ''));
  return `${lines.join('\n')}\n`;
}

const severityStyle: Record<Severity, (c: ChalkInstance, s: string) => string> = {
  error: (c, s) => c.red.bold(s),
  warning: (c, s) => c.yellow(s),
  prompt: (c, s) => c.cyan(s),
};

export function formatFindingLine(f: Finding, c: ChalkInstance): string {
  const where = `${terminalSafeLine(displayPath(f.file))}${f.line !== null ? `:${f.line}:${f.column ?? 1}` : ''}`;
  const severity = severityStyle[f.severity](c, f.severity.padEnd(7));
  const path = f.path ? `${c.dim(terminalSafeLine(f.path))}  ` : '';
  return `${where} ${severity} ${path}${terminalSafeLine(f.message)}  ${c.dim(f.code)}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function closingLine(findings: readonly Finding[], fileCount: number, c: ChalkInstance): string {
  const counts = countFindings(findings);
  const withFindings = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file)).size;
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), plural(counts.prompts, 'prompt')].join(', ');
  const checked = `${plural(fileCount, 'file')} checked`;
  if (counts.errors > 0) return c.red.bold(`✖ ${checked}: ${parts} (${plural(withFindings, 'file')} with errors)`);
  if (counts.warnings > 0) return c.yellow(`⚠ ${checked}: ${parts}`);
  return c.green(`✔ ${checked}: ${parts}`);
}

/** The shape cli.md fixes for `ntk check --format json`. */
export function renderFindingsJson(findings: readonly Finding[], fileCount: number): string {
  const counts = countFindings(findings);
  return `${jsonSafe(
    {
      files: fileCount,
      errors: counts.errors,
      warnings: counts.warnings,
      prompts: counts.prompts,
      findings: findings.map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity, code: f.code, path: f.path, message: f.message })),
    },
  )}\n`;
}

/** GitHub Actions workflow commands, so findings appear on the lines of a pull request. */
export function renderFindingsGithub(findings: readonly Finding[]): string {
  const level: Record<Severity, string> = { error: 'error', warning: 'warning', prompt: 'notice' };
  const prop = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return findings
    .map((f) => {
      const props = [`file=${prop(f.file)}`];
      if (f.line !== null) props.push(`line=${f.line}`, `col=${f.column ?? 1}`);
      props.push(`title=${prop(`ntk ${f.code}`)}`);
      return `::${level[f.severity]} ${props.join(',')}::${escapeData(`${f.path ? `${f.path}: ` : ''}${f.message}`)}\n`;
    })
    .join('');
}

function escapeData(s: string): string {
  return terminalSafeLine(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
