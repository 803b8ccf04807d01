import type { Command } from 'commander';
import { runAction } from '../run-action.js';
import { noColorOption } from './output-options.js';

export function defineSchema(program: Command): void {
  program
    .command('schema')
    .summary('print the JSON Schema of toolkit records')
    .description('Print the JSON Schema of toolkit records, for editors and other validators.')
    .addOption(noColorOption('accepted for consistency; the schema is never coloured'))
    .addHelpText('after', `
Examples:
  $ ntk schema > toolkit.schema.json`)
    .action(async (opts) => {
      const { readFile } = await import('node:fs/promises');
      const { SCHEMA_FILE } = await import('../../validate/schema-file.js');
      await runAction(opts, async (ctx) => {
        ctx.stdout.write(await readFile(SCHEMA_FILE, 'utf8'));
        return 0;
      });
    });
}
