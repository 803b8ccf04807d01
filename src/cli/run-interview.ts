import { answeredQuestions, changeAnswer, partOf, stepBack, withStart } from '../interview/change-answers.js';
import type { Answer, Draft } from '../interview/draft.js';
import { saveDraft } from '../interview/draft-file.js';
import { applyAnswer, nextQuestion, type WalkEnv } from '../interview/interview-walk.js';
import { promptsRaised } from '../interview/practice-prompts.js';
import type { Question } from '../interview/question.js';
import { partsStillToAsk, settleWithoutTerminal } from '../interview/settle.js';
import { terminalSafeLine } from '../render/safe-text.js';
import { UsageError } from './cli-error.js';
import type { CliContext } from './context.js';
import { BACK, type Prompter } from '../interview/ask-question.js';
import { finishInterview, type FinishOptions } from './finish-interview.js';

export interface InterviewRun {
  env: WalkEnv;
  draftPath: string;
  /** The command that continues this draft, for the message after an interruption. */
  resumeCommand: string;
  /** A terminal to ask on; without one nothing missing may be asked. */
  prompter: Prompter | null;
  ctx: CliContext;
  /** The draft is one a practitioner began (--resume): only they can finish it, never the fallbacks. */
  resumed?: boolean;
}

export type InterviewOutcome = { done: true; draft: Draft } | { done: false };

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Saves drafts one after another, the newest winning: a paste or fast
 * typing asks for many saves while one is under way, and only the last of
 * them needs writing.
 */
function draftSaver(path: string): { save: (draft: Draft) => Promise<void>; settled: () => Promise<void> } {
  let writing: Promise<void> = Promise.resolve();
  let waiting: Draft | null = null;
  const save = (draft: Draft): Promise<void> => {
    const queued = waiting !== null;
    waiting = draft;
    if (!queued) {
      writing = writing.then(() => {
        const next = waiting;
        waiting = null;
        return next ? saveDraft(path, next) : undefined;
      });
    }
    return writing;
  };
  return { save, settled: () => writing };
}

/**
 * Asks every question the draft still needs, saving the draft after each
 * answer (and each change to a long one), then shows the check screen from
 * which any answer can be changed before anything is written. Esc steps back
 * a question. Ctrl-C, a kill or a closed terminal waits for the save in
 * progress, says where the draft is and exits 130.
 */
export async function runInterview(start: Draft, run: InterviewRun): Promise<InterviewOutcome> {
  if (!run.prompter) {
    if (run.resumed && nextQuestion(start, run.env)) {
      // Fallbacks stand in for what an answers file leaves out, never for what a practitioner has not reached yet.
      throw new UsageError(
        `the interview saved at ${run.draftPath} is not finished and there is no terminal to ask on; still to answer: ${partsStillToAsk(start, run.env).join(', ')}; continue it at a terminal with: ${run.resumeCommand}`,
      );
    }
    const { draft, missing } = settleWithoutTerminal(start, run.env);
    if (missing.length > 0) {
      throw new UsageError(`no terminal to ask on, and the answers leave these out or give values that cannot be used: ${missing.join(', ')}; give them with --answers FILE`);
    }
    return { done: true, draft };
  }
  const prompter = run.prompter;
  const saver = draftSaver(run.draftPath);
  const interrupted = (): void => sayDraftSaved(run);
  const onSignal = (): void => {
    void saver.settled().finally(() => {
      try {
        interrupted();
      } finally {
        process.exit(130);
      }
    });
  };
  for (const s of signals) process.on(s, onSignal);
  // A resumed draft has its start already (or, saved by an older ntk, none: then it cannot step back).
  let draft = run.resumed ? start : withStart(start);
  try {
    await saver.save(draft);
    for (;;) {
      const question = nextQuestion(draft, run.env);
      if (!question) {
        const checked = await checkScreen(draft, run.env, prompter);
        if (checked === 'save') return { done: true, draft };
        draft = checked;
      } else if (draft.later && Object.hasOwn(draft.later, question.id)) {
        // Given before an earlier answer was changed, and still asked for: kept as it was.
        draft = applyAnswer(draft, question, draft.later[question.id] ?? null);
      } else {
        draft = await askOne(draft, question, run, prompter, saver.save);
      }
      await saver.save(draft);
    }
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    await saver.settled();
    interrupted();
    return { done: false };
  } finally {
    for (const s of signals) process.off(s, onSignal);
  }
}

/** One question: its answer, any practice prompt the answer raises, or a step back. */
async function askOne(draft: Draft, question: Question, run: InterviewRun, prompter: Prompter, save: (d: Draft) => Promise<void>): Promise<Draft> {
  const current = draft;
  const typed = current.partial?.id === question.id ? current.partial.lines.join('\n') : undefined;
  const before = current.undone && Object.hasOwn(current.undone, question.id) ? current.undone[question.id] : undefined;
  const answer = await prompter.ask(question, {
    ...(typed !== undefined ? { typed } : {}),
    ...(before !== undefined ? { before } : {}),
    onText: (text) => void save({ ...current, partial: { id: question.id, lines: text.split('\n') } }),
  });
  if (answer === BACK) {
    const back = stepBack(current, run.env);
    if (!back) prompter.say(['This is the first question: there is none before it.']);
    return back ?? current;
  }
  const next = applyAnswer(current, question, answer);
  const raised = promptsRaised(current, next, run.env);
  if (raised.length > 0) prompter.say(raised.map((p) => `Practice prompt: ${p}`));
  return next;
}

/**
 * Every answer, part by part, before anything is written: "save", or the
 * draft with an answer changed (the walk then asks whatever that change
 * newly needs, and comes back here).
 */
async function checkScreen(draft: Draft, env: WalkEnv, prompter: Prompter): Promise<Draft | 'save'> {
  const answered = answeredQuestions(draft, env);
  const parts = new Map<string, Question[]>();
  for (const q of answered) {
    const part = partOf(q, env, draft.household);
    parts.set(part, [...(parts.get(part) ?? []), q]);
  }
  for (;;) {
    const where = await prompter.choose('Every question is answered. Check the answers before the record is written:', [
      { value: '+save', name: draft.records.length > 1 ? `Save the ${draft.records.length} records` : 'Save the record' },
      ...[...parts].map(([part, qs]) => ({ value: part, name: `Change: ${part} (${qs.length} answer${qs.length === 1 ? '' : 's'})` })),
    ]);
    if (where === '+save') return 'save';
    if (where === BACK) return stepBack(draft, env) ?? draft;
    const questions = parts.get(where) ?? [];
    const which = await prompter.choose(`${where}: which answer?`, questions.map((q) => ({ value: q.id, name: `${shortMessage(q)}: ${answerText(q, draft.answers[q.id] ?? null)}` })));
    const question = questions.find((q) => q.id === which);
    if (which === BACK || !question) continue;
    const answer = await prompter.ask(question, { before: draft.answers[question.id] ?? null });
    if (answer === BACK) continue;
    return changeAnswer(draft, question.id, answer, env);
  }
}

function shortMessage(q: Question): string {
  const one = terminalSafeLine(q.message).replace(/[:?]$/, '');
  return one.length > 50 ? `${one.slice(0, 47)}...` : one;
}

function answerText(q: Question, answer: Answer): string {
  if (answer === null || answer === '') return '(none)';
  if (typeof answer === 'boolean') return answer ? 'yes' : 'no';
  const text = q.choices?.find((c) => c.value === answer)?.name ?? answer;
  const one = terminalSafeLine(text);
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
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
