import type { Command } from 'commander';
import { completionScript, type CompletionModel, type Shell } from '../../render/shell-completion.js';
import { EXIT } from '../cli-error.js';
import type { CliContext } from '../context.js';

/** The command table as completion sees it: the commands people use (hidden ones left out), their long options and choices. */
function completionModel(program: Command): CompletionModel {
  const help = program.createHelp();
  return {
    commands: help
      .visibleCommands(program)
      .filter((c) => c.name() !== 'help')
      .map((c) => ({
        name: c.name(),
        summary: c.summary() || c.description(),
        options: help
          .visibleOptions(c)
          .filter((o) => o.long)
          .map((o) => ({ flag: o.long!, summary: o.description, takesValue: o.required || o.optional, choices: o.argChoices ?? [] })),
      })),
  };
}

export async function runCompletion(shell: Shell, program: Command, ctx: CliContext): Promise<number> {
  ctx.stdout.write(completionScript(shell, completionModel(program)));
  return EXIT.ok;
}
