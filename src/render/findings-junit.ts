import { displayPath } from '../read/collect-files.js';
import { countFindings, type Finding } from '../record/finding.js';
import type { FindingsWriter } from './findings-report.js';
import { escapeHtml } from './html-page.js';

/** XML text: escaped, and without the characters XML 1.0 cannot hold at all (lone surrogates, U+FFFE, U+FFFF). */
function xml(text: string): string {
  return escapeHtml(text).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g, '');
}

/**
 * JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure):
 * a test suite per file checked, a test case per finding - an error is a
 * failure, a warning or prompt a passing case that says what it is - and a
 * single passing case for a file with nothing to say. Written a file at a
 * time, the totals first.
 */
export function junitWriter(): FindingsWriter {
  let suites = 0;
  return {
    begin: (t) => {
      // A case per finding shown, and one for each file with none.
      const tests = t.shown.errors + t.shown.warnings + t.shown.prompts + t.files - t.filesShown;
      return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ntk check" tests="${tests}" failures="${t.shown.errors}" errors="0">\n`;
    },
    file: (file, found) => {
      const name = xml(displayPath(file));
      const cases = found.length === 0 ? [`    <testcase classname="${name}" name="valid record"/>`] : found.map((f) => testCase(name, f));
      const failures = countFindings(found).errors;
      return `${suites++ > 0 ? '\n' : ''}  <testsuite name="${name}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`;
    },
    end: () => '\n</testsuites>\n',
  };
}

function testCase(file: string, f: Finding): string {
  const where = f.line !== null ? `${f.line}:${f.column ?? 1}` : 'file';
  const text = xml(`${file}${f.line !== null ? `:${where}` : ''} ${f.severity} ${f.path ? `${f.path} ` : ''}${f.message} (${f.code})`);
  const name = xml(`${where} ${f.code}${f.path ? ` ${f.path}` : ''}`);
  const body = f.severity === 'error' ? `<failure type="${xml(f.code)}" message="${xml(f.message)}">${text}</failure>` : `<system-out>${text}</system-out>`;
  return `    <testcase classname="${file}" name="${name}">${body}</testcase>`;
}
