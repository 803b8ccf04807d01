import type { Command } from 'commander';
import { lazyAction } from '../run-action.js';

export function defineExample(program: Command): void {
  program
    .command('example')
    .summary("write a worked case study for training (default: Mary Jo's Story)")
    .description(
      'Write a worked example folder: the records of a fictional case study and a README.md that tells the ' +
        'story, then shows the summary sheets, the review diffs and the timeline, all produced by ntk itself ' +
        'when the folder is written, so the document can never disagree with the tool; beside it, each summary ' +
        'sheet and review diff as an HTML page to print, linked from the README.',
    )
    .argument('[name]', 'which example', 'mary-jo')
    .option('--out <dir>', 'the folder to write (default: ./NAME)')
    .option('--force', 'write into a folder that is not empty, replacing files of the same name')
    .addHelpText('after', `
Examples:
  $ ntk example --out mary-jo
  $ ntk example mary-jo --out /tmp/training --force`)
    .action(lazyAction(async () => (await import('../actions/run-example.js')).runExample));
}
