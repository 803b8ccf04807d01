import type { Command } from 'commander';
import { viewFormats } from '../../render/view-formats.js';
import { lazyAction } from '../run-action.js';
import { formatOption, withOutputOptions } from './output-options.js';
import { todayOption } from './today-option.js';

export function defineDiff(program: Command): void {
  const command = program
    .command('diff')
    .summary('what changed between two toolkits of a child, or two git revisions of one')
    .description(
      'The review diff: for each section the old and new score and whether care improved, deteriorated, ' +
        'stayed the same, was newly assessed or is no longer assessed (lower scores mean better care); ' +
        'a verdict per area; changed text word by word; sessions and actions added or completed; the ' +
        'decision; and the days between. Compare two files, or one file across git revisions.',
    )
    .argument('<old>', 'the earlier record (or, with --from, the record whose git history to use)')
    .argument('[new]', 'the later record')
    .option('--from <rev>', 'compare FILE as it was at this git revision (e.g. HEAD~1, a commit, a tag)')
    .option('--to <rev>', 'with --from: the later git revision (default: the file as it is now)')
    .addOption(formatOption(viewFormats.diff))
    .option('--exit-code', 'exit 1 when any section deteriorated')
    .addOption(todayOption(', against which a completion date in the future is refused'));
  withOutputOptions(command)
    .addHelpText('after', `
Examples:
  $ ntk diff fixtures/mary-jo/MJ-01-2020-09-29.yaml fixtures/mary-jo/MJ-01-2020-12-15.yaml
  $ ntk diff records/MJ-01.yaml --from HEAD~1
  $ ntk diff records/MJ-01.yaml --from v1 --to v2 --format markdown --output changes.md
  $ ntk diff old.yaml new.yaml --exit-code --format json > diff.json
  $ ntk diff old.yaml new.yaml --format html --output changes.html   (a page to print on A4)

Exit codes: 0 done, 1 a record is not valid (or with --exit-code: a section deteriorated), 2 usage error
(including a git revision that does not exist), 3 --output could not be written.`)
    .action(lazyAction(async () => (await import('../actions/run-diff.js')).runDiff));
}
