import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../support/csv.js';
import { ntk } from './run-ntk.js';

let work: string;
// A folder name with a comma, quotes and a line break: it reaches the CSV through the file column.
const awkward = 'team "North", east\nside';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ntk-report-'));
  await cp('fixtures/mary-jo', join(work, awkward), { recursive: true, filter: (src) => !src.endsWith('.md') });
  await writeFile(join(work, 'broken.yaml'), 'format: neglect-toolkit/1\nchild: [\n');
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('ntk report', () => {
  it('shows one row per child from the latest record, with prompts, overdue days and totals', async () => {
    const r = await ntk(['report', 'fixtures/mary-jo', '--today', '2021-04-01', '--no-color']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('2 children (latest record each; 4 files read)');
    // Drift across Mary Jo's three toolkits: actions of the March plan past their dates, home conditions at 3 three times.
    expect(r.stdout).toMatch(/MJ-01 +H-MJ +2021-03-16 review +1\.2 5\.2 6\.1 6\.3 7\.1 +domestic-abuse-reminder drift-action-overdue drift-no-improvement +early-help +2021-06-15 +-/);
    expect(r.stdout).toMatch(/MJ-02 .*domestic-abuse-reminder drift-action-overdue drift-review-late +early-help +2020-12-15 +107 days/);
    expect(r.stdout).toMatch(/^ {2}drift-action-overdue +2 of 2$/m);
    expect(r.stdout).toMatch(/^ {2}differential-care +0 of 2$/m);
    expect(r.stdout).toMatch(/early-help +█+ 2/);
    expect(r.stdout).toMatch(/Family and relationships +[▂▄▆█]+ +1:0 2:2 3:4 4:0/);
    expect(r.stderr).toBe('');
  });

  it('counts differential care between siblings assessed at the same time, and not between toolkits far apart', async () => {
    const together = await ntk(['report', 'fixtures/mary-jo/MJ-01-2020-09-29.yaml', 'fixtures/mary-jo/MJ-02-2020-09-29.yaml', '--today', '2020-10-01', '--format', 'json']);
    const json = JSON.parse(together.stdout) as { rows: { ref: string; prompts: string[] }[]; totals: { byPrompt: { code: string; children: number }[] } };
    expect(json.rows.map((row) => [row.ref, row.prompts.includes('differential-care'), row.prompts.includes('household-wide-differs')])).toEqual([
      ['MJ-01', true, false],
      ['MJ-02', true, false],
    ]);
    expect(json.totals.byPrompt.find((p) => p.code === 'differential-care')?.children).toBe(2);
    // Mary Jo's latest toolkit (March 2021) is months after Tyler's: far apart, so never compared. (A record completed after --today is an error, so today comes after them all.)
    const apart = await ntk(['report', 'fixtures/mary-jo', '--today', '2021-04-01', '--format', 'json']);
    expect((JSON.parse(apart.stdout) as typeof json).rows.some((row) => row.prompts.includes('differential-care'))).toBe(false);
  });

  it('filters and sorts', async () => {
    const overdue = await ntk(['report', 'fixtures/mary-jo', '--today', '2021-04-01', '--overdue', '--format', 'json']);
    expect((JSON.parse(overdue.stdout) as { rows: { ref: string }[] }).rows.map((row) => row.ref)).toEqual(['MJ-02']);
    const area = await ntk(['report', 'fixtures/mary-jo', '--today', '2021-04-01', '--area', 'emotional-warmth', '--format', 'json']);
    expect((JSON.parse(area.stdout) as { rows: unknown[] }).rows).toEqual([]);
    const score = await ntk(['report', 'fixtures/mary-jo', '--today', '2021-04-01', '--min-score', '3', '--sort', 'score', '--format', 'csv']);
    expect(parseCsv(score.stdout).map((row) => row[0])).toEqual(['ref', 'MJ-02', 'MJ-01']);
    const decision = await ntk(['report', 'fixtures/mary-jo', '--decision', 'mash', '--format', 'json']);
    expect((JSON.parse(decision.stdout) as { totals: { children: number } }).totals.children).toBe(0);
  });

  it('writes CSV with one header row and text with commas, quotes and newlines intact', async () => {
    const r = await ntk(['report', work, '--today', '2021-04-01', '--format', 'csv']);
    expect(r.exitCode).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]!.slice(0, 11)).toEqual(['ref', 'household', 'completed', 'type', 'decision', 'next_review', 'days_overdue', 'highest_score', 'sections_3_4', 'prompts', 'file']);
    expect(rows[0]).toContain('family-relationships');
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);
    expect(rows[1]![10]).toBe(join(work, awkward, 'MJ-01-2021-03-16.yaml'));
    expect(rows[2]!.slice(0, 8)).toEqual(['MJ-02', 'H-MJ', '2020-09-29', 'initial', 'early-help', '2020-12-15', '107', '4']);
  });

  it('keeps a file name a spreadsheet would run as a formula as text', async () => {
    const folder = join(work, '..', `${work.split('/').pop()}-formula`);
    await mkdir(folder, { recursive: true });
    await cp('fixtures/mary-jo/MJ-02-2020-09-29.yaml', join(folder, '=SUM(1,2).yaml'));
    const r = await ntk(['report', '.', '--today', '2021-04-01', '--format', 'csv'], { cwd: folder });
    expect(r.exitCode).toBe(0);
    expect(parseCsv(r.stdout)[1]![10]).toBe("'=SUM(1,2).yaml");
    await rm(folder, { recursive: true, force: true });
  });

  it('leaves out invalid files, counts them and lists them on stderr, never on stdout', async () => {
    const r = await ntk(['report', work, '--today', '2021-04-01', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as { files: number; skipped: string[]; rows: unknown[] };
    expect(report.files).toBe(5);
    expect(report.skipped).toEqual([join(work, 'broken.yaml')]);
    expect(report.rows).toHaveLength(2);
    expect(r.stderr).toContain('1 of 5 files left out of the report because they have errors');
    expect(r.stderr).toContain('broken.yaml');
  });

  it('refuses an unknown area with exit 2', async () => {
    const r = await ntk(['report', 'fixtures/mary-jo', '--area', 'housing']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--area must be an area key such as physical-care');
  });
});
