import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzRuns, mutatedRecordText, structurallyMutatedRecord } from '../support/fuzz-pipeline.js';
import { ntk, repoRoot } from './run-ntk.js';

/** A few fuzz cases through the built bin (check, summary, diff), so argument handling, file reading and exit codes are covered too. */
describe('fuzzing the built ntk', () => {
  let dir = '';
  let files: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-fuzz-bin-'));
    // A process per case is slow: a hundredth of the in-process runs (3 of each kind in npm test, 30 in npm run fuzz).
    const n = Math.max(3, Math.floor(fuzzRuns(0) / 100));
    const cases: (string | Uint8Array)[] = [
      ...fc.sample(mutatedRecordText, n),
      ...fc.sample(structurallyMutatedRecord, n),
      ...fc.sample(fc.uint8Array({ maxLength: 3000 }), n),
    ];
    files = await Promise.all(
      cases.map(async (content, i) => {
        const name = `case-${String(i).padStart(3, '0')}.yaml`;
        await writeFile(join(dir, name), content);
        return name;
      }),
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const humane = (stderr: string) => {
    expect(stderr).not.toMatch(/^\s+at .+:\d+/m);
    expect(stderr).not.toMatch(/unexpected problem/);
  };

  it('check gives every case a result in one batch: exit 0 or 1, never a crash', async () => {
    const run = await ntk(['check', '.', '--today', '2021-04-01'], { cwd: dir });
    expect([0, 1]).toContain(run.exitCode);
    humane(run.stderr);
    expect(run.stdout).toMatch(new RegExp(`${files.length} files checked`));
  });

  it('diff against Mary Jo\'s first toolkit ends each case with exit 0 or 1 and a message, never a crash', async () => {
    const original = join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml');
    for (const file of files) {
      const run = await ntk(['diff', original, file], { cwd: dir });
      expect([0, 1], `${file}: ${run.stderr}`).toContain(run.exitCode);
      humane(run.stderr);
    }
  });

  it('summary ends each case with exit 0 or 1 and a message, never a crash', async () => {
    for (const file of files) {
      const run = await ntk(['summary', file, '--today', '2021-04-01'], { cwd: dir });
      expect([0, 1], `${file}: ${run.stderr}`).toContain(run.exitCode);
      humane(run.stderr);
      if (run.exitCode === 1) expect(run.stderr).toMatch(/error/);
    }
  });
});
