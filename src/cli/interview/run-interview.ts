import type { Draft } from '../../interview/draft.js';
import { saveDraft } from '../../interview/draft-file.js';
import { applyAnswer, nextQuestion, type WalkEnv } from '../../interview/interview-walk.js';
import { settleWithoutTerminal } from '../../interview/settle.js';
import { terminalSafeLine } from '../../render/safe-text.js';
import { UsageError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import type { Prompter } from './ask-question.js';
import { finishInterview, type FinishOptions } from './finish-interview.js';

export interface InterviewRun {
  env: WalkEnv;
  draftPath: string;
  /** The command that continues this draft, for the message after an interruption. */
  resumeCommand: string;
  /** A terminal to ask on; without one nothing missing may be asked. */
  prompter: Prompter | null;
  ctx: CliContext;
}

export type InterviewOutcome = { done: true; draft: Draft } | { done: false };

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Asks every question the draft still needs, saving the draft after each
 * answer (and each line of a long one). Ctrl-C, a kill or a closed terminal
 * waits for the save in progress, says where the draft is and exits 130.
 */
export async function runInterview(start: Draft, run: InterviewRun): Promise<InterviewOutcome> {
  if (!run.prompter) {
    const { draft, missing } = settleWithoutTerminal(start, run.env);
    if (missing.length > 0) {
      throw new UsageError(`no terminal to ask on, and the answers leave these out or give values that cannot be used: ${missing.join(', ')}; give them with --answers FILE`);
    }
    return { done: true, draft };
  }
  const prompter = run.prompter;
  let saving: Promise<void> = Promise.resolve();
  const save = (draft: Draft): Promise<void> => {
    saving = saving.then(() => saveDraft(run.draftPath, draft));
    return saving;
  };
  const interrupted = (): void => sayDraftSaved(run);
  const onSignal = (): void => {
    void saving.finally(() => {
      try {
        interrupted();
      } finally {
        process.exit(130);
      }
    });
  };
  for (const s of signals) process.on(s, onSignal);
  let draft = start;
  try {
    await save(draft);
    for (let question = nextQuestion(draft, run.env); question; question = nextQuestion(draft, run.env)) {
      const current: Draft = draft;
      const typed = current.partial?.id === question.id ? current.partial.lines : [];
      const id = question.id;
      const answer = await prompter.ask(question, typed, (lines) => void save({ ...current, partial: { id, lines } }));
      draft = applyAnswer(draft, question, answer);
      await save(draft);
    }
    return { done: true, draft };
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    await saving;
    interrupted();
    return { done: false };
  } finally {
    for (const s of signals) process.off(s, onSignal);
  }
}

/** Ctrl-C (or a closed input) in an @inquirer prompt. */
function isPromptExit(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}

function sayDraftSaved(run: Pick<InterviewRun, 'ctx' | 'draftPath' | 'resumeCommand'>): void {
  run.ctx.stderr.write(`\n${terminalSafeLine(`draft saved at ${run.draftPath}; resume with: ${run.resumeCommand}`)}\n`);
}

/**
 * The whole of an interview command: the questions, then the files. Returns
 * the files written, or null when the practitioner stopped it (the draft
 * stays, even when they stop at the very end, e.g. while choosing a name).
 */
export async function interviewToFiles(start: Draft, run: InterviewRun, finish: Pick<FinishOptions, 'force' | 'textFor' | 'inputs' | 'inPlace'>): Promise<string[] | null> {
  const outcome = await runInterview(start, run);
  if (!outcome.done) return null;
  try {
    return await finishInterview(outcome.draft, { ...finish, env: run.env, ctx: run.ctx, draftPath: run.draftPath, interactive: run.prompter !== null });
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    sayDraftSaved(run);
    return null;
  }
}
