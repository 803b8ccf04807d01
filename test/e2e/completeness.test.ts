import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk, repoRoot } from './run-ntk.js';

/** An initial toolkit complete but for the child's voice: a warning, and with --strict a failure that names it. */
describe('ntk check --strict on an initial toolkit without the child\'s voice', () => {
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-completeness-'));
    const record = parse(await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml'), 'utf8')) as Record<string, unknown>;
    delete record.child_voice;
    file = join(dir, 'MJ-01-2020-09-29.yaml');
    await writeFile(file, stringify(record));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fails, naming the missing voice; without --strict it is a warning and passes', async () => {
    const strict = await ntk(['check', file, '--strict', '--today', '2020-10-01']);
    expect(strict.exitCode).toBe(1);
    expect(strict.stdout).toMatch(/warning child_voice {2}the child's voice is not recorded: .* child-voice-missing/);
    const relaxed = await ntk(['check', file, '--today', '2020-10-01', '--format', 'json']);
    expect(relaxed.exitCode).toBe(0);
    const findings = (JSON.parse(relaxed.stdout) as { findings: { code: string; severity: string }[] }).findings;
    expect(findings.filter((f) => f.severity !== 'prompt').map((f) => [f.code, f.severity])).toEqual([['child-voice-missing', 'warning']]);
  });
});
