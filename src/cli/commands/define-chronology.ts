import type { Command } from 'commander';
import { viewFormats } from '../../render/view-formats.js';
import { lazyAction } from '../run-action.js';
import { formatOption, withOutputOptions } from './output-options.js';
import { todayOption } from './today-option.js';

export function defineChronology(program: Command): void {
  const command = program
    .command('chronology')
    .summary("every dated event of a child's or a household's toolkits, oldest first, with drift flagged")
    .description(
      "A chronology from the records themselves and their git history, oldest first and grouped by date: sessions " +
        '(type, who led them, whether the child was seen alone), toolkits and reviews with their scores in words, ' +
        'safeguarding-lead consultations, decisions and changes of decision, actions set, due, done and overdue, ' +
        'people moving in or out (from child.family), prompts raised, and commits. Flags drift - an action overdue, ' +
        'a review later than planned, the same concern at three or more toolkits without improvement - and a score ' +
        'slipping back or someone moving back in: things to look at again, never conclusions.',
    )
    .argument('<paths...>', 'record files or folders (recursively, *.yaml and *.yml)')
    .option('--child <ref>', 'only this child (by child.ref)')
    .option('--household <ref>', 'only the children of this household (child.household)')
    .option('--from <date>', 'only events on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'only events on or before this date (YYYY-MM-DD)')
    .option('--kind <kinds>', 'only these kinds, comma-separated: session, assessment, lead, decision, action, review, family, prompt, change')
    .addOption(todayOption(', for overdue actions and reviews'))
    .addOption(formatOption(viewFormats.chronology))
    .option('--no-git', 'ignore git history; use the files as they are');
  withOutputOptions(command)
    .addHelpText('after', `
Examples:
  $ ntk chronology fixtures/mary-jo --household H-MJ --today 2021-04-01
  $ ntk chronology records/ --child MJ-01 --kind session,action --format markdown --output MJ-01-chronology.md
  $ ntk chronology records/ --from 2021-01-01 --format csv > chronology.csv

Exit codes: 0 done, 1 a record is not valid (its diagnostics are printed; the others are still shown), 2 usage error, 3 --output could not be written.`)
    .action(lazyAction(async () => (await import('../actions/run-chronology.js')).runChronology));
}
