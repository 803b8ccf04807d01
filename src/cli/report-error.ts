import { FileBusyError, FileChangedError, FileExistsError } from '../io/atomic-write.js';
import { OutputIsInputError } from '../io/output-not-input.js';
import { MissingPathError } from '../read/collect-files.js';
import { terminalSafeLine } from '../render/safe-text.js';
import { TemplateError } from '../template/load-template.js';
import { InvalidRecordError } from './load-valid-record.js';
import { EXIT, isIoError, UsageError } from './cli-error.js';
import type { CliContext } from './context.js';

/** The one-line message and exit code for an error that ended a command. */
export function reportError(error: unknown, ctx: Pick<CliContext, 'stderr' | 'err'>): number {
  const say = (message: string) => ctx.stderr.write(`${ctx.err.red('ntk:')} ${terminalSafeLine(message)}\n`);
  if (process.env.NTK_DEBUG && error instanceof Error) ctx.stderr.write(`${error.stack ?? ''}\n`);
  if (error instanceof UsageError || error instanceof MissingPathError || error instanceof FileExistsError || error instanceof OutputIsInputError) {
    say(error.message);
    return EXIT.usage;
  }
  // Its diagnostics are already printed, as `ntk check` prints them.
  if (error instanceof InvalidRecordError) return EXIT.findings;
  if (error instanceof TemplateError) {
    say(error.message);
    return EXIT.usage;
  }
  // Nothing was written: someone else's change to the file is kept, and the same command can be run again.
  if (error instanceof FileChangedError || error instanceof FileBusyError) {
    say(error.message);
    return EXIT.io;
  }
  if (isIoError(error)) {
    // True of every write (atomic, cleaned up); a command writing several files may have finished some before.
    say(`${(error as Error).message} (no file was left half-written)`);
    return EXIT.io;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' || code === 'ENAMETOOLONG' || code === 'ELOOP') {
    say(`${(error as Error).message}`);
    return EXIT.usage;
  }
  say(`unexpected problem: ${error instanceof Error ? error.message : String(error)} (run with NTK_DEBUG=1 for details and please report it)`);
  return EXIT.findings;
}
