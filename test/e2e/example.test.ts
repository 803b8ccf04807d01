import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk, repoRoot } from './run-ntk.js';

let dir: string;
let out: string;
let readme: string;
const demote = (md: string, levels: number) => md.replace(/^(#+) /gm, (_m, h: string) => `${h}${'#'.repeat(levels)} `).trimEnd();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ntk-example-'));
  out = join(dir, 'mary-jo');
  const r = await ntk(['example', '--out', out]);
  expect(r.exitCode).toBe(0);
  expect(r.stderr).toContain('wrote');
  readme = await readFile(join(out, 'README.md'), 'utf8');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ntk example', () => {
  it('writes the records unchanged and a README', async () => {
    expect((await readdir(out)).filter((f) => !f.endsWith('.html')).sort()).toEqual(['MJ-01-2020-09-29.yaml', 'MJ-01-2020-12-15.yaml', 'MJ-01-2021-03-16.yaml', 'MJ-02-2020-09-29.yaml', 'README.md']);
    for (const f of ['MJ-01-2020-09-29.yaml', 'MJ-02-2020-09-29.yaml']) {
      expect(await readFile(join(out, f), 'utf8')).toBe(await readFile(join(repoRoot, 'fixtures/mary-jo', f), 'utf8'));
    }
    expect((await ntk(['check', out, '--today', '2021-04-01'])).exitCode).toBe(0);
  });

  it('tells the story first and ends with the questions for discussion', async () => {
    const story = await readFile(join(repoRoot, 'fixtures/mary-jo/story.md'), 'utf8');
    expect(readme.startsWith(story.slice(0, story.indexOf('## Questions for discussion')).trimEnd())).toBe(true);
    const headings = readme.match(/^## .*/gm) ?? [];
    expect(headings.slice(-7)).toEqual([
      '## What ntk shows',
      '## The summary sheets',
      '## What changed at each review',
      '## Over time',
      '## Side by side',
      "## The household's chronology",
      '## Questions for discussion',
    ]);
  });

  it('holds exactly what ntk prints for the same records, so it cannot disagree with the tool', async () => {
    const diff = await ntk(['diff', 'MJ-01-2020-09-29.yaml', 'MJ-01-2020-12-15.yaml', '--format', 'markdown'], { cwd: out });
    expect(readme).toContain(demote(diff.stdout, 3));
    const summary = await ntk(['summary', 'MJ-01-2021-03-16.yaml', '--format', 'markdown', '--evidence', '--today', '2021-03-16'], { cwd: out });
    expect(readme).toContain(demote(summary.stdout, 3));
    const history = await ntk(['history', '.', '--child', 'MJ-01', '--format', 'markdown', '--no-git'], { cwd: out });
    expect(readme).toContain(demote(history.stdout, 2));
    const compare = await ntk(['compare', '.', '--household', 'H-MJ', '--on', '2020-09-29', '--format', 'markdown'], { cwd: out });
    expect(compare.exitCode).toBe(0);
    expect(readme).toContain(demote(compare.stdout, 2));
    expect(readme).toContain("Tyler's emotional warmth is 1, 1; Mary Jo's 2, 2 (sections 4.1, 4.2): is care different between them?");
    const chronology = await ntk(['chronology', '.', '--household', 'H-MJ', '--no-git', '--today', '2021-03-16', '--format', 'markdown'], { cwd: out });
    expect(chronology.exitCode).toBe(0);
    expect(readme).toContain(demote(chronology.stdout, 2));
    expect(readme).toContain("Wayne (mother's partner (Tyler's father)) moved back in");
  });

  it('writes a page to print for every summary sheet and review diff, linked from the README by relative links', async () => {
    const pages = (await readdir(out)).filter((f) => f.endsWith('.html')).sort();
    expect(pages).toEqual([
      'compare-H-MJ.html',
      'diff-MJ-01-2020-09-29-to-MJ-01-2020-12-15.html',
      'diff-MJ-01-2020-12-15-to-MJ-01-2021-03-16.html',
      'summary-MJ-01-2020-09-29.html',
      'summary-MJ-01-2020-12-15.html',
      'summary-MJ-01-2021-03-16.html',
      'summary-MJ-02-2020-09-29.html',
    ]);
    const links = [...readme.matchAll(/\]\(([^)]+\.html)\)/g)].map((m) => m[1]);
    expect([...links].sort()).toEqual(pages);
    // Each page is exactly what ntk prints for the same record(s) on the day.
    const summary = await ntk(['summary', 'MJ-01-2020-12-15.yaml', '--format', 'html', '--today', '2020-12-15'], { cwd: out });
    expect((await readFile(join(out, 'summary-MJ-01-2020-12-15.html'), 'utf8')).trimEnd()).toBe(summary.stdout);
    const diff = await ntk(['diff', 'MJ-01-2020-09-29.yaml', 'MJ-01-2020-12-15.yaml', '--format', 'html'], { cwd: out });
    expect((await readFile(join(out, 'diff-MJ-01-2020-09-29-to-MJ-01-2020-12-15.html'), 'utf8')).trimEnd()).toBe(diff.stdout);
    expect(readme).toContain('made by `ntk diff MJ-01-2020-09-29.yaml MJ-01-2020-12-15.yaml --format html`');
  });

  it('refuses a folder that is not empty without --force (exit 2), and writes into it with --force', async () => {
    const again = await ntk(['example', '--out', out]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('is not empty; choose a new folder or add --force');
    await writeFile(join(out, 'README.md'), 'edited by a trainer\n');
    expect((await ntk(['example', 'mary-jo', '--out', out, '--force'])).exitCode).toBe(0);
    expect(await readFile(join(out, 'README.md'), 'utf8')).toBe(readme);
  });

  it('writes into an empty folder and refuses an unknown example', async () => {
    const empty = join(dir, 'empty');
    await mkdir(empty);
    expect((await ntk(['example', '--out', empty])).exitCode).toBe(0);
    const unknown = await ntk(['example', 'nobody', '--out', join(dir, 'n')]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('there is no example called "nobody" (available: mary-jo)');
  });
});
