import type { Command } from 'commander';
import type { CliContext } from './context.js';

/** The options runAction reads itself; every command's own are passed through to its action. */
interface SharedOptions {
  color?: boolean;
  today?: string;
}

/**
 * Runs one command's action and turns whatever happens into an exit code and
 * a one-line message. Bad input never reaches the user as a stack trace;
 * NTK_DEBUG=1 shows one for developers. What explains an error is loaded
 * only when there is one, so that defining the commands (all `ntk --help`
 * needs) stays light.
 */
export async function runAction(options: SharedOptions, body: (ctx: CliContext) => Promise<number>): Promise<void> {
  const { makeStreams, resolveToday } = await import('./context.js');
  const streams = await makeStreams(options.color);
  try {
    const today = resolveToday(options.today);
    (await import('./repository-defaults.js')).applyRepositoryTemplates();
    process.exitCode = await body({ ...streams, today });
  } catch (error) {
    const { reportError } = await import('./report-error.js');
    process.exitCode = reportError(error, streams);
  }
}

/**
 * A command's action as commander calls it - the command's arguments, its
 * options, the command - that loads the code doing the work only when the
 * command runs, and calls it with the arguments, the options and the context.
 */
export function lazyAction<Args extends unknown[], Options>(
  load: () => Promise<(...args: [...Args, Options, CliContext]) => Promise<number>>,
): (...args: [...Args, Options & SharedOptions, Command]) => Promise<void> {
  return async (...args) => {
    const run = await load();
    const given = args.slice(0, -2) as Args;
    const options = args.at(-2) as Options & SharedOptions;
    await runAction(options, (ctx) => run(...given, options, ctx));
  };
}
