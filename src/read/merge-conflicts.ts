import type { ParsedRecord } from './yaml-document.js';
import { CONFLICT_KEY, conflictPaths } from '../record/conflict-blocks.js';
import { findingAt, pathToString, type Finding, type Position } from '../record/finding.js';

const mergeConflictMessage = (what: string) =>
  `unresolved merge conflict: ${what}; keep one side (edit it if need be), remove the rest, then check again`;

/**
 * The blocks `ntk merge-driver` leaves where both branches changed the same
 * thing: one error each, on the line of its marker. A record with one is
 * half-merged, so nothing else is said about it until they are resolved.
 */
export function mergeConflictFindings(file: string, parsed: ParsedRecord): Finding[] {
  // Walking every record of a batch for a key few ever hold was a tenth of checking it.
  if (parsed.mayHaveKey?.(CONFLICT_KEY) === false) return [];
  return conflictPaths(parsed.data).map((path) =>
    findingAt(file, parsed.locate([...path, CONFLICT_KEY], 'key'), {
      code: 'merge-conflict',
      path: pathToString(path),
      message: mergeConflictMessage('both branches changed this, and the block below holds `ours` and `theirs`'),
    }),
  );
}

/** git's own conflict markers (a line merge of a record): the first one, where the YAML reader would only see broken YAML. */
export function gitMarkerFinding(file: string, text: string): Finding | null {
  const match = /^(<{7}|>{7})(?: |$)/m.exec(text);
  if (!match) return null;
  const line = text.slice(0, match.index).split('\n').length;
  const position: Position = { line, column: 1 };
  return findingAt(file, position, { code: 'merge-conflict', path: '', message: mergeConflictMessage('git left its conflict markers (<<<<<<< ... >>>>>>>) in this file') });
}
