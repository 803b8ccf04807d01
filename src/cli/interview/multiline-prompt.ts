import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useRef, useState, type Status } from '@inquirer/core';
import { terminalSafeLine } from '../../render/safe-text.js';
import { truncateToWidth } from '../../render/text-layout.js';

export interface MultilineConfig {
  message: string;
  /** How to end and skip, shown under the message. */
  hint: string;
  /** Shown once answered, instead of the whole message and its context. */
  doneMessage: string;
  /** Lines typed before an interruption, to carry on from. */
  lines?: string[];
  /** Returned when the answer is ended with nothing typed (edit and review keep what is there). */
  keep?: string;
  check: (text: string) => string | null;
  /** Called after every finished line, so even half an answer is saved. */
  onLine?: (lines: string[]) => void;
  theme?: { style?: { message?: (text: string, status: Status) => string } };
}

/**
 * Long text in any terminal: lines typed one after another, ending on an
 * empty line. One prompt takes every line, so text pasted in one go (Enter
 * keys and all) arrives whole - no editor needs to be set up.
 */
export default createPrompt<string | null, MultilineConfig>((config, done) => {
  const theme = makeTheme(config.theme ?? {});
  const [status, setStatus] = useState<Status>('idle');
  const [lines, setLines] = useState<string[]>(config.lines ?? []);
  const [current, setCurrent] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  // Keys can arrive faster than renders; refs always hold what was really typed.
  const typed = useRef<string[]>(config.lines ?? []);
  const line = useRef('');
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (!isEnterKey(key)) {
      line.current = rl.line;
      setCurrent(rl.line);
      return;
    }
    const finished = line.current.trimEnd();
    line.current = '';
    setCurrent('');
    if (finished.trim() !== '') {
      typed.current = [...typed.current, finished];
      setLines(typed.current);
      setError(undefined);
      config.onLine?.(typed.current);
      return;
    }
    const text = typed.current.join('\n').trim();
    if (text === '') {
      setStatus('done');
      done(config.keep ?? null);
      return;
    }
    const reason = config.check(text);
    if (reason !== null) {
      typed.current = [];
      setLines([]);
      setError(`${reason}; please type it again`);
      config.onLine?.([]);
      return;
    }
    setStatus('done');
    done(text);
  });

  if (status === 'done') {
    // Lines may come back from a draft file or a paste: record text, never terminal control.
    const text = terminalSafeLine(typed.current.join(' / '));
    const shown = text === '' ? (config.keep === undefined ? '' : '(kept)') : truncateToWidth(text, 60);
    return `${prefix} ${theme.style.message(config.doneMessage, 'done')} ${theme.style.answer(shown)}`;
  }
  const body = [`${prefix} ${theme.style.message(config.message, status)}`, theme.style.help(config.hint), ...lines.map((l) => `  ${terminalSafeLine(l)}`), `> ${terminalSafeLine(current)}`];
  return [body.join('\n'), error ? theme.style.error(error) : ''];
});
