import { availableParallelism } from 'node:os';
import { eachHistory, newestCommitted, sharedTimeline, type ChildHistory, type RecordVersion } from '../../analyse/history.js';
import { committedRecords, committedVersions, timelineOf, validRecord, type ValidRecord } from '../../batch/committed-versions.js';
import type { FileResult } from '../../batch/check-one.js';
import { collectRecordFiles, displayPath } from '../../read/collect-files.js';
import { repositoryTop, type FileRevision } from '../../read/git.js';
import { readRecordFile } from '../../read/read-record.js';
import { readSmallFile } from '../../read/small-file.js';
import type { HistoryFormat, HistoryWords } from '../../render/history-formats.js';
import { viewFormats, type FormatOf } from '../../render/view-formats.js';
import { terminalSafeLine } from '../../render/safe-text.js';
import type { Finding } from '../../record/finding.js';
import { childTemplates, decisionLabeller, findTemplate } from '../../template/load-template.js';
import { validateParsedRecord } from '../../validate/validate-record.js';
import { EXIT, UsageError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { mediumStyle, writeOutputPieces } from '../write-output.js';

export interface HistoryOptions {
  format: FormatOf<'history'>;
  child?: string;
  git?: boolean;
  output?: string;
  force?: boolean;
}

export async function runHistory(paths: string[], options: HistoryOptions, ctx: CliContext): Promise<number> {
  const files = await collectRecordFiles(paths);
  // The format's renderer loads while the versions are read, in the time git leaves: they are needed only to word each child.
  const formatting = viewFormats.history[options.format]({ style: mediumStyle(options, ctx), width: ctx.width });
  // Awaited only once the versions are in; a failure to load is still thrown there, not reported before as unhandled.
  formatting.catch(() => undefined);
  const { versions, findings } = await gatherVersions(files, { useGit: options.git !== false, timelineOnly: true }, ctx);
  noteDuplicates(versions, ctx);
  // A child's timeline is built from the versions of that child alone: the others can go first.
  const shown = options.child === undefined ? versions : versions.filter((v) => v.record.child.ref === options.child);
  // Loaded only when there are findings to word, as the batch checker is only for files with no git history (timelinesOfLoneFiles).
  if (findings.length > 0) ctx.stderr.write((await import('../../render/findings-report.js')).renderFindingsPretty(findings, files.length, ctx.err));
  if (shown.length === 0) {
    if (findings.length > 0) return EXIT.findings;
    throw new UsageError(options.child !== undefined ? `no records of ${options.child} in ${paths.join(' ')}` : `no toolkit records in ${paths.join(' ')}`);
  }
  const words = { decisionLabel: decisionLabeller(versions.map((v) => v.template)), templateOf: childTemplates(versions) };
  await writeOutputPieces(historyPieces(await formatting, eachHistory(shown), words), options, files, ctx);
  return findings.length > 0 ? EXIT.findings : EXIT.ok;
}

function* historyPieces(format: HistoryFormat, histories: Iterable<ChildHistory>, words: HistoryWords): Generator<string> {
  yield format.begin;
  let first = true;
  for (const h of histories) {
    if (!first) yield format.between;
    first = false;
    yield format.child(h, words);
  }
  yield format.end;
}

/**
 * Every version of every record: each file as it is now (a record with
 * errors is reported as check reports it) and, for files git tracks, each
 * committed version with its author and date. An old commit that does not
 * hold a valid record is history, not the user's mistake today: it is noted
 * and left out of the timeline. Git is read in a few processes for all the
 * files, and each distinct content is read and checked once however many
 * commits and files hold it. With `timelineOnly`, each version keeps only
 * what the history timeline shows and what its changes compare (a
 * caseload's worth of whole records, or a repository's worth of commits,
 * would not fit in memory), and files with no other version are checked
 * over every core; compare and chronology read more of each record, so
 * they keep it whole.
 */
export async function gatherVersions(files: readonly string[], how: { useGit: boolean; timelineOnly: boolean }, ctx: CliContext): Promise<{ versions: RecordVersion[]; findings: Finding[] }> {
  const { useGit } = how;
  const { today } = ctx;
  const versions: RecordVersion[] = [];
  const findings: Finding[] = [];
  const { revisions, contents } = useGit ? await committedRecords(files, today, how.timelineOnly) : { revisions: new Map<string, FileRevision[]>(), contents: new Map<string, ValidRecord | null>() };
  const keep = how.timelineOnly ? timelineOf : (valid: ValidRecord) => valid;
  const alone = how.timelineOnly ? await timelinesOfLoneFiles(files, revisions, today) : new Map<string, FileResult>();
  // Versions whose digest the file as it is now needs and that were read without one (see below).
  const undigested: { file: string; version: RecordVersion; blob: string }[] = [];
  for (const file of files) {
    const shown = displayPath(file);
    const first = versions.length;
    const checked = alone.get(file);
    if (checked) {
      if (checked.timeline) versions.push({ record: checked.timeline, template: findTemplate(checked.timeline.template)!, source: { file: shown, commit: null, author: null, date: null, subject: null } });
      else findings.push(...checked.findings.map((f) => ({ ...f, file: shown })));
      continue;
    }
    // The fast reader for the usual valid file; anything else is read again for check's own messages.
    const bytes = readSmallFile(file);
    const valid = bytes ? validRecord(shown, bytes, today) : null;
    const committed = revisions.get(file) ?? [];
    if (valid) {
      versions.push({ ...keep(valid), source: { file: shown, commit: null, author: null, date: null, subject: null } });
    } else {
      const read = await readRecordFile(file);
      const checked = read.record ? validateParsedRecord(shown, read.record, { today }) : null;
      const errors = checked ? checked.findings.filter((f) => f.severity === 'error') : read.findings.map((f) => ({ ...f, file: shown }));
      if (checked?.record && checked.template && errors.length === 0) {
        versions.push({ ...keep({ record: checked.record, template: checked.template }), source: { file: shown, commit: null, author: null, date: null, subject: null } });
      } else {
        findings.push(...errors);
      }
    }
    const blobOf = new Map<RecordVersion, string>();
    for (const rev of committed) {
      const valid = rev.blob === null ? null : contents.get(rev.blob);
      if (valid) {
        const version = { ...valid, source: { file: shown, commit: rev.commit, author: rev.author, date: rev.date, subject: rev.subject } };
        versions.push(version);
        blobOf.set(version, rev.blob!);
      } else {
        const label = `${rev.commit.slice(0, 7)}:${rev.path}`;
        ctx.stderr.write(`${ctx.err.dim('note:')} ${terminalSafeLine(label)} (${terminalSafeLine(rev.author)}, ${rev.date}) is not a valid record; left out of the history\n`);
      }
    }
    const mine = versions.slice(first);
    const before = mine[0]?.source.commit === null ? newestCommitted(mine) : undefined;
    if (before?.facts && before.facts.digest === undefined) undigested.push({ file, version: before, blob: blobOf.get(before)! });
  }
  await digestOlder(undigested, today);
  return { versions, findings };
}

/**
 * Each file's newest commit is read with its digest (committedRecords); when
 * that commit does not hold a valid record, the file is compared with an
 * older one, which is read again for its digest (rare: one git process for
 * all of them).
 */
async function digestOlder(undigested: readonly { file: string; version: RecordVersion; blob: string }[], today: string): Promise<void> {
  const byTop = new Map<string, typeof undigested[number][]>();
  for (const u of undigested) {
    const top = await repositoryTop(u.file);
    byTop.set(top, [...(byTop.get(top) ?? []), u]);
  }
  for (const [top, list] of byTop) {
    const blobs = new Set(list.map((u) => u.blob));
    const read = await committedVersions(top, [...blobs], today, true, blobs);
    for (const u of list) {
      const facts = read.get(u.blob)?.facts;
      if (facts) u.version.facts = facts;
    }
  }
}

/**
 * Files with no committed version, checked over every core as `ntk check`
 * checks them: each worker sends back only what the timeline shows of a
 * valid record, or the errors of an invalid one, and a timeline's pieces
 * are shared with the others' as it arrives (sharedTimeline), so 50,000
 * records cost neither one core's time nor their texts' memory.
 */
async function timelinesOfLoneFiles(files: readonly string[], revisions: ReadonlyMap<string, FileRevision[]>, today: string): Promise<Map<string, FileResult>> {
  const lone = files.filter((file) => (revisions.get(file)?.length ?? 0) === 0);
  const kept = new Map<string, FileResult>();
  if (lone.length === 0) return kept;
  const { checkEachInPool } = await import('../../batch/check-pool.js');
  await checkEachInPool(lone, { today, facts: false, timeline: true, jobs: availableParallelism() }, (index, result) => {
    kept.set(lone[index]!, result.timeline ? { ...result, timeline: sharedTimeline(result.timeline) } : result);
  });
  return kept;
}

/** Two files for one child and date break the batch rule `ntk check` enforces; history shows one and says which. */
function noteDuplicates(versions: readonly RecordVersion[], ctx: CliContext): void {
  const seen = new Map<string, string>();
  for (const v of versions) {
    if (v.source.commit !== null) continue;
    const key = `${v.record.child.ref} ${v.record.assessment.completed}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, v.source.file);
    else ctx.stderr.write(`${ctx.err.yellow('note:')} ${terminalSafeLine(first)} and ${terminalSafeLine(v.source.file)} are both the toolkit of ${terminalSafeLine(key)}; the history shows ${terminalSafeLine(first)}\n`);
  }
}
