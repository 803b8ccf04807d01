import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBoundRecords } from '../../bench/generate-bounds.mjs';
import { ntk, repoRoot } from './run-ntk.js';

/**
 * Records at the bounds of the format: every free text at the schema's
 * 20,000 characters and all of them different, and a 2 MB file of unknown
 * keys. Each command must finish in near-linear time; the figure is in the
 * benchmark, this bound is only loose enough for a busy machine.
 */
const LOOSE_MS = 60_000;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ntk-bounds-'));
  await writeBoundRecords(dir, repoRoot);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('commands on records at the bounds finish in near-linear time', { timeout: LOOSE_MS + 10_000 }, () => {
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
