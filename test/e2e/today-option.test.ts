import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { ntk } from './run-ntk.js';

/** Each command that takes --today, with a made-up value for each argument it requires (never read: --today is checked first). */
const commandsWithToday = buildProgram('0')
  .commands.filter((c) => c.options.some((o) => o.long === '--today'))
  .map((c) => [
    c.name(),
    ...c.registeredArguments.filter((a) => a.required).map(() => 'no-such-record.yaml'),
    ...c.options.filter((o) => o.mandatory).flatMap((o) => [o.long ?? '', 'no-such-folder']),
  ]);

describe('--today, checked in one place for every command', () => {
  it('is offered by the commands that judge records by the date', () => {
    expect(commandsWithToday.map(([name]) => name).sort()).toEqual(['check', 'chronology', 'diff', 'edit', 'history', 'new', 'redact', 'report', 'review', 'summary']);
  });

  for (const command of commandsWithToday) {
    it(`ntk ${command[0]} exits 2 on a date that does not exist, or is not a date`, async () => {
      for (const bad of ['2021-02-30', 'tomorrow']) {
        const r = await ntk([...command, '--today', bad]);
        expect(r.exitCode, bad).toBe(2);
        expect(r.stderr).toBe(`ntk: --today must be a real date written YYYY-MM-DD (got "${bad}")`);
        expect(r.stdout).toBe('');
      }
    });
  }

  it('is the day a completion date is judged against, in the views that only read records too', async () => {
    const review = 'fixtures/mary-jo/MJ-01-2020-12-15.yaml';
    const before = await ntk(['diff', 'fixtures/mary-jo/MJ-01-2020-09-29.yaml', review, '--today', '2020-12-01']);
    expect(before.exitCode).toBe(1);
    expect(before.stderr).toContain('completed-in-future');
    const after = await ntk(['diff', 'fixtures/mary-jo/MJ-01-2020-09-29.yaml', review, '--today', '2020-12-15']);
    expect(after.exitCode).toBe(0);
  });
});
