import { timelineRecord, versionFacts, type RecordVersion } from '../analyse/history.js';
import { parseRecordBytesFast } from '../read/fast-yaml.js';
import { readBlobs } from '../read/git.js';
import { readRecordBytes } from '../read/read-record.js';
import { validateParsedRecord } from '../validate/validate-record.js';

export type ValidRecord = Pick<RecordVersion, 'record' | 'template' | 'facts'>;

/** The record in `bytes` when it is valid (errors only are looked for: nothing else is shown of a revision), else null. */
export function validRecord(label: string, bytes: Uint8Array, today: string): ValidRecord | null {
  const parsed = parseRecordBytesFast(bytes) ?? readRecordBytes(label, bytes).record;
  const checked = parsed ? validateParsedRecord(label, parsed, { today, errorsOnly: true }) : null;
  return checked?.record && checked.template && !checked.findings.some((f) => f.severity === 'error') ? { record: checked.record, template: checked.template } : null;
}

/** What history keeps of a valid record: its timeline and the facts its changes compare (with its digest when `digest`: see VersionFacts). */
export function timelineOf({ record, template }: ValidRecord, digest = true): ValidRecord {
  return { record: timelineRecord(record), template, facts: versionFacts(record, digest) };
}

/**
 * Every distinct content `blobs` names in the repository at `top`, from one
 * `git cat-file --batch`, each read and checked once as it streams in: as a
 * whole valid record, or with `timelineOnly` as history keeps it, or null
 * when it is not a valid record; with `timelineOnly`, only the contents in
 * `digested` get a digest. (A worker thread sharing the contents was
 * measured: on a busy 2-core machine it cost a third more CPU and no time.)
 */
export async function committedVersions(top: string, blobs: readonly string[], today: string, timelineOnly: boolean, digested: ReadonlySet<string>): Promise<Map<string, ValidRecord | null>> {
  return readBlobs(top, blobs, (id, bytes) => {
    const valid = bytes === null ? null : validRecord(id, bytes, today);
    return valid && timelineOnly ? timelineOf(valid, digested.has(id)) : valid;
  });
}
