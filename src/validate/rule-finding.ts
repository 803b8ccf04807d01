import type { RecordPath, Severity } from './finding.js';

/** What a rule reports; the validator adds the file and position. */
export interface RuleFinding {
  severity: Severity;
  code: string;
  path: RecordPath;
  /** Report at the key rather than the value (unknown keys, fields that should be there). */
  part?: 'key' | 'value';
  message: string;
}
