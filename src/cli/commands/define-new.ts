import type { Command } from 'commander';
import { lazyAction } from '../run-action.js';
import { noColorOption } from './output-options.js';
import { todayOption } from './today-option.js';

export function defineNew(program: Command): void {
  program
    .command('new')
    .summary('complete a new toolkit by answering questions')
    .description(
      'Interview: the child, who contributed, the sessions, then area by area and ' +
        "section by section (with each section's descriptors), the child's voice and " +
        'the plan. Writes <ref>-<completed>.yaml and shows its summary sheet. ' +
        'The draft is saved after every answer: Ctrl-C or a closed terminal loses ' +
        'nothing, and --resume continues where it stopped.',
    )
    .option('--out <dir>', 'folder for the new record(s) and the draft', '.')
    .option('--answers <file>', 'answers given as a partial record in YAML (one document per child with --household); only what is missing is asked')
    .option('--household', 'siblings assessed together: shared questions once, child questions per child, one file per child')
    .option('--resume [draft]', 'continue an interrupted interview (default: the draft in --out)')
    .option('--force', 'replace an existing record of the same name')
    .option('--template <id>', 'the toolkit template to use (default: nscp-ncscp/2021)')
    .addOption(todayOption('; no answer may be after it'))
    .addOption(noColorOption())
    .addHelpText('after', `
Examples:
  $ ntk new --out records/
  $ ntk new --household --out records/
  $ ntk new --resume records/ntk-new.draft.yaml
  $ ntk new --answers answers.yaml --out records/   # no questions if nothing is missing

Exit codes: 0 written, 1 the answers make an invalid record, 2 usage error or no terminal for a
question that must be asked, 3 a file could not be written (the draft is kept), 130 interrupted (the draft is saved).`)
    .action(lazyAction(async () => (await import('../actions/run-new.js')).runNew));
}
