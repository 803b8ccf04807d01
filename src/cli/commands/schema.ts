import type { Command } from 'commander';
import { runAction } from '../run-action.js';

export function defineSchema(program: Command): void {
  program
    .command('schema')
    .summary('print the JSON Schema of toolkit records')
    .description('Print the JSON Schema of toolkit records, for editors and other validators.')
    .option('--no-color', 'accepted for consistency; the schema is never coloured')
    .addHelpText('after', '\nExamples:\n  $ ntk schema > toolkit.schema.json')
    .action(async (opts) => {
      const { readFile } = await import('node:fs/promises');
      const { SCHEMA_FILE } = await import('../../validate/schema-file.js');
      await runAction(opts, async (ctx) => {
        ctx.stdout.write(await readFile(SCHEMA_FILE, 'utf8'));
        return 0;
      });
    });
}
