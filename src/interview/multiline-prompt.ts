import { createPrompt, isBackspaceKey, isEnterKey, makeTheme, useEffect, useKeypress, usePrefix, useRef, useState, type Status } from '@inquirer/core';
import { terminalSafeLine } from '../render/safe-text.js';
import { truncateToWidth } from '../render/text-layout.js';

export interface MultilineConfig {
  message: string;
  /** How to end, skip and open an editor, shown under the message. */
  hint: string;
  /** Shown once answered, instead of the whole message and its context. */
  doneMessage: string;
  /** Text typed before (an interruption, a step back, an editor), to carry on from. */
  text?: string;
  /** Returned when the answer is ended with nothing typed (edit and review keep what is there). */
  keep?: string;
  /** Ctrl-E hands the text to $VISUAL / $EDITOR. */
  editor: boolean;
  check: (text: string) => string | null;
  /** Called after every change, so even half a line is saved. */
  onChange?: (text: string) => void;
  theme?: { style?: { message?: (text: string, status: Status) => string } };
}

/** The answer, or the text to open in the editor. */
export type MultilineResult = { text: string | null } | { edit: string };

/** Bracketed paste (xterm, and every terminal since): a paste arrives between two markers, Enter keys and all. */
const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';

/** Finished lines shown above the one being typed. */
const SHOWN_LINES = 8;

interface RawKey {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
  sequence?: string;
}

/** A finished answer: what was typed or pasted, less the blank lines around it. */
export function answerText(raw: string): string {
  return raw.replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, '');
}

/**
 * Long text in any terminal. Enter starts a new line and never ends the
 * answer; Ctrl-D does, a key no paste holds. A paste of any size and shape
 * (blank lines, indentation, Windows line ends) is taken whole, so nothing
 * after its first empty line can be lost. The text is kept here rather than
 * in readline's one-line buffer, which a paste would cut at every line end.
 */
export default createPrompt<MultilineResult, MultilineConfig>((config, done) => {
  const theme = makeTheme(config.theme ?? {});
  const [status, setStatus] = useState<Status>('idle');
  const [shown, setShown] = useState(config.text ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  // Keys arrive faster than renders; refs always hold what was really typed.
  const text = useRef(config.text ?? '');
  const pasting = useRef(false);
  const afterReturn = useRef(false);
  const prefix = usePrefix({ status, theme });

  useEffect((rl) => {
    const output = rl.output as unknown as { unmute?: () => void; mute?: () => void; write: (s: string) => void };
    const say = (s: string) => {
      output.unmute?.();
      output.write(s);
      output.mute?.();
    };
    // readline closes itself on Ctrl-D at an empty line; here Ctrl-D is the end of an answer, so
    // readline is shown a non-empty line just before it sees that key.
    const guard = (_: unknown, key: RawKey | undefined) => {
      if (key?.ctrl && key.name === 'd') {
        rl.line = ' ';
        (rl as unknown as { cursor: number }).cursor = 1;
      }
    };
    rl.input.prependListener('keypress', guard);
    say(PASTE_ON);
    return () => {
      rl.input.removeListener('keypress', guard);
      say(PASTE_OFF);
    };
  }, []);

  useKeypress((event, rl) => {
    if (status !== 'idle') return;
    const key = event as RawKey;
    const change = (next: string) => {
      text.current = next;
      // A paste is shown and saved once, when it has all arrived, not once per character.
      if (pasting.current) return;
      setShown(next);
      setError(undefined);
      config.onChange?.(next);
    };
    const wasReturn = afterReturn.current;
    afterReturn.current = key.name === 'return';
    if (key.name === 'paste-start') pasting.current = true;
    else if (key.name === 'paste-end') {
      pasting.current = false;
      change(text.current);
    }
    else if (key.ctrl && key.name === 'd') {
      const answer = answerText(text.current);
      if (answer === '') {
        setStatus('done');
        done({ text: config.keep ?? null });
      } else {
        const reason = config.check(answer);
        if (reason !== null) setError(`${reason}; change it and press Ctrl-D again`);
        else {
          setStatus('done');
          done({ text: answer });
        }
      }
    } else if (key.ctrl && key.name === 'e' && config.editor && !pasting.current) {
      setStatus('done');
      done({ edit: text.current });
    } else if (isEnterKey(event)) {
      // A pasted Windows line end is \r\n: one new line, not two.
      if (!(key.name === 'enter' && wasReturn)) change(`${text.current}\n`);
    } else if (isBackspaceKey(event)) {
      change([...text.current].slice(0, -1).join(''));
    } else if (key.ctrl && key.name === 'u' && !pasting.current) {
      change(text.current.slice(0, text.current.lastIndexOf('\n') + 1));
    } else if (key.name === 'tab') {
      change(`${text.current}\t`);
    } else if (!key.ctrl && !key.meta && key.sequence !== undefined && !/[\u0000-\u001f\u007f]/.test(key.sequence)) {
      change(text.current + key.sequence);
    }
    // The screen shows the text from these refs; readline's own line follows its last line so the cursor sits at its end.
    const last = terminalSafeLine(text.current.slice(text.current.lastIndexOf('\n') + 1));
    rl.line = last;
    (rl as unknown as { cursor: number }).cursor = last.length;
  });

  if (status === 'done') {
    // Text may come back from a draft file or a paste: record text, never terminal control.
    const answer = terminalSafeLine(
      answerText(text.current)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .join(' / '),
    );
    const summary = answer === '' ? (config.keep === undefined ? '' : '(kept)') : truncateToWidth(answer, 60);
    return `${prefix} ${theme.style.message(config.doneMessage, 'done')} ${theme.style.answer(summary)}`;
  }
  const lines = shown.split('\n');
  // The last lines only, so the question stays on a small screen however long the answer grows.
  const above = Math.max(0, lines.length - 1 - SHOWN_LINES);
  const body = [
    `${prefix} ${theme.style.message(config.message, status)}`,
    theme.style.help(config.hint),
    ...(above > 0 ? [theme.style.help(`  (${above} more line${above === 1 ? '' : 's'} above)`)] : []),
    ...lines.slice(above, -1).map((l) => `  ${terminalSafeLine(l)}`),
    `> ${terminalSafeLine(lines.at(-1) ?? '')}`,
  ];
  return [body.join('\n'), error ? theme.style.error(error) : ''];
});
