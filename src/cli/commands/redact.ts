import type { Command } from 'commander';
import { runAction } from '../run-action.js';

export function defineRedact(program: Command): void {
  program
    .command('redact')
    .summary('write pseudonymised copies of records, for training')
    .description(
      'Write pseudonymised copies of records into a new folder, for training packs. ' +
        'Names (from the name fields, and wherever those names appear in the text), ' +
        'child references and households are replaced consistently across all the ' +
        'files of one run; dates of birth keep only the year (as 1 July); e-mail ' +
        'addresses, UK phone numbers, postcodes and street addresses in the text are ' +
        'removed. The input is never changed.\n\n' +
        'A name that appears only in free text, never in a name field, cannot be ' +
        'recognised: read the copies before you share them.',
    )
    .argument('<paths...>', 'files, folders or globs')
    .requiredOption('--out <dir>', 'folder for the copies (created if needed; never inside an input folder)')
    .option('--force', 'replace copies already in --out')
    .option('--no-color', 'plain output without colour')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ntk redact fixtures/mary-jo --out training/case-a\n  $ ntk redact "records/MJ-01-*.yaml" --out pack --force\n\n' +
        'Exit codes: 0 copies written, 1 a record was not valid (not copied), 2 usage error\n' +
        '(--out inside an input, or copies already there without --force), 3 a copy could not be written.',
    )
    .action(async (paths: string[], opts) => {
      const { runRedact } = await import('../actions/redact.js');
      await runAction(opts, (ctx) => runRedact(paths, opts, ctx));
    });
}
