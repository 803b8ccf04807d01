import type { Command } from 'commander';
import { viewFormats } from '../../render/view-formats.js';
import { lazyAction } from '../run-action.js';
import { formatOption, withOutputOptions } from './output-options.js';
import { todayOption } from './today-option.js';

export function defineSummary(program: Command): void {
  const command = program
    .command('summary')
    .summary('print the summary sheet of a record')
    .description(
      'Print the summary sheet: the seven areas at a glance, the impact on the child in each area, ' +
        "the practitioner's and parent's scores side by side, the child's voice, prompts, decision and plan.",
    )
    .argument('<file>', 'a toolkit record')
    .addOption(formatOption(viewFormats.summary))
    .option('--evidence', "include each section's evidence")
    .addOption(todayOption(', for overdue reviews'));
  withOutputOptions(command)
    .addHelpText('after', `
Examples:
  $ ntk summary fixtures/mary-jo/MJ-01-2020-09-29.yaml
  $ ntk summary record.yaml --format markdown --output summary.md
  $ ntk summary record.yaml --format html --output summary.html   # open in a browser and print (A4, at most two pages)`)
    .action(lazyAction(async () => (await import('../actions/run-summary.js')).runSummary));
}
