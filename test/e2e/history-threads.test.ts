import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHistoryRepo } from '../../bench/generate-history-repo.mjs';
import { ntk } from './run-ntk.js';

let repo: string;

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'ntk-history-threads-'));
  // 300 distinct contents: enough for history to share them with a worker thread; one child's 150 are checked on one.
  writeHistoryRepo(repo, { children: 2, commits: 300 });
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('ntk history over many commits', () => {
  it('gives a child the same history whether its versions were checked by the worker thread or by one thread', async () => {
    const folder = await ntk(['history', 'records', '--format', 'json'], { cwd: repo });
    const file = await ntk(['history', 'records/C-000001.yaml', '--format', 'json'], { cwd: repo });
    expect(folder.exitCode).toBe(0);
    expect(file.exitCode).toBe(0);
    const { children } = JSON.parse(folder.stdout) as { children: { ref: string; changes: unknown[] }[] };
    expect(children.map((c) => c.ref)).toEqual(['C-000000', 'C-000001']);
    expect(children[1]!.changes).toHaveLength(150);
    expect(children[1]).toEqual((JSON.parse(file.stdout) as { children: unknown[] }).children[0]);
  });
});
