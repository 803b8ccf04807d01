import type { ChalkInstance } from 'chalk';
import { plainStyle } from './plain-style.js';

export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * Decides colour ourselves: chalk 5 ignores NO_COLOR, and output that is
 * piped, saved or read by a screen reader must carry no escape codes.
 * Order: --no-color, NO_COLOR, FORCE_COLOR, TERM=dumb, then whether the stream is a terminal.
 */
export function colorLevel(stream: { isTTY?: boolean }, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): ColorLevel {
  if (flag === false) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (env.TERM === 'dumb') return 0;
  if (!stream.isTTY) return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (/-256(color)?$/i.test(env.TERM ?? '')) return 2;
  return 1;
}

/** Styles for a colour level: chalk is loaded only when there is colour to show. */
export async function stylesFor(level: ColorLevel): Promise<ChalkInstance> {
  if (level === 0) return plainStyle;
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}
