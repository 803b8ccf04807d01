import { viewFormats, type FormatOf } from '../../render/view-formats.js';
import { findTemplate, loadTemplates } from '../../template/load-template.js';
import { UsageError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { writeView } from '../write-output.js';

export async function runTemplateShow(action: string, options: { area?: string; template: string; format: FormatOf<'template'> }, ctx: CliContext): Promise<number> {
  if (action !== 'show') throw new UsageError(`unknown template action "${action}"; try \`ntk template show\``);
  const index = findTemplate(options.template);
  if (!index) throw new UsageError(`there is no template "${options.template}"; known: ${[...loadTemplates().keys()].join(', ')}`);
  const areas = options.area === undefined ? index.template.areas : index.template.areas.filter((a) => a.key === options.area);
  if (areas.length === 0) {
    throw new UsageError(`there is no area "${options.area}"; the areas are ${index.template.areas.map((a) => a.key).join(', ')}`);
  }
  await writeView(viewFormats.template[options.format], { template: index.template, areas }, {}, {}, [], ctx);
  return 0;
}
