import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialToReview1 } from '../unit/fixture-records.js';
import { ntk } from './run-ntk.js';

const initial = 'fixtures/mary-jo/MJ-01-2020-09-29.yaml';
const review1 = 'fixtures/mary-jo/MJ-01-2020-12-15.yaml';
const review2 = 'fixtures/mary-jo/MJ-01-2021-03-16.yaml';
const words: Record<string, string> = { improved: 'improved', unchanged: 'unchanged', deteriorated: 'deteriorated' };
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('ntk diff between Mary Jo\'s initial toolkit and her first review', () => {
  it('names every section with its old and new score and change on a terminal, without colour', async () => {
    const r = await ntk(['diff', initial, review1], { env: { NO_COLOR: '1' } });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toContain('Initial toolkit, 29 September 2020 -> Review, 15 December 2020 (77 days)');
    expect(r.stdout).toContain('23 sections: 16 improved, 0 deteriorated, 7 unchanged');
    for (const [section, from, to, change] of initialToReview1) {
      const line = new RegExp(`^  [▼▲=] ${escape(section)} [^\\n]*${from}\\S* -> ${to}\\S*  ${words[change]}`, 'm');
      expect(r.stdout, `section ${section}`).toMatch(line);
    }
    expect(r.stdout).toMatch(/^1 Physical care {2}improved: 3 sections better, 1 the same; highest 4 -> 3$/m);
    expect(r.stdout).toContain('☑ done Optician and replacement glasses (2 November 2020)');
    expect(r.stdout).toContain('☐ still open Parenting group (two sessions left) (by 12 January 2021)');
    expect(r.stdout).toMatch(/Review questions\n  Is the support working and making a difference to the child\?\n    Yes\. Breakfast club/);
    expect(r.stdout).toContain('Any indication of significant harm?');
    expect(r.stdout).toContain('Decision: unchanged - Request for support to Early Help');
  });

  it('names every section in the Markdown table', async () => {
    const r = await ntk(['diff', initial, review1, '--format', 'markdown']);
    expect(r.exitCode).toBe(0);
    for (const [section, from, to, change] of initialToReview1) {
      const row = new RegExp(`^\\| [^|]+ \\| ${escape(section)} [^|]+ \\| \\S+ ${from} \\| \\S+ ${to} \\| \\S+ ${words[change]} \\|$`, 'm');
      expect(r.stdout, `section ${section}`).toMatch(row);
    }
    expect(r.stdout).toContain('## Changed text');
    expect(r.stdout).toContain('- ☐ still open: Parenting group (two sessions left) (by 12 January 2021)');
    expect(r.stdout).toContain('## Review questions\n\n**Is the support working and making a difference to the child?**\n\nYes. Breakfast club');
  });

  it('names every section in the JSON, which is all that is on stdout', async () => {
    const r = await ntk(['diff', initial, review1, '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout) as { from: { completed: string }; to: { completed: string }; daysBetween: number; sections: { area: string; section: string; from: number; to: number; change: string }[] };
    expect(json.from.completed).toBe('2020-09-29');
    expect(json.to.completed).toBe('2020-12-15');
    expect(json.daysBetween).toBe(77);
    expect(json.sections.map((s) => [s.section, s.from, s.to, s.change])).toEqual(initialToReview1);
    expect(json.sections[0]).toMatchObject({ area: 'physical-care', section: '1.1' });
  });
});

describe('ntk diff --exit-code', () => {
  it('exits 0 when nothing deteriorated', async () => {
    expect((await ntk(['diff', initial, review1, '--exit-code', '--format', 'json'])).exitCode).toBe(0);
  });

  it('exits 1 when a section deteriorated, and still prints the diff', async () => {
    const r = await ntk(['diff', review1, review2, '--exit-code', '--no-color']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/▲ 5\.2 Parental conflict\s+2\S* -> 3\S*\s+deteriorated/);
  });

  it('exits 0 without --exit-code even when a section deteriorated', async () => {
    expect((await ntk(['diff', review1, review2, '--format', 'json'])).exitCode).toBe(0);
  });
});

describe('ntk diff usage', () => {
  it('prints an invalid record\'s diagnostics as check does and exits 1', async () => {
    const r = await ntk(['diff', initial, 'fixtures/mary-jo/story.md']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^fixtures\/mary-jo\/story\.md:\d+:\d+ error/m);
    expect(r.stdout).toBe('');
  });

  it('exits 2 for a missing file, a missing second record and --to without --from', async () => {
    expect((await ntk(['diff', initial, 'nope.yaml'])).exitCode).toBe(2);
    const one = await ntk(['diff', initial]);
    expect(one.exitCode).toBe(2);
    expect(one.stderr).toContain('give two records to compare');
    expect((await ntk(['diff', initial, '--to', 'HEAD'])).exitCode).toBe(2);
  });
});

describe('ntk diff --output', () => {
  it('writes a file without colour, and replaces it only with --force', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ntk-diff-'));
    const file = join(dir, 'diff.txt');
    try {
      const r = await ntk(['diff', initial, review1, '--output', file], { env: { FORCE_COLOR: '1' } });
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toBe('');
      const text = await readFile(file, 'utf8');
      expect(text).toContain('23 sections: 16 improved');
      expect(text).not.toContain('\u001b[');
      const again = await ntk(['diff', initial, review1, '--output', file]);
      expect(again.exitCode).toBe(2);
      expect(again.stderr).toContain('add --force');
      expect((await ntk(['diff', initial, review1, '--output', file, '--force', '--format', 'markdown'])).exitCode).toBe(0);
      expect(await readFile(file, 'utf8')).toMatch(/^# Review diff: Mary Jo/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
