import { input } from '@inquirer/prompts';
import { unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { buildSummarySheet } from '../analyse/summary-sheet.js';
import { FileExistsError, writeFileAtomic } from '../io/atomic-write.js';
import { isSameFile, refuseOutputsOverInputs } from '../io/output-not-input.js';
import type { Draft } from '../interview/draft.js';
import { removeDraft } from '../interview/draft-file.js';
import type { WalkEnv } from '../interview/interview-walk.js';
import type { PlainRecord } from '../record/plain-data.js';
import { finishedRecord, recordText } from '../interview/finished-record.js';
import { readRecordBytes } from '../read/read-record.js';
import { renderSummaryTerminal } from '../render/summary-terminal.js';
import { terminalSafeLine } from '../render/safe-text.js';
import { validOrReport, type RecordOnDisk } from './load-valid-record.js';
import type { CliContext } from './context.js';
import { exists } from './interview-setup.js';

export interface FinishOptions {
  env: WalkEnv;
  ctx: CliContext;
  draftPath: string;
  force: boolean;
  /** A terminal: show the summary sheet, and ask for another name instead of failing on an existing file. */
  interactive: boolean;
  /** edit: turns the finished record into the file's new text (keeping the untouched parts byte for byte). */
  textFor?: (record: PlainRecord, file: string) => string;
  /** Files the command read (answers file, draft): a record is never written over one of them. */
  inputs: readonly string[];
  /**
   * edit (and review --force onto its own source): the records rewritten in
   * place, as they were read. Each is replaced only if nobody changed it since.
   */
  inPlace?: readonly { file: string; onDisk: RecordOnDisk }[];
}

/**
 * Where a new or review record goes: the chosen file (the first child's, in a
 * household review), or `<ref>-<completed>.yaml` in the chosen folder.
 */
export function recordPath(draft: Draft, record: PlainRecord, index: number): string {
  if (draft.outFile && index === 0) return draft.outFile;
  const child = record.child as { ref?: unknown } | undefined;
  const assessment = record.assessment as { completed?: unknown } | undefined;
  return join(draft.out ?? '.', `${String(child?.ref)}-${String(assessment?.completed)}.yaml`);
}

/**
 * Turns a finished draft into files: every record is checked exactly as
 * `ntk check` would check it before any is written, each is written
 * atomically, never over an existing file without --force, and only then is
 * the draft removed. A household's records are written together or not at
 * all: if one cannot be written, those this call created are removed again
 * (the draft stays). Returns the files written.
 */
export async function finishInterview(draft: Draft, options: FinishOptions): Promise<string[]> {
  const { ctx, env } = options;
  const checked = (record: PlainRecord, target: string) => {
    const text = options.textFor ? options.textFor(record, target) : recordText(record, target);
    const read = readRecordBytes(target, new TextEncoder().encode(text));
    return { text, valid: validOrReport(target, read.record, read.findings, ctx, env.today) };
  };
  const planned = draft.records.map((_, i) => {
    const record = finishedRecord(draft, i, env.template);
    const file = recordPath(draft, record, i);
    return { record, file, ...checked(record, file) };
  });
  const written: string[] = [];
  const created: string[] = [];
  try {
    for (const plan of planned) {
      let { file: target, text, valid } = plan;
      for (;;) {
        try {
          await refuseOutputsOverInputs([target], options.inputs);
          const unchangedSince = await inPlaceFingerprint(target, options.inPlace ?? []);
          const isNew = !(await exists(target));
          await writeFileAtomic(target, text, { overwrite: options.force || unchangedSince !== undefined, mode: 0o600, ...(unchangedSince !== undefined ? { unchangedSince } : {}) });
          if (isNew) created.push(target);
        } catch (error) {
          if (!(error instanceof FileExistsError) || !options.interactive) throw error;
          target = await anotherName(target);
          ({ text, valid } = checked(plan.record, target));
          continue;
        }
        written.push(target);
        if (options.interactive) {
          const sheet = buildSummarySheet(valid.record, valid.template, valid.findings);
          ctx.stdout.write(`\n${renderSummaryTerminal(sheet, ctx.out, { width: ctx.width })}\n`);
        }
        ctx.stderr.write(`${terminalSafeLine(`wrote ${target}`)}\n`);
        break;
      }
    }
  } catch (error) {
    await Promise.all(created.map((file) => unlink(file).catch(() => undefined)));
    if (created.length > 0) ctx.stderr.write(`${terminalSafeLine(`removed ${created.join(', ')} again: the records of one interview are written together or not at all`)}\n`);
    throw error;
  }
  await removeDraft(options.draftPath);
  return written;
}

/** The fingerprint a rewrite of one of the records read must still match, when the target is one of them. */
async function inPlaceFingerprint(target: string, inPlace: readonly { file: string; onDisk: RecordOnDisk }[]): Promise<string | undefined> {
  for (const { file, onDisk } of inPlace) if (await isSameFile(target, file)) return onDisk.fingerprint;
  return undefined;
}

async function anotherName(file: string): Promise<string> {
  const suggestion = join(dirname(file), basename(file).replace(/\.ya?ml$/i, '-2.yaml'));
  const name = await input({
    message: `${terminalSafeLine(file)} already exists and is never replaced without --force. Save as:`,
    default: suggestion,
    validate: (v) => (v.trim() === '' ? 'a file name is needed' : /\.ya?ml$/i.test(v.trim()) ? true : 'the name ends in .yaml'),
  });
  return name.trim();
}
