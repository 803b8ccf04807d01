import type { TemplateArea, ToolkitTemplate } from '../template/load-template.js';
import type { FormatTable } from './format-table.js';
import { jsonSafe } from './safe-text.js';

/** What `ntk template show` shows: the template, and of its areas those asked for. */
export interface TemplateView {
  template: ToolkitTemplate;
  areas: readonly TemplateArea[];
}

/** The formats of `ntk template show`. */
export const templateFormats = {
  terminal: async (view, m) => (await import('./template-terminal.js')).renderTemplateTerminal(view.template, view.areas, m.style, m.width),
  json: async (view) => `${jsonSafe({ ...view.template, areas: view.areas })}\n`,
} satisfies FormatTable<TemplateView>;
