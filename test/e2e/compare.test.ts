import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, chromiumPath, pdfPageCount, runChromium } from './chromium.js';
import { ntk, repoRoot } from './run-ntk.js';

const maryJo = 'fixtures/mary-jo/MJ-01-2020-09-29.yaml';
const tyler = 'fixtures/mary-jo/MJ-02-2020-09-29.yaml';
const artifacts = join(repoRoot, 'test-artifacts');

interface CompareJson {
  children: { ref: string; name: string; ageYears: number; completed: string }[];
  farApart: boolean;
  areas: { key: string; sections: { key: string; householdWide: boolean; scores: (number | null)[]; flagged: boolean }[] }[];
  flags: { code: string; area: string; sections?: string[]; section?: string }[];
}

describe("ntk compare on Mary Jo's Story", () => {
  it('marks emotional warmth and health as differential care, as a question, and no household-wide section', async () => {
    const r = await ntk(['compare', maryJo, tyler], { env: { NO_COLOR: '1' } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toMatch(/^ +Mary Jo +Tyler$/m);
    expect(r.stdout).toMatch(/^ +8, initial 29 Sep 2020 +3, initial 29 Sep 2020$/m);
    expect(r.stdout).toMatch(/^ {2}4\.1 Responsiveness +2▄ +1▂ +◆$/m);
    expect(r.stdout).toMatch(/^ {2}2\.3 Development and learning +3▆ +4█ +◆$/m);
    expect(r.stdout).toMatch(/^ {2}5\.2 Parental conflict ⌂ +3▆ +3▆$/m);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain("Tyler's emotional warmth is 1, 1; Mary Jo's 2, 2 (sections 4.1, 4.2): is care different between them?");
    expect(r.stdout.replace(/\s+/g, ' ')).toContain("Mary Jo's health and development is 3, 3; Tyler's 4, 4 (sections 2.2, 2.3): is care different between them?");
    expect(r.stdout).not.toContain('usually the same for every child in the home, but');
    expect(r.stdout).toContain('In their own words');
    expect(r.stdout).toContain('"Mum gives the best cuddles');
  });

  it('gives the facts in JSON, and nothing else on stdout', async () => {
    const r = await ntk(['compare', maryJo, tyler, '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout) as CompareJson;
    expect(json.children.map((c) => [c.ref, c.name, c.ageYears, c.completed])).toEqual([
      ['MJ-01', 'Mary Jo', 8, '2020-09-29'],
      ['MJ-02', 'Tyler', 3, '2020-09-29'],
    ]);
    expect(json.flags.filter((f) => f.code === 'differential-care').map((f) => f.area)).toEqual(['physical-care', 'health-development', 'emotional-warmth']);
    expect(json.flags.filter((f) => f.code === 'household-wide-differs')).toEqual([]);
    const sections = json.areas.flatMap((a) => a.sections);
    expect(sections.filter((s) => s.householdWide).map((s) => [s.key, s.flagged])).toEqual([
      ['1.2', false],
      ['5.1', false],
      ['5.2', false],
      ['5.3', false],
    ]);
  });

  it('writes Markdown with a column per child and the children\'s words side by side', async () => {
    const r = await ntk(['compare', maryJo, tyler, '--format', 'markdown']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('| Section | Mary Jo<br>8, initial 29 Sep 2020 | Tyler<br>3, initial 29 Sep 2020 | |');
    expect(r.stdout).toContain('| 4.1 Responsiveness | 🟨 2 | 🟩 1 | **◆** |');
    expect(r.stdout).toContain('| 5.2 Parental conflict ⌂ | 🟧 3 | 🟧 3 |  |');
    expect(r.stdout).toMatch(/^\| What I am worried about \| "My tooth hurts.* \| Observed: on 17\/9 .* \|$/m);
  });

  it('picks the children of a household from a folder, each at their latest toolkit, and says when they are far apart', async () => {
    const r = await ntk(['compare', 'fixtures/mary-jo', '--household', 'H-MJ', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout) as CompareJson;
    expect(json.children.map((c) => c.completed)).toEqual(['2021-03-16', '2020-09-29']);
    expect(json.farApart).toBe(true);
    const text = await ntk(['compare', 'fixtures/mary-jo', '--household', 'H-MJ'], { env: { NO_COLOR: '1' } });
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('These toolkits are 168 days apart (29 September 2020 to 16 March 2021)');
    const same = await ntk(['compare', 'fixtures/mary-jo', '--household', 'H-MJ', '--on', '2020-10-01', '--format', 'json']);
    expect((JSON.parse(same.stdout) as CompareJson).farApart).toBe(false);
  });

  it('is a usage error with fewer than two children, or a bad --on', async () => {
    const one = await ntk(['compare', maryJo]);
    expect(one.exitCode).toBe(2);
    expect(one.stderr).toContain('at least two children');
    const none = await ntk(['compare', 'fixtures/mary-jo', '--household', 'H-NONE']);
    expect(none.exitCode).toBe(2);
    const bad = await ntk(['compare', maryJo, tyler, '--on', '2021-02-30']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--on must be a real date');
  });

  it('lists its formats in --help', async () => {
    const r = await ntk(['compare', '--help']);
    expect(r.stdout).toMatch(/"terminal", "markdown", "json",\s+"html"/);
    expect((await ntk(['--help'])).stdout).toMatch(/compare .*siblings side by side/);
  });
});

const skipBrowser = !chromiumAvailable && !process.env.CI;
if (skipBrowser) console.warn(`SKIPPED the Chromium print test of ntk compare: ${chromiumPath} is not installed.`);

describe.skipIf(skipBrowser)('ntk compare --format html in headless Chromium', () => {
  let dir = '';
  beforeAll(async () => {
    if (!chromiumAvailable) throw new Error(`${chromiumPath} is not installed; .ci/run installs it (apt-get install chromium)`);
    await mkdir(artifacts, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), 'ntk-compare-'));
    // Four children: Mary Jo and Tyler, and two more made from their records, with their own words kept.
    for (const [file, ref, name] of [
      [maryJo, 'MJ-01', 'Mary Jo'],
      [tyler, 'MJ-02', 'Tyler'],
      [maryJo, 'MJ-03', 'Jade'],
      [tyler, 'MJ-04', 'Leon'],
    ] as const) {
      const text = (await readFile(join(repoRoot, file), 'utf8')).replace(/^ {2}ref: MJ-0\d$/m, `  ref: ${ref}`).replace(/^ {2}name: .*$/m, `  name: ${name}`);
      await writeFile(join(dir, `${ref}.yaml`), text);
    }
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const children of [2, 4]) {
    it(`prints ${children} children on one A4 landscape page`, { timeout: 90_000 }, async () => {
      const files = ['MJ-01', 'MJ-02', 'MJ-03', 'MJ-04'].slice(0, children).map((ref) => join(dir, `${ref}.yaml`));
      const html = join(artifacts, `compare-${children}-children.html`);
      const r = await ntk(['compare', ...files, '--format', 'html', '--output', html, '--force']);
      expect(r.exitCode, r.stderr).toBe(0);
      const page = await readFile(html, 'utf8');
      expect(page).not.toMatch(/<script|\b(src|href)\s*=/i);
      const pdf = join(artifacts, `compare-${children}-children.pdf`);
      await runChromium(html, [`--print-to-pdf=${pdf}`, '--no-pdf-header-footer']);
      const bytes = await readFile(pdf);
      expect(pdfPageCount(bytes)).toBe(1);
      // A4 landscape: 842 x 595 points.
      const boxes = [...bytes.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
      expect(boxes).toEqual([[842, 595]]);
    });
  }
});
