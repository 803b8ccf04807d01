import type { Finding } from '../record/finding.js';
import { severityOf, type FindingCode } from '../record/finding-codes.js';

/**
 * One finding as a batch keeps it until it is written, and as the check
 * cache stores it: without the file's name (the batch knows it) or the
 * severity (the code's).
 */
export type FindingRow = [line: number | null, column: number | null, code: FindingCode, path: string, message: string];

/**
 * One file's findings as rows. The batch holds them as JSON text (one flat
 * string per file, not ten objects of five strings: packFindings), or as
 * the rows a warm run read from the cache, whose texts are shared.
 */
export function findingRows(findings: readonly Finding[]): FindingRow[] {
  return findings.map((f) => [f.line, f.column, f.code, f.path, f.message]);
}

/** A file's findings as one flat string of their own, sharing nothing with the file's text; '' for none. */
export function packFindings(findings: readonly Finding[]): string {
  return findings.length === 0 ? '' : JSON.stringify(findingRows(findings));
}

/** Findings as they cross from a worker thread: packed, with their codes to count them by. */
export interface PackedFindings {
  text: string;
  codes: FindingCode[];
}

export function packedFindings(findings: readonly Finding[]): PackedFindings {
  return { text: packFindings(findings), codes: findings.map((f) => f.code) };
}

/** The rows of a JSON text packFindings wrote. */
export function rowsOf(packed: string): FindingRow[] {
  return packed === '' ? [] : (JSON.parse(packed) as FindingRow[]);
}

/** The findings of `file` from its rows, or from their JSON text (packFindings). */
export function unpackFindings(file: string, packed: string | readonly FindingRow[]): Finding[] {
  const rows = typeof packed === 'string' ? rowsOf(packed) : packed;
  const findings: Finding[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const f = rows[i]!;
    findings[i] = { file, line: f[0], column: f[1], severity: severityOf(f[2]), code: f[2], path: f[3], message: f[4] };
  }
  return findings;
}
