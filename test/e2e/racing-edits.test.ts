import { execa } from 'execa';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editDraft } from '../../src/interview/draft.js';
import { saveDraft } from '../../src/interview/draft-file.js';
import type { PlainRecord } from '../../src/record/plain-data.js';
import { settleWithoutTerminal } from '../../src/interview/settle.js';
import { DEFAULT_TEMPLATE_ID, findTemplate } from '../../src/template/load-template.js';
import { ntk, ntkBin, repoRoot } from './run-ntk.js';

/** Trials of two real `ntk edit` processes started together on one record; NTK_RACE_TRIALS raises it. */
const trials = Number(process.env.NTK_RACE_TRIALS ?? 20);

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

  /** Someone else's edit arriving by a shared drive or `git pull`: made on their copy, then saved over this one. */
  async function otherEdit(file: string, by: string, answers: string): Promise<void> {
    const theirs = join(dir, 'their-copy', 'MJ-01-2020-09-29.yaml');
    await mkdir(join(dir, 'their-copy'), { recursive: true });
    await copyFile(file, theirs);
    const r = await ntk(['edit', theirs, '--by', by, '--answers', answers, '--today', '2021-04-01']);
    expect(r.exitCode, r.stderr).toBe(0);
    await copyFile(theirs, file);
  }

  /**
   * An edit interrupted at a terminal on its check screen, every question answered: its draft, as
   * `ntk edit FILE --by dent1` leaves it after the dentist's answers. (Resuming a draft with questions
   * still to answer needs a terminal, and this test has none.)
   */
  async function interruptedEdit(file: string): Promise<void> {
    const record = parse(await readFile(file, 'utf8')) as PlainRecord;
    const answers = parse(edits[0]!.answers) as PlainRecord;
    const { draft } = settleWithoutTerminal(editDraft(record, { file, areas: [], by: 'dent1', answers }), { template: findTemplate(DEFAULT_TEMPLATE_ID)!, today: '2021-04-01' });
    await saveDraft(file.replace(/\.yaml$/, '.edit.draft.yaml'), draft);
  }

  it('resuming an edit after someone else saved another area keeps both', async () => {
    const file = join(dir, 'resume', 'MJ-01-2020-09-29.yaml');
    await mkdir(join(dir, 'resume'), { recursive: true });
    await copyFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml'), file);
    await interruptedEdit(file);
    // The social worker saves physical care meanwhile.
    await otherEdit(file, 'sw2', join(dir, 'answers-1.yaml'));
    const resumed = await ntk(['edit', file, '--resume', '--today', '2021-04-01']);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('their changes are kept and yours are added to them');
    const text = await readFile(file, 'utf8');
    expect(text).toContain(edits[0]!.marker);
    expect(text).toContain(edits[1]!.marker);
    const ids = ((parse(text) as any).assessment.contributors as { id: string }[]).map((c) => c.id);
    expect(ids.slice(-2)).toEqual(['sw2', 'dent1']);
    expect((await ntk(['check', file, '--today', '2021-04-01'])).exitCode).toBe(0);
  });

  it('resuming an edit after someone else saved the same area is refused, and their version kept', async () => {
    const file = join(dir, 'clash', 'MJ-01-2020-09-29.yaml');
    await mkdir(join(dir, 'clash'), { recursive: true });
    await copyFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml'), file);
    await interruptedEdit(file);
    await writeFile(join(dir, 'nurse.yaml'), 'areas:\n  health-development:\n    sections:\n      "2.1":\n        score: 3\n        evidence: Nurse-marker.\n');
    await otherEdit(file, 'sn1', join(dir, 'nurse.yaml'));
    const theirs = await readFile(file, 'utf8');
    const resumed = await ntk(['edit', file, '--resume', '--today', '2021-04-01']);
    expect(resumed.exitCode).toBe(2);
    expect(resumed.stderr).toMatch(/changed by someone else since this edit began, in the same area \(health-development\); nothing was written/);
    expect(await readFile(file, 'utf8')).toBe(theirs);
  });
});
