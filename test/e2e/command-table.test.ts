import { describe, expect, it } from 'vitest';
import { ntk } from './run-ntk.js';

/**
 * A run that names a command first defines that command alone
 * (src/cli/main.ts); these are the runs that must still see the whole table,
 * and the ones whose output must not tell the difference.
 */
const everyCommand = ['new', 'edit', 'review', 'check', 'report', 'summary', 'diff', 'history', 'compare', 'chronology', 'example', 'redact', 'template', 'schema', 'init', 'completion'];

describe('the command table', () => {
  it('suggests the nearest command for a misspelt one, whatever comes after it', async () => {
    for (const args of [['chek'], ['sumary', 'record.yaml', '--today', '2021-04-01']]) {
      const r = await ntk(args);
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe(`ntk: unknown command '${args[0]}'\n(Did you mean ${args[0] === 'chek' ? 'check' : 'summary'}?)`);
    }
  });

  it('lists every command in `ntk --help`, `ntk help` and `ntk` alone', async () => {
    const help = await ntk(['--help']);
    expect(help.exitCode).toBe(0);
    const listed = [...help.stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]);
    expect(listed).toEqual([...everyCommand, 'help']);
    const asked = await ntk(['help']);
    expect(asked.exitCode).toBe(0);
    expect(asked.stdout).toBe(help.stdout);
    // No command at all is a usage error (cli.md: exit 2), with the help on stderr as its message.
    const none = await ntk([]);
    expect(none.exitCode).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe(help.stdout);
    // Commander answers --help after a name that is no command with the program's help.
    expect((await ntk(['chek', 'fixtures/mary-jo', '--help'])).stdout).toBe(help.stdout);
  });

  it("shows a command's help the same way asked for as `ntk X --help`, `ntk X -h` and `ntk help X`", async () => {
    const help = await ntk(['check', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ntk check \[options\] <paths\.\.\.>\n/);
    expect(help.stdout).toContain('--cache');
    for (const args of [['check', '-h'], ['help', 'check'], ['check', 'fixtures/mary-jo', '--strict', '--help']]) {
      const r = await ntk(args);
      expect(r.exitCode, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toBe(help.stdout);
    }
  });

  it('answers --version and suggests an option after a command name, from the program and the command', async () => {
    expect((await ntk(['check', 'fixtures/mary-jo', '--version'])).stdout).toMatch(/^\d+\.\d+\.\d+/);
    const r = await ntk(['check', 'fixtures/mary-jo', '--stric']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe("ntk: unknown option '--stric'\n(Did you mean --strict?)");
  });

  it('completes every command people use, not only the one named (completion)', async () => {
    const r = await ntk(['completion', 'bash']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`compgen -W "${everyCommand.join(' ')} --help --version"`);
    for (const command of everyCommand) expect(r.stdout).toContain(`\n    ${command}) opts="`);
  });
});
