import { buildHistories, type RecordVersion } from '../../analyse/history.js';
import { collectRecordFiles, displayPath } from '../../read/collect-files.js';
import { fileRevisions, isTracked, showPath } from '../../read/git.js';
import { readRecordBytes, readRecordFile } from '../../read/read-record.js';
import { plainStyle } from '../../render/plain-style.js';
import { renderFindingsPretty } from '../../render/findings-report.js';
import { renderHistoryCsv } from '../../render/history-csv.js';
import { renderHistoryMarkdown } from '../../render/history-markdown.js';
import { renderHistoryTerminal } from '../../render/history-terminal.js';
import { jsonSafe, terminalSafeLine } from '../../render/safe-text.js';
import { localToday } from '../../validate/dates.js';
import type { Finding } from '../../validate/finding.js';
import { validateParsedRecord } from '../../validate/validate-record.js';
import { EXIT, UsageError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { writeOutput } from '../write-output.js';

export interface HistoryOptions {
  format: 'terminal' | 'markdown' | 'csv' | 'json';
  child?: string;
  git?: boolean;
  output?: string;
  force?: boolean;
}

export async function runHistory(paths: string[], options: HistoryOptions, ctx: CliContext): Promise<number> {
  const files = await collectRecordFiles(paths);
  const { versions, findings } = await gatherVersions(files, options.git !== false, ctx);
  noteDuplicates(versions, ctx);
  const histories = buildHistories(versions).filter((h) => options.child === undefined || h.ref === options.child);
  if (findings.length > 0) ctx.stderr.write(renderFindingsPretty(findings, files.length, ctx.err));
  if (histories.length === 0) {
    if (findings.length > 0) return EXIT.findings;
    throw new UsageError(options.child !== undefined ? `no records of ${options.child} in ${paths.join(' ')}` : `no toolkit records in ${paths.join(' ')}`);
  }
  let text: string;
  if (options.format === 'json') text = `${jsonSafe({ children: histories })}\n`;
  else if (options.format === 'csv') text = renderHistoryCsv(histories);
  else if (options.format === 'markdown') text = renderHistoryMarkdown(histories);
  else text = renderHistoryTerminal(histories, options.output ? plainStyle : ctx.out, ctx.width);
  await writeOutput(text, options, files, ctx);
  return findings.length > 0 ? EXIT.findings : EXIT.ok;
}

/**
 * Every version of every record: each file as it is now (a record with
 * errors is reported as check reports it) and, for files git tracks, each
 * committed version with its author and date. An old commit that does not
 * hold a valid record is history, not the user's mistake today: it is noted
 * and left out of the timeline.
 */
export async function gatherVersions(files: readonly string[], useGit: boolean, ctx: CliContext): Promise<{ versions: RecordVersion[]; findings: Finding[] }> {
  const today = localToday();
  const versions: RecordVersion[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    const shown = displayPath(file);
    const read = await readRecordFile(file);
    const checked = read.record ? validateParsedRecord(shown, read.record, { today }) : null;
    const errors = checked ? checked.findings.filter((f) => f.severity === 'error') : read.findings.map((f) => ({ ...f, file: shown }));
    if (checked?.record && checked.template && errors.length === 0) {
      versions.push({ record: checked.record, template: checked.template, source: { file: shown, commit: null, author: null, date: null, subject: null } });
    } else {
      findings.push(...errors);
    }
    if (!useGit || !(await isTracked(file))) continue;
    for (const rev of await fileRevisions(file)) {
      const bytes = await showPath(file, rev.commit, rev.path);
      const label = `${rev.commit.slice(0, 7)}:${rev.path}`;
      const old = bytes ? readRecordBytes(label, bytes) : null;
      const oldChecked = old?.record ? validateParsedRecord(label, old.record, { today }) : null;
      if (oldChecked?.record && oldChecked.template && !oldChecked.findings.some((f) => f.severity === 'error')) {
        versions.push({ record: oldChecked.record, template: oldChecked.template, source: { file: shown, commit: rev.commit, author: rev.author, date: rev.date, subject: rev.subject } });
      } else {
        ctx.stderr.write(`${ctx.err.dim('note:')} ${terminalSafeLine(label)} (${terminalSafeLine(rev.author)}, ${rev.date}) is not a valid record; left out of the history\n`);
      }
    }
  }
  return { versions, findings };
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
