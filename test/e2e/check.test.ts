import { execa } from 'execa';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRecords } from '../../bench/generate-records.mjs';
import { ntk, ntkBin } from './run-ntk.js';

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

describe('ntk check --strict and completeness', () => {
  it("fails an initial toolkit with no child's voice, naming it; without --strict it is a warning", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ntk-complete-'));
    try {
      const file = join(dir, 'A1-2020-09-21.yaml');
      await writeFile(
        file,
        `format: neglect-toolkit/1
template: nscp-ncscp/2021
child: {ref: A1}
assessment:
  type: initial
  completed: 2020-09-21
  sessions: [{date: 2020-09-10, type: unannounced-visit, seen_alone: true}]
areas:
  physical-care:
    sections: {"1.1": {score: 2}}
summary: {decision: single-agency, next_review: 2020-12-01}
`,
      );
      const strict = await ntk(['check', file, '--strict', '--today', '2020-10-01']);
      expect(strict.exitCode).toBe(1);
      expect(strict.stdout).toMatch(/warning child_voice +the child's voice is not recorded.*child-voice-missing/);
      const lenient = await ntk(['check', file, '--today', '2020-10-01']);
      expect(lenient.exitCode).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('ntk check progress', () => {
  it('shows files done, total and rate on a terminal, then clears the line; a pipe gets none', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ntk-progress-'));
    try {
      await writeRecords(folder, 120);
      const command = [process.execPath, ntkBin, 'check', folder, '--today', '2025-01-01', '--quiet'].map((a) => `'${a}'`).join(' ');
      // util-linux script(1) runs the command on a pseudo-terminal and passes on everything it draws.
      const onTerminal = await execa('script', ['-q', '-e', '-c', command, '/dev/null'], { reject: false, env: { ...process.env, NO_COLOR: '1' } });
      const drawn = onTerminal.stdout;
      expect(drawn).toMatch(/checked \d+\/1\d\d files \(\d+\/s\)/);
      expect(drawn).toContain('checked 120/120 files');
      // Cleared before the summary, which stands on a clean line.
      expect(drawn).toMatch(/\r\u001b\[2K\S*\s*120 files checked/);
      const piped = await ntk(['check', folder, '--today', '2025-01-01', '--quiet']);
      expect(piped.stderr).toBe('');
      expect(piped.stdout).not.toContain('checked 120/120');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
