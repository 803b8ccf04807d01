import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { displayPath } from '../read/collect-files.js';
import type { Finding, Severity } from '../record/finding.js';
import { ANY_SCALE, findingCodeInfo, scaleWorded, type FindingCode } from '../record/finding-codes.js';
import { indented, type FindingsWriter } from './findings-report.js';
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
 * Written a file at a time: the text JSON.stringify(log, null, 2) gives,
 * with the rules (the codes, known from the totals) before the results.
 */
export function sarifWriter(version: string): FindingsWriter {
  let codes: readonly string[] = [];
  let tail = '';
  let any = false;
  return {
    begin: (t) => {
      codes = t.codes;
      const rules = codes.map((code) => ({
        id: code,
        name: code.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
        // One rule list for every record checked, whatever its template: the rules are said for any scale; each result's message is in its own template's words.
        shortDescription: { text: scaleWorded(findingCodeInfo(code as FindingCode).title, ANY_SCALE) },
        defaultConfiguration: { level: level[findingCodeInfo(code as FindingCode).severity] },
      }));
      const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'ntk', fullName: 'ntk - the neglect toolkit on the command line', version, semanticVersion: version, rules } }, results: [] }],
      };
      // The results are the run's last member: the document is written around them.
      const whole = jsonSafe(log);
      const at = whole.lastIndexOf(EMPTY_RESULTS) + EMPTY_RESULTS.length - 1;
      tail = whole.slice(at + 1);
      return whole.slice(0, at);
    },
    file: (_file, findings) => {
      let out = '';
      for (const f of findings) {
        out += `${any ? ',' : ''}\n${RESULT_INDENT}${indented(jsonSafe(sarifResult(f, codes)), RESULT_INDENT)}`;
        any = true;
      }
      return out;
    },
    end: () => `${any ? `\n${RESULT_INDENT.slice(2)}` : ''}]${tail}\n`,
  };
}

const EMPTY_RESULTS = '"results": []';
/** Where a result sits in the document: runs[0].results[i]. */
const RESULT_INDENT = ' '.repeat(8);

function sarifResult(f: Finding, codes: readonly string[]) {
  return {
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
  };
}
