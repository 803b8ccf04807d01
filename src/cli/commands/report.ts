import { Option, type Command } from 'commander';
import { DECISIONS } from '../../record/vocabulary.js';
import { runAction } from '../run-action.js';

export function defineReport(program: Command): void {
  program
    .command('report')
    .summary('caseload view: the latest record per child, with totals')
    .description(
      "The caseload for analysts: one row per child (their latest valid record): the sections scored " +
        '3-4 in each area, prompts raised, the decision, the next review and whether it is overdue; ' +
        'then children per decision and the spread of scores per area. Files with errors are left out ' +
        'and listed on stderr (`ntk check` explains them).',
    )
    .argument('<paths...>', 'files, folders or globs')
    .addOption(new Option('--format <format>', 'output format').choices(['terminal', 'markdown', 'csv', 'json']).default('terminal'))
    .option('--today <date>', 'the date to treat as today (YYYY-MM-DD), for overdue reviews')
    .option('--overdue', 'only children whose next review date has passed')
    .addOption(new Option('--decision <decision>', 'only children with this decision').choices([...DECISIONS, 'none']))
    .option('--area <key>', 'only children with a section scored 3-4 in this area (e.g. family-relationships)')
    .addOption(new Option('--min-score <n>', 'only children with a section scored at least n (in --area when given)').choices(['1', '2', '3', '4']))
    .addOption(new Option('--sort <order>', 'row order').choices(['ref', 'overdue', 'score', 'next-review']).default('ref'))
    .option('--jobs <n>', 'worker threads for a large batch (default: one per core)')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--force', 'replace --output if it exists')
    .option('--no-color', 'plain output without colour')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ntk report fixtures/mary-jo --today 2021-04-01\n  $ ntk report records/ --overdue --sort overdue\n  $ ntk report records/ --area family-relationships --min-score 3 --format markdown\n  $ ntk report records/ --format csv --output caseload.csv',
    )
    .action(async (paths: string[], opts) => {
      const { runReport } = await import('../actions/report.js');
      await runAction(opts, (ctx) => runReport(paths, opts, ctx));
    });
}
