import { execa } from 'execa';
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntkBin, repoRoot } from './run-ntk.js';

/** Trials of two real `ntk edit` processes started together on one record; NTK_RACE_TRIALS raises it. */
const trials = Number(process.env.NTK_RACE_TRIALS ?? 30);

const edits = [
  { by: 'dent1', marker: 'Dentist-marker', answers: 'areas:\n  health-development:\n    sections:\n      "2.1":\n        score: 2\n        evidence: Dentist-marker filling done.\n' },
  { by: 'sw2', marker: 'Social-worker-marker', answers: 'areas:\n  physical-care:\n    sections:\n      "1.1":\n        score: 2\n        evidence: Social-worker-marker fridge full.\n' },
];

describe('two agencies editing one record at the same moment', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-race-'));
    for (const [i, e] of edits.entries()) await writeFile(join(dir, `answers-${i}.yaml`), e.answers);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(`never loses an edit that reported success (${trials} trials)`, async () => {
    const file = join(dir, 'MJ-01-2020-09-29.yaml');
    let lost = 0;
    let bothWrote = 0;
    const refusals = new Set<string>();
    for (let trial = 0; trial < trials; trial++) {
      await copyFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml'), file);
      const runs = await Promise.all(
        edits.map((e, i) =>
          execa('node', [ntkBin, 'edit', file, '--by', e.by, '--answers', join(dir, `answers-${i}.yaml`), '--today', '2021-04-01'], { reject: false, stdin: 'ignore', timeout: 30_000 }),
        ),
      );
      const text = await readFile(file, 'utf8');
      for (const [i, run] of runs.entries()) {
        if (run.exitCode === 0) {
          if (!text.includes(edits[i]!.marker)) lost++;
        } else {
          // The only acceptable failure: nothing written, the other writer's work kept, exit 3 and a message saying so.
          expect(run.exitCode, String(run.stderr)).toBe(3);
          refusals.add(String(run.stderr).replace(/\S*MJ-01\S*/g, 'FILE'));
        }
      }
      if (runs.every((r) => r.exitCode === 0)) bothWrote++;
      // No temporary file or lock is left beside the record.
      expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
    }
    console.log(`racing edits: ${trials} trials, ${lost} edits lost, ${bothWrote} trials where both wrote one after the other; refusals: ${[...refusals].join(' | ')}`);
    expect(lost).toBe(0);
  }, 600_000);
});
