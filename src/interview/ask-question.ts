import { editor, input, select } from '@inquirer/prompts';
import type { ChalkInstance } from 'chalk';
import type { Answer } from './draft.js';
import type { Choice, Question } from './question.js';
import { terminalSafe, terminalSafeLine } from '../render/safe-text.js';
import { wrapText } from '../render/text-layout.js';
import { dayMonthYear, isIsoDateShape, longDate } from '../record/dates.js';
import multiline from './multiline-prompt.js';
import scorePrompt from './score-prompt.js';

/** The practitioner pressed Esc: back to the question before. */
export const BACK = Symbol('back');
export type Asked = Answer | typeof BACK;

export interface AskOptions {
  /** Long text typed before an interruption, to carry on from. */
  typed?: string;
  /** The answer given before (a step back, a change from the check screen), offered again. */
  before?: Answer;
  /** Every change to a long answer, so half a line survives a kill. */
  onText?: (text: string) => void;
}

/** Asks one question and returns the answer; the interview loop does everything else. */
export interface Prompter {
  ask(question: Question, options: AskOptions): Promise<Asked>;
  /** A choice that is no question of the record (the check screen before writing). */
  choose(message: string, choices: Choice[]): Promise<string | typeof BACK>;
  /** Practice prompts, shown between questions; they inform, never decide. */
  say(lines: string[]): void;
}

export interface Screen {
  width: number;
  /** Rows of the terminal: descriptors are shortened to keep the question on it. */
  rows: number;
  /** Where practice prompts are written. */
  write: (text: string) => void;
  /** The editor Ctrl-E opens long answers in ($VISUAL, then $EDITOR); none when neither is set. */
  editor?: string;
}

/**
 * Runs one prompt with Esc as "go back": the key aborts the prompt, which
 * then answers BACK instead of a value.
 */
async function withBack<T>(run: (context: { signal: AbortSignal }) => Promise<T>): Promise<T | typeof BACK> {
  const controller = new AbortController();
  const onKey = (_: unknown, key: { name?: string } | undefined) => {
    if (key?.name === 'escape') controller.abort();
  };
  process.stdin.on('keypress', onKey);
  try {
    return await run({ signal: controller.signal });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortPromptError') return BACK;
    throw error;
  } finally {
    process.stdin.off('keypress', onKey);
  }
}

const yes = /^(y|yes)$/i;
const no = /^(n|no)$/i;

/**
 * Questions as @inquirer/prompts and ntk's own: score lists that open on no
 * score, one-line inputs that check the answer and say why before asking
 * again, y/n that takes nothing else, dates in the ways people write them,
 * and long text ended by Ctrl-D (multiline-prompt.ts).
 */
export function inquirerPrompter(c: ChalkInstance, screen: Screen): Prompter {
  // Room for the prompt's own "? " and a margin.
  const room = screen.width - 4;
  const wrap = (line: string) => wrapText(terminalSafe(line), room, line.startsWith('  ') ? '    ' : '');
  const header = (q: Question, extra: string[] = []): string => {
    const lines = [...q.context.map((line) => c.dim(wrap(line))), ...extra];
    if (q.givenProblem) lines.push(c.yellow(`The answers file gave a value that cannot be used: ${terminalSafeLine(q.givenProblem)}`));
    lines.push(`${terminalSafe(q.message)} ${c.dim('(Esc: back)')}`);
    return lines.join('\n');
  };
  // Once answered, only the question and the answer stay on screen, not the descriptors read before it.
  const theme = (q: Question) => ({ style: { message: (text: string, status: string) => (status === 'done' ? c.bold(terminalSafe(q.message)) : c.bold(text)) } });

  /** Each descriptor whole when they all fit on the screen with the list; otherwise shortened, the chosen one whole under the list. */
  const descriptors = (q: Question): { lines: string[]; details?: Record<string, string> } => {
    const all = q.details ?? {};
    const full = Object.values(all).map((d) => c.dim(wrap(`  ${d}`)));
    const fixed = q.context.reduce((n, l) => n + wrap(l).split('\n').length, 0) + (q.choices?.length ?? 0) + 6;
    const needed = full.reduce((n, l) => n + l.split('\n').length, 0);
    if (fixed + needed <= screen.rows) return { lines: full };
    const each = Math.max(1, Math.floor((screen.rows - fixed - 3) / Math.max(1, full.length)));
    const short = Object.values(all).map((d) => {
      const lines = wrap(`  ${d}`).split('\n');
      return c.dim(lines.length > each ? `${lines.slice(0, each).join('\n').slice(0, -1)}…` : lines.join('\n'));
    });
    const details = Object.fromEntries(Object.entries(all).map(([k, d]) => [k, wrap(d)]));
    return { lines: short, details };
  };

  const askLong = async (q: Question, options: AskOptions): Promise<Asked> => {
    let text = options.typed ?? (typeof options.before === 'string' ? options.before : '');
    for (;;) {
      const ends = q.keep !== undefined ? 'Ctrl-D: done (nothing typed keeps the text shown)' : 'Ctrl-D: done (nothing typed leaves it empty)';
      const result = await withBack((context) =>
        multiline(
          {
            message: header(q),
            hint: `(Enter: new line; pasting keeps everything; ${ends}${screen.editor ? '; Ctrl-E: your editor' : ''})`,
            doneMessage: terminalSafe(q.message),
            text,
            ...(q.keep !== undefined ? { keep: q.keep } : {}),
            editor: screen.editor !== undefined,
            check: q.check,
            ...(options.onText ? { onChange: options.onText } : {}),
          },
          context,
        ),
      );
      if (result === BACK) return BACK;
      if ('text' in result) return result.text;
      // Back from the editor, the text is shown again to be ended (or changed) here.
      text = (await editor({ message: terminalSafe(q.message), default: result.edit, waitForUserInput: false, file: { postfix: '.txt', mode: 0o600 } })).replace(/\r\n?/g, '\n');
      options.onText?.(text);
    }
  };

  const askLine = async (q: Question, before: Answer | undefined): Promise<Asked> => {
    const shown = typeof before === 'string' ? before : typeof q.default === 'string' ? q.default : undefined;
    for (let suggestion = shown; ; suggestion = undefined) {
      const raw = await withBack((context) =>
        input(
          {
            message: header(q),
            theme: theme(q),
            ...(suggestion !== undefined ? { default: terminalSafeLine(suggestion) } : {}),
            validate: (typed) => {
              const v = typed.trim();
              if (v === '') return q.required ? 'this is needed' : true;
              return q.check(q.kind === 'date' ? asIsoDate(v) : v) ?? true;
            },
          },
          context,
        ),
      );
      if (raw === BACK) return BACK;
      const value = raw.trim();
      if (value === '') return null;
      if (q.kind !== 'date' || isIsoDateShape(value)) return value;
      // Another way of writing a date is read as day/month/year, and said back in words before it is kept.
      const iso = asIsoDate(value);
      const sure = await askYesNo(`${terminalSafeLine(value)} = ${longDate(iso)} (${iso})?`, true);
      if (sure === BACK) return BACK;
      if (sure) return iso;
    }
  };

  const askYesNo = (message: string, fallback: boolean, theming?: ReturnType<typeof theme>): Promise<boolean | typeof BACK> =>
    withBack((context) =>
      input(
        {
          message: `${message} ${c.dim(fallback ? '(Y/n)' : '(y/N)')}`,
          ...(theming ? { theme: theming } : {}),
          validate: (typed) => (typed.trim() === '' || yes.test(typed.trim()) || no.test(typed.trim()) ? true : `answer y or n (Enter alone: ${fallback ? 'yes' : 'no'})`),
          transformer: (typed, { isFinal }) => (isFinal ? (typed.trim() === '' ? (fallback ? 'yes' : 'no') : yes.test(typed.trim()) ? 'yes' : 'no') : typed),
        },
        context,
      ),
    ).then((typed) => (typed === BACK ? BACK : typed.trim() === '' ? fallback : yes.test(typed.trim())));

  return {
    async ask(q, options) {
      switch (q.kind) {
        case 'score': {
          const { lines, details } = descriptors(q);
          const chosen = typeof options.before === 'string' ? options.before : typeof q.default === 'string' ? q.default : undefined;
          const choices = (q.choices ?? []).map((ch) => ({ value: ch.value, name: terminalSafeLine(ch.name) }));
          const value = await withBack((context) =>
            scorePrompt(
              {
                message: header(q, lines),
                doneMessage: terminalSafe(q.message),
                choices,
                ...(chosen !== undefined ? { default: chosen } : {}),
                ...(details ? { details } : {}),
                theme: theme(q),
              },
              context,
            ),
          );
          return value === '' ? null : value;
        }
        case 'select': {
          const choices = (q.choices ?? []).map((ch) => ({ value: ch.value, name: terminalSafeLine(ch.name) }));
          const chosen = options.before !== undefined ? (options.before ?? '') : q.default;
          const value = await withBack((context) =>
            select({ message: header(q), choices, theme: theme(q), pageSize: Math.max(7, choices.length), ...(chosen !== undefined ? { default: chosen } : {}) }, context),
          );
          return value === '' ? null : value;
        }
        case 'confirm': {
          const fallback = typeof options.before === 'boolean' ? options.before : q.default === true;
          return askYesNo(header(q), fallback, theme(q));
        }
        case 'text':
        case 'date':
          return askLine(q, options.before);
        case 'long':
          return askLong(q, options);
      }
    },
    async choose(message, choices) {
      return withBack((context) => select({ message, choices: choices.map((ch) => ({ value: ch.value, name: terminalSafeLine(ch.name) })), pageSize: Math.min(choices.length, Math.max(7, screen.rows - 4)) }, context));
    },
    say(lines) {
      // One line each, wrapped by the terminal: a prompt is read whole, not laid out.
      screen.write(`${lines.map((l) => c.yellow(`! ${terminalSafeLine(l)}`)).join('\n')}\n`);
    },
  };
}

/** The date as the record keeps it: ISO as typed, or read the British way. */
function asIsoDate(value: string): string {
  return isIsoDateShape(value) ? value : (dayMonthYear(value) ?? value);
}
