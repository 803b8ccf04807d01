import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ntk, repoRoot } from './run-ntk.js';

/**
 * Records at the bounds of the format: every free text at the schema's
 * 20,000 characters and all of them different, and a 2 MB file of unknown
 * keys. Each command must finish in near-linear time; the figure is in the
 * benchmark, this bound is only loose enough for a busy machine.
 */
const LOOSE_MS = 60_000;
let dir: string;

function words(seed: number, length: number): string {
  const vocabulary = 'food kitchen school uniform tired breakfast teacher nursery visit mother father bedtime routine homework dentist worried settled friends support plan'.split(' ');
  let s = seed;
  const out: string[] = [];
  for (let n = 0; n < length; ) {
    s = (s * 16807) % 2147483647;
    const w = vocabulary[s % vocabulary.length]!;
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ').slice(0, length).trimEnd();
}

/** Every text field of the record replaced by its own 20,000 characters. */
function longTexts(record: Record<string, any>, seed: number): Record<string, any> {
  let n = seed;
  const text = () => words((n += 7919), 20_000);
  for (const area of Object.values(record.areas as Record<string, any>)) {
    for (const field of ['impact', 'strengths', 'concerns']) area[field] = text();
    for (const section of Object.values(area.sections as Record<string, any>)) section.evidence = text();
  }
  for (const key of ['working_well', 'worried_about', 'needs_to_happen']) record.child_voice[key] = text();
  record.summary.analysis = text();
  return record;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ntk-bounds-'));
  const source = await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml'), 'utf8');
  await writeFile(join(dir, 'old.yaml'), stringify(longTexts(parse(source), 1), { lineWidth: 0 }));
  await writeFile(join(dir, 'new.yaml'), stringify(longTexts(parse(source).valueOf(), 2), { lineWidth: 0 }).replace('completed: 2020-09-29', 'completed: 2020-09-30'));
  const keys: string[] = [];
  for (let i = 0, size = source.length; size < 2 * 1024 * 1024 - 64; i++) {
    const line = `x${i.toString(36)}: 1\n`;
    keys.push(line);
    size += line.length;
  }
  await writeFile(join(dir, 'unknown-keys.yaml'), source + keys.join(''));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('commands on records at the bounds finish in near-linear time', () => {
  it('the long-text records are valid and as long as the schema allows', async () => {
    const r = await ntk(['check', dir + '/old.yaml', dir + '/new.yaml', '--format', 'json'], { timeout: LOOSE_MS });
    expect(JSON.parse(r.stdout).findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('diff of two records whose every long text differs shows them as rewritten', async () => {
    const r = await ntk(['diff', join(dir, 'old.yaml'), join(dir, 'new.yaml'), '--format', 'json'], { timeout: LOOSE_MS });
    expect(r.exitCode, r.stderr).toBe(0);
    const text = (JSON.parse(r.stdout) as { text: { rewritten: boolean }[] }).text;
    expect(text.length).toBeGreaterThan(40);
    expect(text.every((t) => t.rewritten)).toBe(true);
  });

  it.each([['summary'], ['history'], ['report']])('%s of a long-text record', async (command) => {
    const r = await ntk([command!, join(dir, 'new.yaml'), ...(command === 'history' ? ['--no-git'] : [])], { timeout: LOOSE_MS });
    expect(r.exitCode, r.stderr).toBe(0);
  });

  it('check of a 2 MB record of unknown keys lists the first thousand and counts the rest', async () => {
    const r = await ntk(['check', join(dir, 'unknown-keys.yaml'), '--format', 'json'], { timeout: LOOSE_MS });
    expect(r.exitCode).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: { code: string; message: string }[] }).findings;
    expect(findings).toHaveLength(1001);
    expect(findings.find((f) => f.code === 'too-many-problems')?.message).toMatch(/^and \d{6} more problems/);
  });
});
