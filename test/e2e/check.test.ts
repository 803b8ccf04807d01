import { describe, expect, it } from 'vitest';
import { ntk } from './run-ntk.js';

describe('ntk check', () => {
  it('accepts Mary Jo\'s Story with exit 0 and reports its prompts', async () => {
    const r = await ntk(['check', 'fixtures/mary-jo', '--today', '2021-04-01']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/4 files checked: 0 errors/);
    expect(r.stdout).toContain('domestic-abuse-reminder');
  });

  it('prints the JSON shape of cli.md and nothing else on stdout', async () => {
    const r = await ntk(['check', 'fixtures/mary-jo', '--format', 'json', '--today', '2021-04-01']);
    const parsed = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['files', 'errors', 'warnings', 'prompts', 'findings']);
    expect(parsed.files).toBe(4);
    expect(parsed.errors).toBe(0);
  });

  it('exits 2 for a path that does not exist, with no stack trace', async () => {
    const r = await ntk(['check', 'no/such/folder']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('ntk: no/such/folder: no such file or folder');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('exits 2 for an unknown flag value', async () => {
    const r = await ntk(['check', 'fixtures/mary-jo', '--format', 'xml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("argument 'xml' is invalid");
  });
});
