import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { viewFormats } from '../../src/render/view-formats.js';

/** Each view's one record of its formats, by the command that shows it. */
const formatTables: Record<string, object> = viewFormats;

const commands = buildProgram('0').commands;
const option = (command: Command, long: string): Option | undefined => command.options.find((o) => o.long === long);
const withOption = (long: string) => commands.filter((c) => option(c, long) !== undefined);

describe('options shared by the commands', () => {
  it("every --format offers exactly the keys of its view's format table, terminal first and by default", () => {
    expect(withOption('--format').map((c) => c.name()).sort()).toEqual(Object.keys(formatTables).sort());
    for (const command of withOption('--format')) {
      const format = option(command, '--format')!;
      expect(format.argChoices, command.name()).toEqual(Object.keys(formatTables[command.name()]!));
      expect(format.defaultValue, command.name()).toBe('terminal');
    }
  });

  it('every format table renders every format it names (a renderer per key, nothing else)', () => {
    for (const [name, table] of Object.entries(formatTables)) {
      for (const [format, render] of Object.entries(table)) expect(typeof render, `${name} ${format}`).toBe('function');
    }
  });

  it('--today reads the same in every command that has it, each saying what the date is for there', () => {
    const today = withOption('--today');
    expect(today.map((c) => c.name()).sort()).toEqual(['check', 'chronology', 'diff', 'edit', 'history', 'new', 'redact', 'report', 'review', 'summary']);
    for (const command of today) {
      const o = option(command, '--today')!;
      expect(o.flags, command.name()).toBe('--today <date>');
      expect(o.description, command.name()).toMatch(/^the date to treat as today \(YYYY-MM-DD\)/);
      // Checked and defaulted in one place (run-action.ts), never by commander: its default would show in the help.
      expect(o.defaultValue, command.name()).toBeUndefined();
    }
  });

  it('--output, --force (of an output) and --no-color are worded once', () => {
    for (const command of withOption('--output')) {
      expect(option(command, '--output')!.flags, command.name()).toBe('-o, --output <file>');
      expect(option(command, '--force')!.description, command.name()).toBe('replace --output if it exists');
    }
    for (const command of withOption('--no-color')) {
      const expected = command.name() === 'schema' ? 'accepted for consistency; the schema is never coloured' : 'plain output without colour';
      expect(option(command, '--no-color')!.description, command.name()).toBe(expected);
    }
  });
});
