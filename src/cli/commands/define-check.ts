import type { Command } from 'commander';
import { viewFormats } from '../../render/view-formats.js';
import { runAction } from '../run-action.js';
import { formatOption, noColorOption } from './output-options.js';
import { todayOption } from './today-option.js';

export function defineCheck(program: Command): void {
  program
    .command('check')
    .summary('validate records against the schema and the practice rules')
    .description(
      'Validate toolkit records: files, folders (recursively, *.yaml and *.yml) and globs. ' +
        'Errors mean the record is wrong; warnings and prompts are about practice: they inform ' +
        'professional judgement and never decide anything.',
    )
    .argument('<paths...>', 'files, folders or globs; - for one record on standard input')
    .addOption(formatOption(viewFormats.check))
    .option('--strict', 'warnings fail the check too (exit 1); the default when ntk.config.yaml says `strict: true`')
    .option('--no-strict', 'warnings do not fail the check, whatever ntk.config.yaml says')
    .addOption(todayOption(', for overdue reviews'))
    .option('--quiet', 'show errors only')
    .option('--jobs <n>', 'worker threads for a large batch (default: one per core)')
    .option('--cache', "reuse results of unchanged files (kept in the user's cache folder)")
    .addOption(noColorOption())
    .addHelpText('after', `
Examples:
  $ ntk check fixtures/mary-jo
  $ ntk check records/ --format github --strict
  $ ntk check "records/**/*.yaml" --format json > findings.json
  $ ntk check records/ --format sarif > ntk.sarif     # GitHub code scanning
  $ ntk check records/ --format junit > ntk-junit.xml # GitLab, Jenkins, Azure test reports
  $ ntk check records/ --cache
  $ git show HEAD:records/MJ-01.yaml | ntk check -

Defaults (strict, ignore, templates) come from the nearest ntk.config.yaml, found walking up from the working folder.
Formats: terminal (also called pretty), json, github, sarif, junit.
Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage error, 3 the cache could not be written.`)
    .action(async (paths: string[], opts, command: Command) => {
      const { runCheck } = await import('../actions/run-check.js');
      await runAction(opts, (ctx) => runCheck(paths, opts, ctx, command.parent?.version() ?? '0'));
    });
}
