import type { Command } from 'commander';
import { viewFormats } from '../../render/view-formats.js';
import { lazyAction } from '../run-action.js';
import { formatOption, withOutputOptions } from './output-options.js';

export function defineCompare(program: Command): void {
  const command = program
    .command('compare')
    .summary('siblings side by side: differential care and what should be alike in the home')
    .description(
      'Children side by side, one column each (name, age at the assessment, the date), one row per area and ' +
        "section, from each child's latest toolkit among the paths given (or the latest on or before --on). " +
        'Marks differential care - care scored apart for two children, a section 2 or more apart or one child ' +
        'scored better throughout an area by 2 or more - as a question for the practitioner, never a conclusion; ' +
        'flags sections that are usually the same for every child in the home but are scored differently; shows ' +
        "each child's own words side by side; and says when the toolkits are far apart in time.",
    )
    .argument('<paths...>', 'record files or folders (recursively, *.yaml and *.yml)')
    .option('--household <ref>', 'the children of this household (child.household) found in the paths')
    .option('--on <date>', "each child's latest toolkit completed on or before this date (YYYY-MM-DD)")
    .addOption(formatOption(viewFormats.compare));
  withOutputOptions(command)
    .addHelpText('after', `
Examples:
  $ ntk compare fixtures/mary-jo/MJ-01-2020-09-29.yaml fixtures/mary-jo/MJ-02-2020-09-29.yaml
  $ ntk compare records/ --household H-MJ --on 2020-09-30 --format markdown
  $ ntk compare records/ --household H-MJ --format html --output siblings.html   (one A4 landscape page for up to four children)

Exit codes: 0 done, 1 a record is not valid (its diagnostics are printed; the others are still compared), 2 usage error
(including fewer than two children to compare), 3 --output could not be written.`)
    .action(lazyAction(async () => (await import('../actions/run-compare.js')).runCompare));
}
