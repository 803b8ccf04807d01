import { createPrompt, isDownKey, isEnterKey, isUpKey, makeTheme, useKeypress, usePrefix, useState, type Status } from '@inquirer/core';
import type { Choice } from './question.js';

export interface ScoreConfig {
  message: string;
  /** Shown once answered, instead of the message and its descriptors. */
  doneMessage: string;
  choices: Choice[];
  /** A choice the practitioner made before (edit, a step back); nothing is picked otherwise. */
  default?: string;
  /** The descriptor of each choice, shown under the list for the one the cursor is on. */
  details?: Record<string, string>;
  theme?: { style?: { message?: (text: string, status: Status) => string } };
}

/**
 * A list of scores that opens on none: Enter alone picks nothing, so no
 * score is ever recorded that the practitioner did not choose. A digit
 * key moves to the score with that number, wherever it is in the list.
 */
export default createPrompt<string, ScoreConfig>((config, done) => {
  const theme = makeTheme(config.theme ?? {});
  const { choices } = config;
  const [status, setStatus] = useState<Status>('idle');
  const [active, setActive] = useState(choices.findIndex((c) => c.value === config.default));
  const [error, setError] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const chosen = choices[active];
      if (chosen) {
        setStatus('done');
        done(chosen.value);
      } else setError('nothing is chosen yet: press the score\'s number, or move to a choice with the arrow keys');
      return;
    }
    setError(undefined);
    if (isUpKey(key)) setActive(active <= 0 ? choices.length - 1 : active - 1);
    else if (isDownKey(key)) setActive(active === -1 || active === choices.length - 1 ? 0 : active + 1);
    else {
      // A digit is the score with that number; a letter the first other choice it begins (u: unchanged, n: not assessed).
      const byNumber = choices.findIndex((c) => c.value === key.name);
      const byLetter = /^[a-z]$/.test(key.name) ? choices.findIndex((c) => !/^\d/.test(c.name) && c.name.toLowerCase().startsWith(key.name)) : -1;
      if (byNumber !== -1) setActive(byNumber);
      else if (byLetter !== -1) setActive(byLetter);
    }
    // The typed digit is a choice, not text to keep.
    rl.clearLine(0);
  });

  const chosen = choices[active];
  if (status === 'done') return `${prefix} ${theme.style.message(config.doneMessage, 'done')} ${theme.style.answer(chosen?.name ?? '')}`;
  const list = choices.map((c, i) => (i === active ? theme.style.highlight(`❯ ${c.name}`) : `  ${c.name}`));
  const detail = chosen ? config.details?.[chosen.value] : undefined;
  const help = theme.style.help(chosen ? '↑↓, a number or a letter to change, Enter to choose' : 'No score is chosen: press its number (or ↑↓, or a first letter), then Enter');
  return [
    [`${prefix} ${theme.style.message(config.message, status)}`, ...list, help].join('\n'),
    [detail ? theme.style.help(detail) : '', error ? theme.style.error(error) : ''].filter((l) => l !== '').join('\n'),
  ];
});
