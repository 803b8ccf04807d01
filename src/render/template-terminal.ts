import type { ChalkInstance } from 'chalk';
import type { TemplateArea, ToolkitTemplate } from '../template/load-template.js';
import { terminalSafe } from './safe-text.js';
import { scaleLook } from './score-style.js';
import { scaleWords } from '../template/scale-facts.js';
import { wrapText } from './text-layout.js';

/** The template as a practitioner reads it: the scale, then each area's sections with a descriptor for each score. */
export function renderTemplateTerminal(template: ToolkitTemplate, areas: readonly TemplateArea[], c: ChalkInstance, width: number): string {
  const t = (s: string) => terminalSafe(s);
  const look = scaleLook(template);
  const lines: string[] = [c.bold(t(template.title)), c.dim(`${t(template.id)}${template.partnership ? ` - ${t(template.partnership)}` : ''}`), '', `${c.bold('Scale')} ${c.dim(`(${scaleWords(template).better} scores are better care)`)}`];
  for (const point of template.scale) lines.push(`${look.badge(point.score, c)} ${c.bold(t(point.label))}: ${wrapText(t(point.meaning), width, '      ').trimStart()}`);
  for (const area of areas) {
    lines.push('', c.bold.underline(`${area.number} ${t(area.title)}`) + c.dim(`  (${t(area.key)})`));
    if (area.description) lines.push(wrapText(t(area.description), width, '  '));
    for (const section of area.sections) {
      lines.push('', `  ${c.bold(`${t(section.key)} ${t(section.title)}`)}${section.household_wide ? c.dim('  (usually the same for every child in the home)') : ''}`);
      lines.push(c.italic(wrapText(t(section.description), width, '    ')));
      for (const { score } of template.scale) {
        lines.push(`    ${look.badge(score, c)} ${wrapText(t(section.descriptors[String(score)] ?? ''), width, '          ').trimStart()}`);
      }
      if (section.reminder) lines.push(c.cyan(wrapText(`Reminder: ${t(section.reminder.text)}`, width, '    ')));
    }
  }
  return `${lines.join('\n')}\n`;
}
