import { Command, CommanderError } from 'commander';
import { terminalSafe } from '../render/safe-text.js';
import { EXIT } from './cli-error.js';
import { defineCheck } from './commands/define-check.js';
import { defineChronology } from './commands/define-chronology.js';
import { defineCompare } from './commands/define-compare.js';
import { defineCompletion } from './commands/define-completion.js';
import { defineDiff } from './commands/define-diff.js';
import { defineDiffTextconv } from './commands/define-diff-textconv.js';
import { defineExample } from './commands/define-example.js';
import { defineHistory } from './commands/define-history.js';
import { defineInit } from './commands/define-init.js';
import { defineMergeDriver } from './commands/define-merge-driver.js';
import { defineEdit } from './commands/define-edit.js';
import { defineNew } from './commands/define-new.js';
import { defineReport } from './commands/define-report.js';
import { defineRedact } from './commands/define-redact.js';
import { defineReview } from './commands/define-review.js';
import { defineSchema } from './commands/define-schema.js';
import { defineSummary } from './commands/define-summary.js';
import { defineTemplate } from './commands/define-template.js';

/**
 * The command table, by name, in the order `ntk --help` lists it. Each
 * command's definition is light; its action imports the code that does the
 * work only when it runs, so `ntk --help` and `ntk --version` start fast.
 */
const commandTable: Readonly<Record<string, (program: Command) => void>> = {
  new: defineNew,
  edit: defineEdit,
  review: defineReview,
  check: defineCheck,
  report: defineReport,
  summary: defineSummary,
  diff: defineDiff,
  history: defineHistory,
  compare: defineCompare,
  chronology: defineChronology,
  example: defineExample,
  redact: defineRedact,
  template: defineTemplate,
  schema: defineSchema,
  init: defineInit,
  completion: defineCompletion,
  'diff-textconv': defineDiffTextconv,
  'merge-driver': defineMergeDriver,
};

/**
 * The program with the commands named in `only` (all of them when it is not
 * given): its description, version, help and error handling are the same
 * whichever commands it holds.
 */
export function buildProgram(version: string, only: readonly string[] = Object.keys(commandTable)): Command {
  const program = new Command('ntk');
  program
    .description('The Nottinghamshire and Nottingham City neglect toolkit on the command line: one YAML record per child, checked, summarised and compared over time.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    // Usage errors exit 2 (cli.md), not commander's default 1.
    .exitOverride()
    // Commander quotes the user's arguments back; a pasted escape sequence must not reach the terminal.
    .configureOutput({ outputError: (str, write) => write(terminalSafe(str.replace(/^error:/, 'ntk:'))) })
    .addHelpText(
      'after',
      '\nExit codes: 0 success, 1 findings or an invalid record, 2 usage error, 3 a file could not be read or written (disk full, permission denied, changed by someone else meanwhile), 130 interrupted.\n\nRun `ntk <command> --help` for a command\'s options and examples.',
    );
  for (const name of only) commandTable[name]!(program);
  return program;
}

/**
 * The commands a run needs defined. Once commander has seen a command's name
 * first on the command line, it parses, reports errors and shows help
 * (`ntk check --help`) from that command and the program's own options alone,
 * so the other seventeen are left undefined: defining them cost about 2.5 ms
 * of CPU at every start. Everything else needs the whole table: no command or
 * an option first (`ntk --help`, `ntk --no-color check`), `ntk help X`, a
 * name that is not a command (commander suggests the nearest), and
 * `completion`, whose script lists every command.
 */
export function commandsFor(args: readonly string[]): readonly string[] | undefined {
  const [first] = args;
  return first !== undefined && first !== 'completion' && Object.hasOwn(commandTable, first) ? [first] : undefined;
}

/**
 * `ntk ... | head` closes the pipe early; that is the reader's choice, not an
 * error, so stop quietly instead of dying with an EPIPE stack trace.
 */
function stopQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    // Any other failure to write (a full disk behind a redirect) is an I/O failure: exit 3, not a stack trace.
    stream.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : EXIT.io));
  }
}

export async function main(argv: string[], version: string): Promise<void> {
  stopQuietlyOnClosedPipe();
  const program = buildProgram(version, commandsFor(argv.slice(2)));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for (`--help`, `ntk help`) is a success; help shown because no command was given is a usage error.
      const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || (error.code === 'commander.help' && error.exitCode === 0);
      process.exitCode = ok ? EXIT.ok : EXIT.usage;
      return;
    }
    throw error;
  }
}
