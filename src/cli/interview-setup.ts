import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AnswersFileError, readAnswersFile } from '../interview/answers-file.js';
import { DraftError, loadDraft } from '../interview/draft-file.js';
import type { Draft, InterviewCommand } from '../interview/draft.js';
import type { PlainRecord } from '../record/plain-data.js';
import { defaultTemplate, findTemplate, type TemplateIndex } from '../template/load-template.js';
import { UsageError } from './cli-error.js';
import type { CliContext } from './context.js';
import { inquirerPrompter, type Prompter } from '../interview/ask-question.js';

/** Questions need a person at a terminal: both ends of it, so answers can be typed and prompts seen. */
export function terminalPrompter(ctx: CliContext): Prompter | null {
  if (!process.stdin.isTTY || !ctx.stdout.isTTY) return null;
  const editor = process.env.VISUAL || process.env.EDITOR;
  return inquirerPrompter(ctx.out, {
    width: ctx.width,
    rows: process.stdout.rows || 24,
    write: (text) => ctx.stdout.write(text),
    ...(editor ? { editor } : {}),
  });
}

export async function answersFrom(file: string | undefined): Promise<PlainRecord[] | undefined> {
  if (file === undefined) return undefined;
  try {
    return await readAnswersFile(file);
  } catch (error) {
    if (error instanceof AnswersFileError) throw new UsageError(error.message);
    throw error;
  }
}

/** The command line that continues a draft. */
export function resumeCommandFor(draft: Pick<Draft, 'command' | 'source'>, draftPath: string): string {
  return draft.command === 'new' ? `ntk new --resume ${draftPath}` : `ntk ${draft.command} ${draft.source ?? 'FILE'} --resume`;
}

/**
 * Where a resumed draft may write. A draft is data a person can edit (or be
 * sent): the paths come from the command line and the draft's own location,
 * and a draft naming anything else is refused rather than obeyed.
 */
export interface AllowedPaths {
  /** edit, review: the FILE named on the command line. */
  source?: string;
  /** The folder(s) new records may go to; null when they go to one named file. */
  out: string | null | readonly string[];
  /** The one file named on the command line (edit's FILE, review's --out). */
  outFile?: string;
}

export async function resumeDraft(path: string, command: InterviewCommand, allowed: AllowedPaths): Promise<Draft> {
  let draft: Draft;
  try {
    draft = await loadDraft(path);
  } catch (error) {
    if (error instanceof DraftError) throw new UsageError(error.message);
    throw error;
  }
  if (draft.command !== command) throw new UsageError(`${path} is a draft of \`ntk ${draft.command}\`; continue it with: ${resumeCommandFor(draft, path)}`);
  refuseForeignPaths(draft, path, allowed);
  return draft;
}

function refuseForeignPaths(draft: Draft, path: string, allowed: AllowedPaths): void {
  const same = (a: unknown, b: string | undefined): boolean => typeof a === 'string' && b !== undefined && resolve(a) === resolve(b);
  const refuse = (what: string, named: unknown, expected: string): never => {
    throw new UsageError(`${path} names ${what} ${JSON.stringify(named)}, but ${expected}; a draft never chooses where files are written, so it was not used (resume with the command line that started it, or delete the draft)`);
  };
  if (allowed.source !== undefined && !same(draft.source, allowed.source)) refuse('the record', draft.source, `this command is about ${allowed.source}`);
  const folders = allowed.out === null ? [] : typeof allowed.out === 'string' ? [allowed.out] : allowed.out;
  if (allowed.out === null ? draft.out !== null && draft.out !== undefined : !folders.some((f) => same(draft.out, f))) {
    refuse('the output folder', draft.out, folders.length > 0 ? `this command writes to ${folders.join(' or ')}` : 'this command writes to one named file');
  }
  if (draft.outFile !== undefined && !same(draft.outFile, allowed.outFile)) {
    refuse('the output file', draft.outFile, allowed.outFile !== undefined ? `this command writes to ${allowed.outFile}` : `no output file was given (add --out ${draft.outFile} if that is where it should go)`);
  }
}

/** A new interview never starts over an unfinished one with answers in it: they would be lost. */
export async function refuseWaitingDraft(path: string, resume: string): Promise<void> {
  if (!(await exists(path))) return;
  const waiting = await loadDraft(path).catch(() => null);
  if (waiting && Object.keys(waiting.answers).length === 0 && !waiting.partial) return;
  throw new UsageError(`an unfinished interview is saved at ${path}; continue it with: ${resume} (or delete the draft to start again)`);
}

export async function requireFolder(path: string, flag: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`${flag} ${path}: no such folder`);
}

export async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

export function templateFor(id: unknown): TemplateIndex {
  if (id === undefined) return defaultTemplate();
  const found = typeof id === 'string' ? findTemplate(id) : undefined;
  if (!found) throw new UsageError(`there is no template ${JSON.stringify(id)} (set NTK_TEMPLATE_PATH to a folder holding it)`);
  return found;
}
