import type { Command } from 'commander';
import { runAction } from '../run-action.js';

/**
 * Not for people: git runs it as a textconv filter (see "Reviews over time"
 * in the README), so it is hidden from the command list.
 */
export function defineDiffTextconv(program: Command): void {
  program
    .command('diff-textconv', { hidden: true })
    .description("Print a record as stable plain text for git's textconv, so `git diff` and `git log -p` read as a review diff. A file that is not a valid record is printed as it is.")
    .argument('<file>', 'the file git hands over')
    .addHelpText('after', '\nSet up (once per clone):\n  $ git config diff.ntk.textconv "npx --no-install ntk diff-textconv"\nand in .gitattributes:\n  *.yaml diff=ntk')
    .action(async (file: string) => {
      const { runDiffTextconv } = await import('../actions/run-diff-textconv.js');
      await runAction({ color: false }, (ctx) => runDiffTextconv(file, ctx));
    });
}
