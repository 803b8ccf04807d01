import { Option, type Command } from 'commander';

/**
 * `--format`: its choices are the keys of the view's format table
 * (src/render/*-formats.ts), so the command accepts exactly the formats
 * there are renderers for.
 */
export function formatOption(formats: object): Option {
  return new Option('--format <format>', 'output format').choices(Object.keys(formats)).default('terminal');
}

/** `--no-color`; a command whose output is never coloured says so in `description`. */
export function noColorOption(description = 'plain output without colour'): Option {
  return new Option('--no-color', description);
}

/**
 * The options every command that writes a page or a table shares, in the
 * order its help lists them: where the output goes, whether it may replace a
 * file, and colour. Defined once so they read the same in every command.
 */
export function withOutputOptions(command: Command): Command {
  return command
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--force', 'replace --output if it exists')
    .addOption(noColorOption());
}
