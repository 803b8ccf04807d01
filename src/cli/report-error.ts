import { FileExistsError } from '../io/atomic-write.js';
import { MissingPathError } from '../read/collect-files.js';
import { terminalSafeLine } from '../render/safe-text.js';
import { TemplateError } from '../template/load-template.js';
import { InvalidRecordError } from './load-valid-record.js';
import { EXIT, UsageError } from './cli-error.js';
import type { CliContext } from './context.js';

/** The one-line message and exit code for an error that ended a command. */
export function reportError(error: unknown, ctx: Pick<CliContext, 'stderr' | 'err'>): number {
  const say = (message: string) => ctx.stderr.write(`${ctx.err.red('ntk:')} ${terminalSafeLine(message)}\n`);
  if (process.env.NTK_DEBUG && error instanceof Error) ctx.stderr.write(`${error.stack ?? ''}\n`);
  if (error instanceof UsageError || error instanceof MissingPathError || error instanceof FileExistsError) {
    say(error.message);
    return EXIT.usage;
  }
  // Its diagnostics are already printed, as `ntk check` prints them.
  if (error instanceof InvalidRecordError) return EXIT.findings;
  if (error instanceof TemplateError) {
    say(error.message);
    return EXIT.usage;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'ENOENT' || code === 'EISDIR' || code === 'ENOSPC' || code === 'EROFS') {
    say(`${(error as Error).message}`);
    return EXIT.usage;
  }
  say(`unexpected problem: ${error instanceof Error ? error.message : String(error)} (run with NTK_DEBUG=1 for details and please report it)`);
  return EXIT.findings;
}
