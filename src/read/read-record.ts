import { findingAt, type Finding } from '../record/finding.js';
import { gitMarkerFinding } from './merge-conflicts.js';
import { formatBytes, readBoundedFile } from './bounded-file.js';
import { decodeRecordBytes } from './decode-text.js';
import { parseRecordBytesFast } from './fast-yaml.js';
import { MAX_RECORD_BYTES } from './record-size.js';
import { parseRecordYaml, type ParsedRecord, type ReadProblem } from './yaml-document.js';

export type ReadOutcome = { file: string; record: ParsedRecord; findings: [] } | { file: string; record: null; findings: Finding[] };

/** Reads one file from disk into a ParsedRecord, or findings that say why it cannot be one. */
export async function readRecordFile(file: string): Promise<ReadOutcome> {
  const read = await readBoundedFile(file);
  return read.ok ? readRecordBytes(file, read.bytes) : failed(file, [read.problem]);
}

/** Reads a record from bytes already in memory (git revisions, tests). */
export function readRecordBytes(file: string, bytes: Uint8Array): ReadOutcome {
  if (bytes.length > MAX_RECORD_BYTES) {
    return failed(file, [{ code: 'file-too-large', message: `this file is ${formatBytes(bytes.length)}; a toolkit record is at most ${formatBytes(MAX_RECORD_BYTES)}`, position: null, path: [] }]);
  }
  // The fast reader for the usual record, which gives the same data and positions (test/property/fast-yaml.property.test.ts);
  // the `yaml` reader, the authority, for anything it declines, with its words for what is wrong.
  const fast = parseRecordBytesFast(bytes);
  if (fast) return { file, record: fast, findings: [] };
  const decoded = decodeRecordBytes(bytes);
  if (!decoded.ok) return failed(file, [{ code: decoded.code, message: decoded.message, position: decoded.position, path: [] }]);
  const marker = gitMarkerFinding(file, decoded.text);
  if (marker) return { file, record: null, findings: [marker] };
  const parsed = parseRecordYaml(decoded.text);
  if (!parsed.ok) return failed(file, parsed.problems);
  return { file, record: parsed.record, findings: [] };
}

function failed(file: string, problems: ReadProblem[]): ReadOutcome {
  return {
    file,
    record: null,
    findings: problems.map((p) => findingAt(file, p.position, { code: p.code, path: p.path.map(String).join('.'), message: p.message })),
  };
}
