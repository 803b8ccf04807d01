import type { Command } from 'commander';
import { runAction } from '../run-action.js';

/** Not for people: git runs it as the merge driver `ntk init` registers, so it is hidden from the command list. */
export function defineMergeDriver(program: Command): void {
  program
    .command('merge-driver', { hidden: true })
    .description(
      "git's merge driver for records: a three-way merge by section, area text and list item (sessions, contributors, actions, family). " +
        'Changes to different parts merge cleanly; the same part changed differently on both branches becomes an `ntk-merge-conflict` block ' +
        'holding both sides, which `ntk check` reports until it is resolved. Files that are not records get git\'s own line merge.',
    )
    .argument('<base>', "the common ancestor's version (git's %O)")
    .argument('<ours>', "our version, where the result is written (git's %A)")
    .argument('<theirs>', "their version (git's %B)")
    .argument('[name]', "the file's path in the repository, for messages (git's %P)")
    .addHelpText('after', '\nSet up with `ntk init`, or by hand:\n  $ git config merge.ntk.name "ntk record merge"\n  $ git config merge.ntk.driver "ntk merge-driver %O %A %B %P"\nand in .gitattributes:\n  *.yaml merge=ntk\n\nExit codes: 0 merged cleanly, 1 conflicts left to resolve.')
    .action(async (base: string, ours: string, theirs: string, name: string | undefined) => {
      const { runMergeDriver } = await import('../actions/run-merge-driver.js');
      await runAction({ color: false }, (ctx) => runMergeDriver(base, ours, theirs, name ?? ours, ctx));
    });
}
