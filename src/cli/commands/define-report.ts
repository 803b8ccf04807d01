import { Option, type Command } from 'commander';
import { viewFormats } from '../../render/view-formats.js';
import { lazyAction } from '../run-action.js';
import { formatOption, withOutputOptions } from './output-options.js';
import { todayOption } from './today-option.js';

export function defineReport(program: Command): void {
  const command = program
    .command('report')
    .summary('caseload view: the latest record per child, with totals')
    .description(
      "The caseload for analysts: one row per child (their latest valid record): the sections at " +
        "worrying scores (3-4 on nscp-ncscp/2021's scale) in each area, prompts raised, the decision, the next review and whether it is overdue; " +
        'then children per decision and the spread of scores per area. Files with errors are left out ' +
        'and listed on stderr (`ntk check` explains them).',
    )
    .argument('<paths...>', 'files, folders or globs')
    .addOption(formatOption(viewFormats.report))
    .addOption(todayOption(', for overdue reviews'))
    .option('--overdue', 'only children whose next review date has passed')
    .option('--decision <decision>', "only children with this decision: a key of the template's decisions (e.g. early-help), or none")
    .option('--area <key>', 'only children with a section at a worrying score in this area (e.g. family-relationships)')
    .option('--min-score <n>', "only children with a section scored at least n, a score of the template's scale (in --area when given)")
    .addOption(new Option('--sort <order>', 'row order').choices(['ref', 'overdue', 'score', 'next-review']).default('ref'))
    .option('--jobs <n>', 'worker threads for a large batch (default: one per core)');
  withOutputOptions(command)
    .addHelpText('after', `
Examples:
  $ ntk report fixtures/mary-jo --today 2021-04-01
  $ ntk report records/ --overdue --sort overdue
  $ ntk report records/ --area family-relationships --min-score 3 --format markdown
  $ ntk report records/ --format csv --output caseload.csv`)
    .action(lazyAction(async () => (await import('../actions/run-report.js')).runReport));
}
