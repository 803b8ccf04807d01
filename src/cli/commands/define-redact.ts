import type { Command } from 'commander';
import { lazyAction } from '../run-action.js';
import { noColorOption } from './output-options.js';
import { todayOption } from './today-option.js';

export function defineRedact(program: Command): void {
  program
    .command('redact')
    .summary('write pseudonymised copies of records, for training')
    .description(
      'Write pseudonymised copies of records into a new folder, for training packs. ' +
        'Names (from the name fields, and every form of them in the text: any case, ' +
        'accents, apostrophes, parts of hyphenated names, possessives, nicknames), ' +
        'names nobody listed (a known first or family name written with a capital, ' +
        'or any name after a title or kinship word such as Mrs, Dr, Nurse, PC, Auntie, Nan), ' +
        'child references, households and contributor ids made of a name are replaced ' +
        'consistently across all the files of one run; dates of birth keep only the year ' +
        '(as 1 July) and are removed from the text in any common form; e-mail addresses, ' +
        'UK phone and NHS numbers, postcodes, street addresses, named houses and school ' +
        'names are removed. The input is never changed.\n\n' +
        'What it was not sure of (a capitalised word it does not know, a long number, a ' +
        'street named with ordinary words) it leaves and prints as a review list: check ' +
        'those words before you share the copies. --strict refuses to write copies while ' +
        'anything is on the list.',
    )
    .argument('<paths...>', 'files, folders or globs')
    .requiredOption('--out <dir>', 'folder for the copies (created if needed; never inside an input folder)')
    .option('--force', 'replace copies already in --out (and an existing --report file)')
    .option('--report <file>', 'also write the counts and the review list as JSON to this file')
    .option('--strict', 'exit 1 and write no copies while anything is left on the review list')
    .addOption(todayOption(', against which a completion date in the future is refused'))
    .addOption(noColorOption())
    .addHelpText('after', `
Examples:
  $ ntk redact fixtures/mary-jo --out training/case-a
  $ ntk redact records --out pack --report pack-review.json --strict
  $ ntk redact "records/MJ-01-*.yaml" --out pack --force

Exit codes: 0 copies written, 1 a record was not valid (not copied) or, with --strict,
words were left on the review list (nothing written), 2 usage error
(--out inside an input, or copies already there without --force), 3 a copy could not be written.`)
    .action(lazyAction(async () => (await import('../actions/run-redact.js')).runRedact));
}
