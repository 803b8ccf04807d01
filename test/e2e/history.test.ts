import { describe, expect, it } from 'vitest';
import { ntk } from './run-ntk.js';

// --no-git: the fixtures' own commits in this repository are not part of Mary Jo's story.
const base = ['history', 'fixtures/mary-jo', '--no-git'];

describe('ntk history on Mary Jo\'s Story', () => {
  it('shows a sparkline and trend per section on a terminal, readable without colour', async () => {
    const r = await ntk([...base, '--child', 'MJ-01'], { env: { NO_COLOR: '1' } });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toContain('3 toolkits, 29 September 2020 to 16 March 2021');
    expect(r.stdout).toMatch(/^ {2}1\.1 Food and feeding +█▄▄ {2}4 2 2 +★ sustained$/m);
    expect(r.stdout).toMatch(/^ {2}5\.2 Parental conflict +▆▄▆ {2}3 2 3 +⚠ slipped back$/m);
    expect(r.stdout).toMatch(/⚠ Slipped back - worse again after improving: 4\.3 Play and stimulation, 5\.2 Parental conflict/);
    expect(r.stdout).not.toContain('Tyler (MJ-02)');
    expect(r.stdout).toMatch(/^1 Physical care +█▆▆ {2}highest 4 -> 3 -> 3 · 4 of 4 -> 1 of 4 -> 1 of 4 at 3-4 {2}★ sustained$/m);
    expect(r.stdout).not.toContain('average');
  });

  it('draws a Mermaid xychart per area in Markdown', async () => {
    const r = await ntk([...base, '--child', 'MJ-01', '--format', 'markdown']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.match(/```mermaid\nxychart-beta\n/g)).toHaveLength(7);
    // Ordinal scores are never averaged: each area is read by its highest score and the pattern beneath it.
    expect(r.stdout).toContain('    line [4, 3, 3]');
    expect(r.stdout).toContain('| *Highest* | 🟥 4 | 🟧 3 | 🟧 3 | sustained |');
    expect(r.stdout).toContain('| *At 3 or 4* | 4 of 4 | 1 of 4 | 1 of 4 | |');
    expect(r.stdout).not.toMatch(/average|\d\.\d\d/i);
    expect(r.stdout).toContain('| 5.2 Parental conflict | 🟧 3 | 🟨 2 | 🟧 3 | ⚠ **slipped back** |');
  });

  it('writes one CSV row per child, toolkit and section', async () => {
    const r = await ntk([...base, '--format', 'csv']);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('child_ref,completed,type,area,section,section_title,score,trend,file,commit,author,commit_date');
    // Mary Jo: 3 toolkits x 23 sections; Tyler: 1 toolkit x his scored sections.
    expect(lines.filter((l) => l.startsWith('MJ-01,'))).toHaveLength(69);
    expect(lines).toContain('MJ-01,2021-03-16,review,family-relationships,5.2,Parental conflict,3,slipped-back,fixtures/mary-jo/MJ-01-2021-03-16.yaml,,,');
  });

  it('gives both children in JSON, and nothing else on stdout', async () => {
    const r = await ntk([...base, '--format', 'json']);
    const json = JSON.parse(r.stdout) as { children: { ref: string; points: unknown[] }[] };
    expect(json.children.map((c) => [c.ref, c.points.length])).toEqual([
      ['MJ-01', 3],
      ['MJ-02', 1],
    ]);
  });

  it('exits 2 when no records are found', async () => {
    const r = await ntk([...base, '--child', 'NOBODY']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('no records of NOBODY');
  });
});
