import { Argument, type Command } from 'commander';
import { shells } from '../../render/shell-completion.js';
import { runAction } from '../run-action.js';

export function defineCompletion(program: Command): void {
  program
    .command('completion')
    .summary('shell completion script for bash, zsh or fish')
    .description('Print a completion script: commands, options and their values (formats, for one) complete on Tab, files and folders everywhere else.')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(shells))
    .addHelpText(
      'after',
      '\nExamples:\n  $ source <(ntk completion bash)             # in ~/.bashrc\n  $ source <(ntk completion zsh)              # in ~/.zshrc\n  $ ntk completion fish | source              # in ~/.config/fish/config.fish',
    )
    .action(async (shell: (typeof shells)[number], _opts, command: Command) => {
      const { runCompletion } = await import('../actions/run-completion.js');
      await runAction({ color: false }, (ctx) => runCompletion(shell, command.parent!, ctx));
    });
}
