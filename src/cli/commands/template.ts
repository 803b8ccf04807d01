import { Option, type Command } from 'commander';
import { runAction } from '../run-action.js';

export function defineTemplate(program: Command): void {
  program
    .command('template')
    .summary('print the areas, sections and score descriptors')
    .description('Print the toolkit template: its scale, areas, sections and what each score 1-4 looks like.')
    .argument('[action]', 'what to do: show', 'show')
    .option('--area <key>', 'only this area, e.g. family-relationships')
    .option('--template <id>', 'another template by id', 'nscp-ncscp/2021')
    .addOption(new Option('--format <format>', 'output format').choices(['terminal', 'json']).default('terminal'))
    .option('--no-color', 'plain output without colour')
    .addHelpText('after', '\nExamples:\n  $ ntk template show\n  $ ntk template show --area family-relationships\n  $ ntk template --format json > template.json')
    .action(async (action: string, opts) => {
      const { runTemplateShow } = await import('../actions/template-show.js');
      await runAction(opts, (ctx) => runTemplateShow(action, opts, ctx));
    });
}
