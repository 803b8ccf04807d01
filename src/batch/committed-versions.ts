import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { timelineRecord, versionFacts, type RecordVersion } from '../analyse/history.js';
import { parseRecordBytesFast } from '../read/fast-yaml.js';
import { readBlobs } from '../read/git.js';
import { readRecordBytes } from '../read/read-record.js';
import { findTemplate } from '../template/load-template.js';
import { validateParsedRecord } from '../validate/validate-record.js';

export type ValidRecord = Pick<RecordVersion, 'record' | 'template' | 'facts'>;

/** A valid record kept as history keeps it, as it crosses from a worker thread: its template by id. */
type KeptVersion = Pick<RecordVersion, 'record' | 'facts'>;

/** The record in `bytes` when it is valid (errors only are looked for: nothing else is shown of a revision), else null. */
export function validRecord(label: string, bytes: Uint8Array, today: string): ValidRecord | null {
  const parsed = parseRecordBytesFast(bytes) ?? readRecordBytes(label, bytes).record;
  const checked = parsed ? validateParsedRecord(label, parsed, { today, errorsOnly: true }) : null;
  return checked?.record && checked.template && !checked.findings.some((f) => f.severity === 'error') ? { record: checked.record, template: checked.template } : null;
}

/** What history keeps of a valid record: its timeline and the facts its changes compare. */
export function timelineOf({ record, template }: ValidRecord): ValidRecord {
  return { record: timelineRecord(record), template, facts: versionFacts(record) };
}

/** What history keeps of the record in `bytes` (a worker thread's answer), or null when it is not a valid record. */
export function keptVersion(label: string, bytes: Uint8Array, today: string): KeptVersion | null {
  const valid = validRecord(label, bytes, today);
  if (!valid) return null;
  const { record, facts } = timelineOf(valid);
  return { record, facts };
}

/** Below this many distinct contents, a worker thread's start costs more than it saves. */
const MIN_BLOBS_FOR_WORKER = 200;
const CHUNK = 16;

/**
 * Every distinct content `blobs` names in the repository at `top`, from one
 * `git cat-file --batch`, each read and checked once: as a whole valid
 * record, or with `timelineOnly` as history keeps it, or null when it is not
 * a valid record. History's contents are shared with a worker thread as they
 * stream in: the worker takes chunks while this thread reads the rest, so a
 * repository's thousands of versions are checked on two cores.
 */
export async function committedVersions(top: string, blobs: readonly string[], today: string, timelineOnly: boolean): Promise<Map<string, ValidRecord | null>> {
  const out = new Map<string, ValidRecord | null>();
  const here = (id: string, bytes: Uint8Array) => {
    const valid = validRecord(id, bytes, today);
    out.set(id, valid && timelineOnly ? timelineOf(valid) : valid);
  };
  if (!timelineOnly || blobs.length < MIN_BLOBS_FOR_WORKER || availableParallelism() < 2) {
    await readBlobs(top, blobs, (id, bytes) => (bytes === null ? out.set(id, null) : here(id, bytes)));
    return out;
  }
  const worker = new Worker(new URL('./version-worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 48 } });
  const sent = new Map<number, string[]>();
  let chunk: { ids: string[]; bytes: Uint8Array[] } = { ids: [], bytes: [] };
  let next = 0;
  let settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
  let failure: Error | null = null;
  const finished = () => {
    if (settle && (failure || sent.size === 0)) {
      if (failure) settle.reject(failure);
      else settle.resolve();
    }
  };
  worker.on('message', (reply: { id: number; kept: (KeptVersion | null)[] }) => {
    const ids = sent.get(reply.id)!;
    sent.delete(reply.id);
    reply.kept.forEach((kept, i) => out.set(ids[i]!, kept && { ...kept, template: findTemplate(kept.record.template)! }));
    finished();
  });
  worker.on('error', (error) => {
    failure ??= error;
    finished();
  });
  const post = () => {
    if (chunk.ids.length === 0) return;
    sent.set(next, chunk.ids);
    worker.postMessage({ id: next++, blobs: chunk.bytes, today }, chunk.bytes.map((b) => b.buffer as ArrayBuffer));
    chunk = { ids: [], bytes: [] };
  };
  try {
    await readBlobs(top, blobs, (id, bytes) => {
      if (bytes === null) return out.set(id, null);
      // Two chunks in flight keep the worker busy; the rest is checked here meanwhile.
      if (sent.size >= 2) return here(id, bytes);
      // A copy: the view is into git's output, read on as soon as this returns.
      chunk.ids.push(id);
      chunk.bytes.push(new Uint8Array(bytes));
      if (chunk.ids.length === CHUNK) post();
    });
    post();
    await new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
      finished();
    });
  } finally {
    await worker.terminate();
  }
  return out;
}
