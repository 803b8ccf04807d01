import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../support/csv.js';
import { chromiumAvailable, chromiumPath, pdfPageCount, runChromium } from './chromium.js';
import { ntk, repoRoot } from './run-ntk.js';

// --no-git: the fixtures' own commits in this repository are not part of Mary Jo's story.
const base = ['chronology', 'fixtures/mary-jo', '--no-git', '--today', '2021-04-01'];
const artifacts = join(repoRoot, 'test-artifacts');

/** Every session date of Mary Jo's three toolkits, read off the fixture files, oldest first. */
async function maryJoSessionDates(): Promise<string[]> {
  const dates: string[] = [];
  for (const f of ['MJ-01-2020-09-29', 'MJ-01-2020-12-15', 'MJ-01-2021-03-16']) {
    const text = await readFile(join(repoRoot, 'fixtures/mary-jo', `${f}.yaml`), 'utf8');
    dates.push(...[...text.matchAll(/^ {4}- date: (\d{4}-\d{2}-\d{2})$/gm)].map((m) => m[1]!));
  }
  return dates.sort();
}

interface ChronologyJson {
  children: { ref: string }[];
  days: { date: string; events: { kind: string; refs: string[]; flags: string[]; name?: string; change?: string; back?: boolean }[] }[];
  flags: { code: string; ref: string; date: string; section?: string; name?: string }[];
}

describe("ntk chronology on Mary Jo's Story", () => {
  it('lists every session of her three toolkits in date order, and flags Wayne moving back in and 5.2 slipping back (JSON)', async () => {
    const r = await ntk([...base, '--child', 'MJ-01', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as ChronologyJson;
    const sessions = json.days.flatMap((d) => d.events.filter((e) => e.kind === 'session').map(() => d.date));
    expect(sessions).toEqual(await maryJoSessionDates());
    expect(json.days.map((d) => d.date)).toEqual([...json.days.map((d) => d.date)].sort());
    expect(json.flags.find((f) => f.code === 'moved-back-in')).toMatchObject({ ref: 'MJ-01', date: '2021-03-16', name: 'Wayne' });
    expect(json.flags.find((f) => f.code === 'slipped-back' && f.section === '5.2')).toMatchObject({ date: '2021-03-16' });
    expect(json.flags.filter((f) => f.code === 'drift-no-improvement').map((f) => f.section)).toEqual(['1.2']);
    expect(json.flags.filter((f) => f.code === 'drift-action-overdue').map((f) => f.date)).toEqual(['2021-03-19', '2021-03-23', '2021-03-31', '2021-03-31']);
  });

  it('groups events by date on a terminal, with the flags first, readable without colour', async () => {
    const r = await ntk([...base, '--household', 'H-MJ'], { env: { NO_COLOR: '1' } });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(r.stdout).toMatch(/^Chronology - Mary Jo \(MJ-01\), Tyler \(MJ-02\)$/m);
    expect(flat).toContain("⚠ Moved back in: Wayne (mother's partner (Tyler's father)) lives with Mary Jo again, recorded 16 March 2021");
    expect(flat).toContain("⚠ Slipped back: Mary Jo's 5.2 Parental conflict went from 2 to 3, worse again after improving");
    expect(flat).toContain("⚠ Drift: Tyler's review planned for 15 December 2020 has not been held (107 days overdue)");
    // One visit that saw both children is one event naming both.
    expect(flat).toContain('17 September 2020 [session] Mary Jo, Tyler: Unannounced visit led by Designated safeguarding lead (dsl1)');
    expect(flat).toContain('[family] Mary Jo: Wayne (mother\'s partner (Tyler\'s father)) moved out');
    expect(flat).toContain('[decision] Mary Jo, Tyler: Decision: Request for support to Early Help');
    expect(flat).toMatch(/\[toolkit\] Mary Jo: Review completed \(of the toolkit of 15 December 2020\) - slipped back: [\d., ]*5\.2/);
  });

  it('keeps to --from, --to and --kind', async () => {
    const r = await ntk([...base, '--child', 'MJ-01', '--from', '2021-03-01', '--to', '2021-03-10', '--kind', 'session', '--format', 'json']);
    const json = JSON.parse(r.stdout) as ChronologyJson;
    expect(json.days.map((d) => d.date)).toEqual(['2021-03-02', '2021-03-04', '2021-03-09']);
    const bad = await ntk([...base, '--kind', 'sessions']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--kind takes a comma-separated list of session, assessment');
    expect((await ntk([...base, '--from', '2021-13-01'])).exitCode).toBe(2);
    expect((await ntk([...base, '--child', 'NOBODY'])).exitCode).toBe(2);
  });

  it('writes Markdown with a heading per date and the flags first', async () => {
    const r = await ntk([...base, '--household', 'H-MJ', '--format', 'markdown']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^# Chronology: Mary Jo \(MJ-01\), Tyler \(MJ-02\)$/m);
    expect(r.stdout.indexOf('## To look at again')).toBeLessThan(r.stdout.indexOf('## 9 September 2020'));
    expect(r.stdout).toContain("- **⚠** *family* - Mary Jo: Wayne (mother's partner (Tyler's father)) moved back in");
  });

  it('writes one CSV row per event, oldest first', async () => {
    const r = await ntk([...base, '--household', 'H-MJ', '--format', 'csv']);
    expect(r.exitCode).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['date', 'kind', 'children', 'event', 'detail', 'flags']);
    const dates = rows.slice(1).map((row) => row[0]!);
    expect(dates).toEqual([...dates].sort());
    expect(rows).toContainEqual(expect.arrayContaining(['2021-03-16', 'family', 'MJ-01', 'moved-back-in']));
    const json = JSON.parse((await ntk([...base, '--household', 'H-MJ', '--format', 'json'])).stdout) as ChronologyJson;
    expect(rows.length - 1).toBe(json.days.reduce((n, d) => n + d.events.length, 0));
  });

  it('lists its formats in --help', async () => {
    const r = await ntk(['chronology', '--help']);
    expect(r.stdout).toMatch(/"terminal", "markdown", "csv",\s+"json", "html"/);
  });
});

describe('ntk chronology with git history', () => {
  let repo = '';
  const gitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', GIT_AUTHOR_DATE: '2020-10-01T12:00:00Z', GIT_COMMITTER_DATE: '2020-10-01T12:00:00Z' };
  const git = (args: string[], env: Record<string, string> = {}) => execa('git', args, { cwd: repo, env: { ...gitEnv, ...env } });
  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'ntk-chrono-git-'));
    await git(['init', '--quiet', '--initial-branch=main']);
    await git(['config', 'user.name', 'Test Practitioner']);
    await git(['config', 'user.email', 'practitioner@example.org']);
    const record = await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml'), 'utf8');
    await writeFile(join(repo, 'MJ-01.yaml'), record);
    await git(['add', '-A']);
    await git(['commit', '--quiet', '-m', 'Initial toolkit']);
    await writeFile(join(repo, 'MJ-01.yaml'), record.replace('decision: early-help', 'decision: mash'));
    await git(['commit', '--quiet', '-am', 'Decision after the lead consultation'], { GIT_AUTHOR_DATE: '2020-10-02T12:00:00Z', GIT_COMMITTER_DATE: '2020-10-02T12:00:00Z' });
  });
  afterAll(async () => {
    if (repo) await rm(repo, { recursive: true, force: true });
  });

  it('adds each commit, with its author and what it changed, on its date', async () => {
    const r = await ntk(['chronology', '.', '--today', '2020-10-03', '--kind', 'change', '--format', 'csv'], { cwd: repo });
    expect(r.exitCode, r.stderr).toBe(0);
    const rows = parseCsv(r.stdout).slice(1);
    expect(rows.map((row) => [row[0], row[1]])).toEqual([
      ['2020-10-01', 'change'],
      ['2020-10-02', 'change'],
    ]);
    expect(rows[1]![3]).toMatch(/^Commit [0-9a-f]{7} by Test Practitioner "Decision after the lead consultation": .*decision early-help -> mash/);
  });
});

const skipBrowser = !chromiumAvailable && !process.env.CI;
if (skipBrowser) console.warn(`SKIPPED the Chromium print test of ntk chronology: ${chromiumPath} is not installed.`);

describe.skipIf(skipBrowser)('ntk chronology --format html in headless Chromium', () => {
  it('prints the household\'s chronology on A4 pages, self-contained', { timeout: 90_000 }, async () => {
    await mkdir(artifacts, { recursive: true });
    const html = join(artifacts, 'chronology-H-MJ.html');
    const r = await ntk([...base, '--household', 'H-MJ', '--format', 'html', '--output', html, '--force']);
    expect(r.exitCode, r.stderr).toBe(0);
    const page = await readFile(html, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/<script|\b(src|href)\s*=/i);
    expect(page).toContain('To look at again');
    const pdf = join(artifacts, 'chronology-H-MJ.pdf');
    await runChromium(html, [`--print-to-pdf=${pdf}`, '--no-pdf-header-footer']);
    const bytes = await readFile(pdf);
    const pages = pdfPageCount(bytes);
    // A long household history runs over several pages; each is A4 portrait.
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(12);
    const boxes = [...bytes.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes).toEqual(Array.from({ length: pages }, () => [595, 842]));
  });
});
