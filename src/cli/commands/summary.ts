import { Option, type Command } from 'commander';
import { runAction } from '../run-action.js';

export function defineSummary(program: Command): void {
  program
    .command('summary')
    .summary('print the summary sheet of a record')
    .description(
      'Print the summary sheet: the seven areas at a glance, the impact on the child in each area, ' +
        "the practitioner's and parent's scores side by side, the child's voice, prompts, decision and plan.",
    )
    .argument('<file>', 'a toolkit record')
    .addOption(new Option('--format <format>', 'output format').choices(['terminal', 'markdown', 'json', 'html']).default('terminal'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--force', 'replace --output if it exists')
    .option('--evidence', "include each section's evidence")
    .option('--today <date>', 'the date to treat as today (YYYY-MM-DD), for overdue reviews')
    .option('--no-color', 'plain output without colour')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ntk summary fixtures/mary-jo/MJ-01-2020-09-29.yaml\n  $ ntk summary record.yaml --format markdown --output summary.md\n' +
        '  $ ntk summary record.yaml --format html --output summary.html   # open in a browser and print (A4, at most two pages)',
    )
    .action(async (file: string, opts) => {
      const { runSummary } = await import('../actions/summary.js');
      await runAction(opts, (ctx) => runSummary(file, opts, ctx));
    });
}
