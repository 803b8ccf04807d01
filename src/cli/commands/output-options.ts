import type { Command } from 'commander';

/**
 * The options every command that writes a page or a table shares, in the
 * order its help lists them: where the output goes, whether it may replace a
 * file, and colour. Defined once so they read the same in every command.
 */
export function withOutputOptions(command: Command): Command {
  return command
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--force', 'replace --output if it exists')
    .option('--no-color', 'plain output without colour');
}
