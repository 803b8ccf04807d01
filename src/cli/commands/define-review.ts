import type { Command } from 'commander';
import { lazyAction } from '../run-action.js';
import { noColorOption } from './output-options.js';
import { todayOption } from './today-option.js';

export function defineReview(program: Command): void {
  program
    .command('review')
    .summary('start the next review of a record')
    .description(
      'Review a toolkit: the child, household, contributors and plan carry forward; ' +
        'then area by area you see the last scores and say what changed (an unchanged ' +
        'area or section is one keypress), answer the review questions of the ' +
        'guidance, and update the plan. Writes a new record <ref>-<completed>.yaml ' +
        'beside FILE (or --out); drafts and --answers work as for `ntk new`. When ' +
        'the toolkits of the other children of the household, of the same date, are ' +
        'beside FILE, it offers to review them together: one sitting, a new record for ' +
        'each child (from --answers: a document per child, each naming its child.ref).',
    )
    .argument('<file>', 'the record to review (the latest one)')
    .option('--out <file>', 'the file for the review record')
    .option('--answers <file>', 'answers given as a partial record in YAML; only what is missing is asked')
    .option('--resume', 'continue an interrupted review of FILE')
    .option('--force', 'replace an existing record of the same name')
    .addOption(todayOption('; no answer may be after it'))
    .addOption(noColorOption())
    .addHelpText('after', `
Examples:
  $ ntk review records/MJ-01-2020-09-29.yaml
  $ ntk review records/MJ-01-2020-09-29.yaml --answers review.yaml --out records/MJ-01-2020-12-15.yaml

Exit codes: 0 written, 1 FILE is not a valid record, 2 usage error or no terminal for a question
that must be asked, 3 a file could not be written (the draft is kept), 130 interrupted (the draft is saved).`)
    .action(lazyAction(async () => (await import('../actions/run-review.js')).runReview));
}
