import type { Command } from 'commander';
import { viewFormats } from '../../render/view-formats.js';
import { lazyAction } from '../run-action.js';
import { formatOption, noColorOption } from './output-options.js';

export function defineTemplate(program: Command): void {
  program
    .command('template')
    .summary('print the areas, sections and score descriptors')
    .description('Print the toolkit template: its scale, areas, sections and what each score of its scale looks like.')
    .argument('[action]', 'what to do: show', 'show')
    .option('--area <key>', 'only this area, e.g. family-relationships')
    .option('--template <id>', 'another template by id', 'nscp-ncscp/2021')
    .addOption(formatOption(viewFormats.template))
    .addOption(noColorOption())
    .addHelpText('after', `
Examples:
  $ ntk template show
  $ ntk template show --area family-relationships
  $ ntk template --format json > template.json`)
    .action(lazyAction(async () => (await import('../actions/run-template-show.js')).runTemplateShow));
}
