import type { Command } from 'commander';
import { viewFormats } from '../../render/view-formats.js';
import { lazyAction } from '../run-action.js';
import { formatOption, withOutputOptions } from './output-options.js';
import { todayOption } from './today-option.js';

export function defineHistory(program: Command): void {
  const command = program
    .command('history')
    .summary("a child's timeline across toolkits and git history")
    .description(
      "A child's timeline: every toolkit found in the files and folders given (grouped by child.ref) and, " +
        'for files git tracks, every committed version with its author and date. For each area and ' +
        'section: the scores over time and a trend - improvement held across two or more toolkits is ' +
        '"sustained"; worsening after an improvement is called out as "slipped back". Then who changed ' +
        'what and when.',
    )
    .argument('<paths...>', 'record files or folders (recursively, *.yaml and *.yml)')
    .addOption(formatOption(viewFormats.history))
    .option('--child <ref>', 'only this child (by child.ref)')
    .option('--no-git', 'ignore git history; use the files as they are')
    .addOption(todayOption(', against which a completion date in the future is refused'));
  withOutputOptions(command)
    .addHelpText('after', `
Examples:
  $ ntk history fixtures/mary-jo --child MJ-01
  $ ntk history records/MJ-01*.yaml --format markdown --output MJ-01-history.md
  $ ntk history records/ --format csv > scores-over-time.csv

Exit codes: 0 done, 1 a record is not valid (its diagnostics are printed; the others are still shown), 2 usage error, 3 --output could not be written.`)
    .action(lazyAction(async () => (await import('../actions/run-history.js')).runHistory));
}
