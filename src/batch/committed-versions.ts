import { timelineRecord, versionFacts, type RecordVersion } from '../analyse/history.js';
import { readBlobs, readCommitted, type Committed, type FileRevision } from '../read/git.js';
import { readRecordBytes } from '../read/read-record.js';
import { validateParsedRecord } from '../validate/validate-record.js';

export type ValidRecord = Pick<RecordVersion, 'record' | 'template' | 'facts'>;

/** The record in `bytes` when it is valid (errors only are looked for: nothing else is shown of a revision), else null. */
export function validRecord(label: string, bytes: Uint8Array, today: string): ValidRecord | null {
  const parsed = readRecordBytes(label, bytes).record;
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
  return readBlobs(top, blobs, versionOf(today, timelineOnly, digested));
}

/** How a content is read: as a whole valid record, or with `timelineOnly` as history keeps it (a digest for those in `digested`), or null. */
function versionOf(today: string, timelineOnly: boolean, digested: ReadonlySet<string>): (id: string, bytes: Uint8Array | null) => ValidRecord | null {
  return (id, bytes) => {
    const valid = bytes === null ? null : validRecord(id, bytes, today);
    return valid && timelineOnly ? timelineOf(valid, digested.has(id)) : valid;
  };
}

/**
 * Each tracked file's committed revisions, and each distinct content they
 * name as committedVersions reads it, from the few git processes of
 * readCommitted: each content is read and checked once, as the log first
 * names it. With `timelineOnly`, a content gets a digest when, as it is
 * read, it is the newest revision yet found of a file (the first of the
 * latest date, as newestCommitted orders them), the one the file as it is
 * now is compared with whole; git log lists the newest first, so that is
 * all but always settled by then, and a file whose newest valid revision
 * was read without a digest has it read again (gatherVersions).
 */
export function committedRecords(files: readonly string[], today: string, timelineOnly: boolean): Promise<Committed<ValidRecord | null>> {
  const newest = new Map<string, FileRevision>();
  const digested = new Set<string>();
  const noteNewest = (file: string, revision: FileRevision) => {
    if (revision.blob === null) return;
    const before = newest.get(file);
    if (before !== undefined && revision.date <= before.date) return;
    newest.set(file, revision);
    digested.add(revision.blob);
  };
  return readCommitted(files, versionOf(today, timelineOnly, digested), noteNewest);
}
