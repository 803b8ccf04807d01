import { Option, type Command } from 'commander';
import { runAction } from '../run-action.js';
import { withOutputOptions } from './output-options.js';

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
    .addOption(new Option('--format <format>', 'output format').choices(['terminal', 'markdown', 'csv', 'json']).default('terminal'))
    .option('--today <date>', 'the date to treat as today (YYYY-MM-DD), for overdue reviews')
    .option('--overdue', 'only children whose next review date has passed')
    .option('--decision <decision>', "only children with this decision: a key of the template's decisions (e.g. early-help), or none")
    .option('--area <key>', 'only children with a section at a worrying score in this area (e.g. family-relationships)')
    .option('--min-score <n>', "only children with a section scored at least n, a score of the template's scale (in --area when given)")
    .addOption(new Option('--sort <order>', 'row order').choices(['ref', 'overdue', 'score', 'next-review']).default('ref'))
    .option('--jobs <n>', 'worker threads for a large batch (default: one per core)');
  withOutputOptions(command)
    .addHelpText(
      'after',
      '\nExamples:\n  $ ntk report fixtures/mary-jo --today 2021-04-01\n  $ ntk report records/ --overdue --sort overdue\n  $ ntk report records/ --area family-relationships --min-score 3 --format markdown\n  $ ntk report records/ --format csv --output caseload.csv',
    )
    .action(async (paths: string[], opts) => {
      const { runReport } = await import('../actions/report.js');
      await runAction(opts, (ctx) => runReport(paths, opts, ctx));
    });
}
