import type { FindingCode } from '../record/finding-codes.js';
import type { RecordPath } from '../record/finding.js';

/** What a rule reports; the validator adds the file, the position and the code's severity. */
export interface RuleFinding {
  code: FindingCode;
  path: RecordPath;
  /** Report at the key rather than the value (unknown keys, fields that should be there). */
  part?: 'key' | 'value';
  message: string;
}
