import type { Command } from 'commander';
import { lazyAction } from '../run-action.js';
import { noColorOption } from './output-options.js';
import { todayOption } from './today-option.js';

export function defineEdit(program: Command): void {
  program
    .command('edit')
    .summary("add or change a contribution (e.g. one agency's areas) in a record")
    .description(
      'Edit areas of an existing record: another agency adds the areas it knows, ' +
        'or a practitioner updates their own. You are recorded as the contributor on ' +
        'the sections you change. Everything you do not edit - comments, key order, ' +
        'layout - stays exactly as it was in the file.',
    )
    .argument('<file>', 'the record to edit')
    .option('--area <key...>', 'the areas to edit, e.g. health-development (default: asked area by area)')
    .option('--by <id>', 'your contributor id (a new id adds you as a contributor)')
    .option('--answers <file>', 'new content for areas, as a partial record in YAML')
    .option('--resume', 'continue an interrupted edit of FILE')
    .addOption(todayOption())
    .addOption(noColorOption())
    .addHelpText('after', `
Examples:
  $ ntk edit records/MJ-01-2020-09-29.yaml --area health-development
  $ ntk edit record.yaml --by sn1 --answers school-nurse.yaml

Exit codes: 0 written, 1 FILE is not a valid record, 2 usage error or no terminal for a question
that must be asked, 3 FILE could not be written or was changed by someone else meanwhile (nothing
of theirs is lost; the draft is kept), 130 interrupted (the draft is saved).`)
    .action(lazyAction(async () => (await import('../actions/run-edit.js')).runEdit));
}
