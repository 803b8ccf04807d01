import type { Command } from 'commander';
import { preCommitHook } from '../../init/setup-files.js';
import { runAction } from '../run-action.js';
import { noColorOption } from './output-options.js';

export function defineInit(program: Command): void {
  program
    .command('init')
    .summary('make a records repository ready: git drivers, editor schema, CI, pre-commit')
    .description(
      'Make a folder (a git repository) ready for toolkit records: .gitattributes for the diff and merge drivers, ' +
        'a copy of the schema with .vscode/settings.json pointing editors at it, a GitHub Actions workflow running ' +
        '`ntk check --format github` and uploading SARIF, a .pre-commit-config.yaml hook, ntk.config.yaml, a README ' +
        'for the team and a records/ folder. Nothing there already is replaced: run it again at any time. ' +
        'The git settings are per clone: it prints them, or applies them with --configure.',
    )
    .argument('[dir]', 'the repository folder', '.')
    .option('--configure', "apply the git settings to this clone's configuration")
    .option('--update', 'refresh the schema copy after ntk was upgraded')
    .addOption(noColorOption())
    .addHelpText('after', `
Examples:
  $ git init records-repo && ntk init records-repo --configure
  $ ntk init --update

The pre-commit hook, for an existing .pre-commit-config.yaml:
${preCommitHook}
Exit codes: 0 ready, 2 usage error (no such folder; --configure outside git).`)
    .action(async (dir: string, opts, command: Command) => {
      const { runInit } = await import('../actions/run-init.js');
      await runAction(opts, (ctx) => runInit(dir, opts, ctx, command.parent?.version() ?? '0'));
    });
}
