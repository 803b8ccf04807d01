import type { Finding } from '../validate/finding.js';
import { isFindingCode, severityOf } from '../validate/finding-codes.js';

/**
 * One file's findings as a batch keeps them until they are written, and as
 * the check cache stores them: a JSON list of `[line, column, code, path,
 * message]`, without the file's name (the batch knows it) or the severity
 * (the code's). One flat string per file, not ten objects of five strings:
 * 50,000 findings-heavy files hold 60 MB this way, against 400 MB as objects.
 */
export function packFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  // One JSON.stringify: a flat string of its own, sharing nothing with the file's text.
  return JSON.stringify(findings.map((f) => [f.line, f.column, f.code, f.path, f.message]));
}

/**
 * The findings a packed text holds, under `file`; null when the text is not
 * what packFindings writes (a damaged cache), so that the file is checked
 * again rather than reported wrong.
 */
export function unpackFindings(file: string, packed: string): Finding[] | null {
  if (packed === '') return [];
  let list: unknown;
  try {
    list = JSON.parse(packed);
  } catch {
    return null;
  }
  if (!Array.isArray(list)) return null;
  const findings: Finding[] = [];
  // Indexed loops, no destructuring: this runs for every finding of the batch.
  for (let i = 0; i < list.length; i++) {
    const f: unknown = list[i];
    if (!Array.isArray(f) || f.length !== 5) return null;
    const line: unknown = f[0];
    const column: unknown = f[1];
    const code: unknown = f[2];
    const path: unknown = f[3];
    const message: unknown = f[4];
    if (!(line === null || Number.isInteger(line)) || !(column === null || Number.isInteger(column))) return null;
    if (!isFindingCode(code) || typeof path !== 'string' || typeof message !== 'string') return null;
    findings.push({ file, line: line as number | null, column: column as number | null, severity: severityOf(code), code, path, message });
  }
  return findings;
}
