import type { CliContext } from './context.js';

/**
 * Runs one command's action and turns whatever happens into an exit code and
 * a one-line message. Bad input never reaches the user as a stack trace;
 * NTK_DEBUG=1 shows one for developers. What explains an error is loaded
 * only when there is one, so that defining the commands (all `ntk --help`
 * needs) stays light.
 */
export async function runAction(options: { color?: boolean }, body: (ctx: CliContext) => Promise<number>): Promise<void> {
  const { makeContext } = await import('./context.js');
  const ctx = await makeContext(options.color);
  try {
    (await import('./repository-defaults.js')).applyRepositoryTemplates();
    process.exitCode = await body(ctx);
  } catch (error) {
    const { reportError } = await import('./report-error.js');
    process.exitCode = reportError(error, ctx);
  }
}
