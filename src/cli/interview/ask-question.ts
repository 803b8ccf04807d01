import { confirm, input, select } from '@inquirer/prompts';
import type { ChalkInstance } from 'chalk';
import type { Answer } from '../../interview/draft.js';
import type { Question } from '../../interview/question.js';
import { terminalSafe, terminalSafeLine } from '../../render/safe-text.js';
import { wrapText } from '../../render/text-layout.js';
import multiline from './multiline-prompt.js';

/** Asks one question and returns the answer; the interview loop does everything else. */
export interface Prompter {
  ask(question: Question, typedSoFar: string[], onLine: (lines: string[]) => void): Promise<Answer>;
}

/**
 * Questions as @inquirer/prompts: lists for choices, one-line inputs that
 * check the answer and say why before asking again, and long text as lines
 * typed one after another, ending on an empty line (multiline-prompt.ts).
 */
export function inquirerPrompter(c: ChalkInstance, width: number): Prompter {
  // Room for the prompt's own "? " and a margin.
  const room = width - 4;
  const header = (q: Question): string => {
    const lines = q.context.map((line) => c.dim(wrapText(terminalSafe(line), room, line.startsWith('  ') ? '    ' : '')));
    if (q.givenProblem) lines.push(c.yellow(`The answers file gave a value that cannot be used: ${terminalSafeLine(q.givenProblem)}`));
    lines.push(terminalSafe(q.message));
    return lines.join('\n');
  };
  // Once answered, only the question and the answer stay on screen, not the descriptors read before it.
  const theme = (q: Question) => ({ style: { message: (text: string, status: string) => (status === 'done' ? c.bold(terminalSafe(q.message)) : c.bold(text)) } });
  return {
    async ask(q, typedSoFar, onLine) {
      const message = header(q);
      switch (q.kind) {
        case 'select': {
          const choices = (q.choices ?? []).map((ch) => ({ value: ch.value, name: terminalSafeLine(ch.name) }));
          const value = await select({ message, choices, theme: theme(q), pageSize: Math.max(7, choices.length), ...(q.default !== undefined ? { default: q.default } : {}) });
          return value === '' ? null : value;
        }
        case 'confirm':
          return confirm({ message, default: q.default === true, theme: theme(q) });
        case 'text':
        case 'date': {
          const value = await input({
            message,
            theme: theme(q),
            ...(typeof q.default === 'string' ? { default: terminalSafeLine(q.default) } : {}),
            validate: (raw) => {
              const v = raw.trim();
              if (v === '') return q.required ? 'this is needed' : true;
              return q.check(v) ?? true;
            },
          });
          return value.trim() === '' ? null : value.trim();
        }
        case 'long':
          return multiline({
            message,
            hint: q.keep !== undefined ? '(type lines; an empty line ends; an empty first line keeps the text shown)' : '(type lines; an empty line ends; leave it empty to skip)',
            doneMessage: terminalSafe(q.message),
            lines: typedSoFar,
            ...(q.keep !== undefined ? { keep: q.keep } : {}),
            check: q.check,
            onLine,
          });
      }
    },
  };
}
