import { Option, type Command } from 'commander';
import { runAction } from '../run-action.js';

export function defineCheck(program: Command): void {
  program
    .command('check')
    .summary('validate records against the schema and the practice rules')
    .description(
      'Validate toolkit records: files, folders (recursively, *.yaml and *.yml) and globs. ' +
        'Errors mean the record is wrong; warnings and prompts are about practice: they inform ' +
        'professional judgement and never decide anything.',
    )
    .argument('<paths...>', 'files, folders or globs')
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json', 'github']).default('pretty'))
    .option('--strict', 'warnings fail the check too (exit 1)')
    .option('--today <date>', 'the date to treat as today (YYYY-MM-DD), for overdue reviews')
    .option('--quiet', 'show errors only')
    .option('--jobs <n>', 'worker threads for a large batch (default: one per core)')
    .option('--cache', "reuse results of unchanged files (kept in the user's cache folder)")
    .option('--no-color', 'plain output without colour')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ntk check fixtures/mary-jo\n  $ ntk check records/ --format github --strict\n  $ ntk check "records/**/*.yaml" --format json > findings.json\n  $ ntk check records/ --cache\n\nExit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage error, 3 the cache could not be written.',
    )
    .action(async (paths: string[], opts, command: Command) => {
      const { runCheck } = await import('../actions/check.js');
      await runAction(opts, (ctx) => runCheck(paths, opts, ctx, command.parent?.version() ?? '0'));
    });
}
