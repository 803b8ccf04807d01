import type { ChalkInstance } from 'chalk';
import { colorLevel, stylesFor } from '../render/color.js';
import { isRealDate, localToday } from '../record/dates.js';
import { UsageError } from './cli-error.js';

/** What every action needs to talk to the user: streams and their colour. */
export interface CliStreams {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Colours for stdout and stderr, each decided for its own stream. */
  out: ChalkInstance;
  err: ChalkInstance;
  /** Terminal width for wrapping; 100 when not a terminal. */
  width: number;
}

/** What an action gets: the streams, and the date it treats as today (`--today`, or the real date). */
export interface CliContext extends CliStreams {
  today: string;
}

export async function makeStreams(colorFlag: boolean | undefined): Promise<CliStreams> {
  const { stdout, stderr } = process;
  return {
    stdout,
    stderr,
    out: await stylesFor(colorLevel(stdout, colorFlag)),
    err: await stylesFor(colorLevel(stderr, colorFlag)),
    width: Math.max(60, Math.min(terminalColumns(stdout), 120)),
  };
}

/** The terminal's width; COLUMNS when set (as shells and `COLUMNS=80 ntk ...` do); 100 for pipes and files. */
function terminalColumns(stdout: NodeJS.WriteStream): number {
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stdout.isTTY ? (stdout.columns ?? 100) : 100;
}

/**
 * --today: a real date, or the user's local today. The one place a command's
 * today comes from (run-action.ts calls it for every command), so a date is
 * checked the same way and an impossible one is the same usage error everywhere.
 */
export function resolveToday(value: string | undefined): string {
  if (value === undefined) return localToday();
  if (!isRealDate(value)) throw new UsageError(`--today must be a real date written YYYY-MM-DD (got ${JSON.stringify(value)})`);
  return value;
}

/** --jobs: worker threads for a batch; undefined means one per core. */
export function resolveJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,2}$/.test(value)) throw new UsageError(`--jobs must be a whole number from 1 (got ${JSON.stringify(value)})`);
  return Number(value);
}
