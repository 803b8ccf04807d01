import { readRecordFile } from '../read/read-record.js';
import { compareFindings, type Finding } from './finding.js';
import { batchFindings, type BatchEntry } from './batch-rules.js';
import { validateParsedRecord, type CheckedRecord, type ValidateOptions } from './validate-record.js';

export interface BatchResult {
  files: string[];
  findings: Finding[];
  checked: CheckedRecord[];
}

/** Reads and validates every file; a bad file is a finding in that file, never a reason to stop. */
export async function checkFiles(files: readonly string[], options: ValidateOptions, onProgress?: (done: number) => void): Promise<BatchResult> {
  const entries: BatchEntry[] = new Array(files.length);
  let next = 0;
  let done = 0;
  // Reading overlaps with parsing: a few files in flight keep the disk busy without holding the whole batch in memory.
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      const read = await readRecordFile(file);
      entries[index] = read.record
        ? { checked: validateParsedRecord(file, read.record, options), parsed: read.record }
        : { checked: { file, record: null, template: null, findings: read.findings }, parsed: null };
      onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
  const findings = [...entries.flatMap((e) => e.checked.findings), ...batchFindings(entries, options.today)].sort(compareFindings);
  return { files: [...files], findings, checked: entries.map((e) => e.checked) };
}
