import type { Command } from 'commander';
import { runAction } from '../run-action.js';

export function defineRedact(program: Command): void {
  program
    .command('redact')
    .summary('write pseudonymised copies of records, for training')
    .description(
      'Write pseudonymised copies of records into a new folder, for training packs: names (from the\n' +
        'name fields, and wherever those names appear in the text), child references and households are\n' +
        'replaced consistently across all the files of one run; dates of birth are coarsened to the year;\n' +
        'e-mail addresses, UK phone numbers, postcodes and street addresses in the text are removed.\n' +
        'The input is never changed. A name that appears only in free text, never in a name field, cannot\n' +
        'be recognised: read the copies before you share them.',
    )
    .argument('<paths...>', 'files, folders or globs')
    .requiredOption('--out <dir>', 'folder for the copies (created if needed; never inside an input folder)')
    .option('--force', 'replace copies already in --out')
    .option('--no-color', 'plain output without colour')
    .addHelpText('after', '\nExamples:\n  $ ntk redact fixtures/mary-jo --out training/case-a\n  $ ntk redact records/MJ-01-*.yaml --out pack --force')
    .action(async (paths: string[], opts) => {
      const { runRedact } = await import('../actions/redact.js');
      await runAction(opts, (ctx) => runRedact(paths, opts, ctx));
    });
}
