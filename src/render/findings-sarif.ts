import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { displayPath } from '../read/collect-files.js';
import type { Finding, Severity } from '../validate/finding.js';
import { ANY_SCALE, findingCodeInfo, scaleWorded } from '../validate/finding-codes.js';
import { jsonSafe, terminalSafeLine } from './safe-text.js';

const level: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', prompt: 'note' };

/** A file as a SARIF URI: relative to the working folder (the repository root in CI), percent-encoded, or a file: URL. */
function artifactUri(file: string): string {
  const shown = displayPath(file);
  if (isAbsolute(shown)) return pathToFileURL(shown).href;
  return shown.split(sep).map(encodeURIComponent).join('/');
}

/**
 * SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers:
 * one run of ntk, a rule for each finding code present (with what the rule
 * checks and its level), and a result per finding at its line and column.
 */
export function renderFindingsSarif(findings: readonly Finding[], version: string): string {
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  const rules = codes.map((code) => ({
    id: code,
    name: code.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
    // One rule list for every record checked, whatever its template: the rules are said for any scale; each result's message is in its own template's words.
    shortDescription: { text: scaleWorded(findingCodeInfo(code).title, ANY_SCALE) },
    defaultConfiguration: { level: level[findingCodeInfo(code).severity] },
  }));
  const results = findings.map((f) => ({
    ruleId: f.code,
    ruleIndex: codes.indexOf(f.code),
    level: level[f.severity],
    message: { text: terminalSafeLine(`${f.path ? `${f.path}: ` : ''}${f.message}`) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(f.file) },
          ...(f.line !== null ? { region: { startLine: f.line, startColumn: f.column ?? 1 } } : {}),
        },
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'ntk', fullName: 'ntk - the neglect toolkit on the command line', version, semanticVersion: version, rules } }, results }],
  };
  return `${jsonSafe(log)}\n`;
}
