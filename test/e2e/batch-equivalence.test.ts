import { cp, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordYaml, writeRecords } from '../../bench/generate-records.mjs';
import { decodeCache, encodeCache, ENTRY, ROW, type CacheData } from '../../src/batch/cache-file.js';
import { ntk } from './run-ntk.js';

let work: string;
let records: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ntk-batch-'));
  records = join(work, 'records');
  // ~200 realistic records, every 17th broken in one of several ways, plus a
  // duplicate child-and-date pair and one record completed after --today.
  await writeRecords(records, 200, { invalidEvery: 17 });
  await writeFile(join(records, 'copy-of-C-000003-0.yaml'), recordYaml(3, 0));
  await writeFile(join(records, 'future.yaml'), recordYaml(900, 0).replace(/completed: \S+/, 'completed: 2030-01-01'));
});

/** Written an hour ago: past the window in which a file may change again unseen within the same clock tick. */
const AN_HOUR_AGO = new Date(Date.now() - 60 * 60 * 1000);

/** A copy of the records in a folder of its own, dated an hour ago, so the cache may take them as plainly unchanged. */
async function settledCopy(name: string): Promise<string> {
  const folder = join(work, name);
  await cp(records, folder, { recursive: true });
  for (const file of await readdir(folder)) await utimes(join(folder, file), AN_HOUR_AGO, AN_HOUR_AGO);
  return folder;
}

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('ntk check on a batch: the same findings whatever the workers and the cache', () => {
  it('gives identical JSON with one worker, two workers, a cold cache and a warm cache', async () => {
    const env = { XDG_CACHE_HOME: join(work, 'cache') };
    const args = ['check', records, '--format', 'json', '--today', '2024-06-01'];
    const one = await ntk([...args, '--jobs', '1']);
    const two = await ntk([...args, '--jobs', '2']);
    const cold = await ntk([...args, '--cache'], { env });
    const warm = await ntk([...args, '--cache'], { env });
    expect(one.exitCode).toBe(1);
    const report = JSON.parse(one.stdout) as { files: number; errors: number; findings: { code: string; line: number | null }[] };
    expect(report.files).toBe(202);
    expect(report.errors).toBeGreaterThan(10);
    const codes = new Set(report.findings.map((f) => f.code));
    for (const code of ['duplicate-record', 'review-overdue', 'completed-in-future', 'duplicate-key', 'score-range', 'domestic-abuse-reminder']) expect(codes).toContain(code);
    expect(report.findings.every((f) => f.code === 'review-overdue' || f.line !== null)).toBe(true);
    for (const run of [two, cold, warm]) {
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toBe(one.stdout);
    }
    // Progress is for terminals: a pipe gets none.
    for (const run of [one, two, cold, warm]) expect(run.stderr).toBe('');
    // The cache lives in the cache folder, never beside the records.
    expect((await readdir(join(work, 'cache', 'ntk'))).map((n) => n.replace(/^check-[0-9a-f]{32}/, 'check-…'))).toEqual(['check-….bin']);
    expect((await readdir(records)).every((name) => name.endsWith('.yaml'))).toBe(true);
  });

  it('keeps date-dependent findings right when the cache is reused on another day', async () => {
    const env = { XDG_CACHE_HOME: join(work, 'cache-days') };
    for (const today of ['2031-01-01', '2021-06-01']) {
      const args = ['check', records, '--format', 'json', '--today', today];
      const fresh = await ntk(args);
      const cached = await ntk([...args, '--cache'], { env });
      expect(cached.stdout).toBe(fresh.stdout);
    }
  });

  it('follows the folder as files are edited, touched, added and deleted, and keeps only their results', async () => {
    const folder = join(work, 'changing');
    await cp(records, folder, { recursive: true });
    const cacheHome = join(work, 'cache-changing');
    const args = ['check', folder, '--format', 'json', '--today', '2024-06-01'];
    const sameAsUncached = async () => {
      const cached = await ntk([...args, '--cache'], { env: { XDG_CACHE_HOME: cacheHome } });
      const plain = await ntk(args);
      expect(cached.stdout).toBe(plain.stdout);
      expect(cached.exitCode).toBe(plain.exitCode);
      return JSON.parse(cached.stdout) as { files: number; findings: { file: string; code: string; message: string }[] };
    };
    await sameAsUncached();
    const edited = join(folder, 'C-000005-0.yaml');
    // A score out of range, written at once (within the same second as the cache: the content hash decides).
    await writeFile(edited, (await readFile(edited, 'utf8')).replace(/score: \d/, 'score: 9'));
    const withEdit = await sameAsUncached();
    expect(withEdit.findings.some((f) => f.file === edited && f.code === 'score-range' && f.message.includes('(got 9)'))).toBe(true);
    // Touched but unchanged: reused through its content hash.
    await utimes(join(folder, 'C-000006-0.yaml'), new Date(), new Date(Date.now() + 5000));
    await sameAsUncached();
    await writeFile(join(folder, 'added.yaml'), recordYaml(950, 0));
    // Deleting the edited file takes its result, message and all, out of the cache.
    await rm(edited);
    await rm(join(folder, 'copy-of-C-000003-0.yaml'));
    const after = await sameAsUncached();
    expect(after.files).toBe(201);
    expect(after.findings.some((f) => f.code === 'duplicate-record')).toBe(false);
    // One cache for this folder, holding only files there are now (those completed by today), not the 204 ever seen.
    const [cacheName, ...others] = await readdir(join(cacheHome, 'ntk'));
    expect(others).toEqual([]);
    const cacheBytes = await readFile(join(cacheHome, 'ntk', cacheName!));
    const kept = decodeCache(cacheBytes)!.files as string[];
    const present = new Set((await readdir(folder)).map((name) => join(folder, name)));
    expect(kept.length).toBeGreaterThan(150);
    expect(kept.every((file) => present.has(file))).toBe(true);
    expect(cacheBytes.includes('(got 9)')).toBe(false);
  });

  it('reuses the results of an unchanged folder, content-addressed, and never a stale one', async () => {
    const folder = await settledCopy('unchanged');
    const cacheHome = join(work, 'cache-unchanged');
    const cacheDir = join(cacheHome, 'ntk');
    const run = (today: string) => ntk(['check', folder, '--format', 'json', '--today', today, '--cache'], { env: { XDG_CACHE_HOME: cacheHome } });
    const plain = await ntk(['check', folder, '--format', 'json', '--today', '2024-06-01']);
    expect((await run('2024-06-01')).stdout).toBe(plain.stdout);
    const [cacheName] = await readdir(cacheDir);
    const cacheFile = join(cacheDir, cacheName!);
    const cache = decodeCache(await readFile(cacheFile))!;
    const files = cache.files as string[];
    const at = (name: string) => files.indexOf(join(folder, name));
    const hashes = files.map((_f, i) => Buffer.from(cache.hashes.subarray(i * 16, (i + 1) * 16)).toString('hex'));
    // Records completed after today (future.yaml among them) are not kept; every other file is, in the order checked,
    // each with its three stamps, its content hash, its seven facts and its findings.
    expect(files.length).toBeGreaterThan(150);
    expect(at('future.yaml')).toBe(-1);
    expect(files).toEqual([...files].sort());
    expect([cache.hashes.length / 16, cache.stamps.length / 3, cache.entries.length / ENTRY, cache.findingStarts.length - 1]).toEqual(Array(4).fill(files.length));
    // Results are found by content: a record and its copy (copy-of-C-000003-0.yaml) have the same hash and result.
    expect(hashes[at('copy-of-C-000003-0.yaml')]).toBe(hashes[at('C-000003-0.yaml')]);
    expect(new Set(hashes).size).toBe(files.length - 1);
    // The kept results are what the second run gives, and it keeps the same files and results
    // (it may write them again, with a later time, when the files changed just before the first run)...
    const second = await run('2024-06-01');
    expect(second.stdout).toBe(plain.stdout);
    expect(second.exitCode).toBe(plain.exitCode);
    expect({ ...decodeCache(await readFile(cacheFile))!, writtenAt: 0 }).toEqual({ ...cache, writtenAt: 0 });
    // ...unless they no longer hold: another day has other overdue reviews,
    expect((await run('2031-01-01')).stdout).toBe((await ntk(['check', folder, '--format', 'json', '--today', '2031-01-01'])).stdout);
    // and a changed file (however old its date) is checked again.
    const edited = join(folder, 'C-000010-0.yaml');
    await writeFile(edited, (await readFile(edited, 'utf8')).replace(/score: \d/, 'score: 8'));
    await utimes(edited, AN_HOUR_AGO, AN_HOUR_AGO);
    const after = await ntk(['check', folder, '--format', 'json', '--today', '2031-01-01']);
    expect(after.stdout).toContain('(got 8)');
    expect((await run('2031-01-01')).stdout).toBe(after.stdout);
  });

  it('never trusts a damaged cache: each kind of damage costs a check, never a wrong answer or a crash', async () => {
    const folder = await settledCopy('damaged');
    const cacheHome = join(work, 'cache-damaged');
    // A day after every record's, so that every file is kept and the cache holds the day's answer for the batch rules too.
    const args = ['check', folder, '--format', 'json', '--today', '2031-01-01'];
    const plain = await ntk(args);
    const cached = () => ntk([...args, '--cache'], { env: { XDG_CACHE_HOME: cacheHome } });
    await cached();
    const [name] = await readdir(join(cacheHome, 'ntk'));
    const cacheFile = join(cacheHome, 'ntk', name!);
    const bytes = await readFile(cacheFile);
    const good = decodeCache(bytes)!;
    expect(good.answer!.files.length).toBeGreaterThan(10);
    // Undamaged, a warm run on the same day takes the batch rules' findings from the answer, and gives the same.
    const warm = await cached();
    expect([warm.stdout, warm.exitCode]).toEqual([plain.stdout, plain.exitCode]);
    expect(JSON.parse(warm.stdout).findings.filter((f: { code: string }) => f.code === 'duplicate-record' || f.code === 'review-overdue').length).toBeGreaterThan(10);
    // Each list of numbers given values of every wrong kind, in turn at each place of a row or entry.
    const each = (list: Int32Array, harm: (x: number, i: number) => number) => Int32Array.from(list, harm);
    const answer = good.answer!;
    const damage: [string, (c: CacheData) => CacheData | Uint8Array][] = [
      ['findings at no place', (c) => ({ ...c, findings: each(c.findings, (x, i) => (i % ROW < 2 && i % 3 === 0 ? -1 : x)) })],
      ['findings that point nowhere', (c) => ({ ...c, findings: each(c.findings, (x, i) => (i % ROW === 2 + (i % 3) ? [1_000_000, -1, 99_999_999][i % 3]! : x)) })],
      ['findings whose code is not a code', (c) => ({ ...c, findings: each(c.findings, (x, i) => (i % ROW === 2 ? c.findings[i + 2]! : x)) })],
      ['entries of the wrong shape', (c) => ({ ...c, entries: each(c.entries, (x, i) => (i % ENTRY === 1 ? 1_000_000 : i % ENTRY === 2 ? -4 : x)) })],
      ['entries whose dates are not texts', (c) => ({ ...c, texts: c.texts.map((t) => (typeof t === 'string' && /^\d{4}-/.test(t) ? 7 : t)) })],
      ['texts that are numbers', (c) => ({ ...c, texts: c.texts.map(() => 7) })],
      ['no texts', (c) => ({ ...c, texts: [] })],
      ['files that are not names', (c) => ({ ...c, files: c.files.map((_f, i) => [null, 5, {}][i % 3]) })],
      ['an answer for files that are not there', (c) => ({ ...c, answer: { ...answer, files: each(answer.files, (x, i) => [x, -1, 1e9][i % 3]!) } })],
      ['an answer that names a file twice', (c) => ({ ...c, answer: { ...answer, files: each(answer.files, (x, i) => (i === 1 ? answer.files[0]! : x)) } })],
      ['answer findings that point nowhere', (c) => ({ ...c, answer: { ...answer, findings: each(answer.findings, (x, i) => (i % ROW === 4 ? 99_999_999 : x)) } })],
      ['findings that run past their file', (c) => ({ ...c, findingStarts: each(c.findingStarts, (x, i) => (i === 1 ? x + 1 : x)) })],
      ['half a file', () => bytes.subarray(0, bytes.length >> 1)],
      ['a file a byte longer', () => Uint8Array.of(...bytes, 0)],
      ['a head of another layout', () => Buffer.concat([Buffer.from('{"cache":"ntk check","endian":"LE"}'), bytes.subarray(bytes.indexOf(10))])],
      ['the JSON cache of an older ntk', () => Buffer.from(JSON.stringify({ writtenAt: 1, texts: [], files: [], stamps: [], hashes: [], entries: [], findings: [], answer: null }))],
      ['nothing', () => new Uint8Array(0)],
    ];
    for (const [what, harm] of damage) {
      const damaged = harm(good);
      await writeFile(cacheFile, damaged instanceof Uint8Array ? damaged : encodeCache(damaged));
      const r = await cached();
      expect(r.stderr, what).toBe('');
      expect(r.exitCode, what).toBe(plain.exitCode);
      expect(r.stdout, what).toBe(plain.stdout);
    }
  });

  it('keeps one cache per set of paths checked, and removes caches unused for 30 days', async () => {
    const cacheHome = join(work, 'cache-scopes');
    const env = { XDG_CACHE_HOME: cacheHome };
    const cacheDir = join(cacheHome, 'ntk');
    const rowsFiles = async () => readdir(cacheDir);
    await ntk(['check', records, '--cache'], { env });
    const [folderCache] = await rowsFiles();
    const stale = join(cacheDir, `check-${'0'.repeat(32)}.json`);
    await writeFile(stale, '{}');
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    await utimes(stale, longAgo, longAgo);
    // Another scope (one file) gets a cache of its own; saving it clears the stale one.
    await ntk(['check', join(records, 'C-000001-0.yaml'), '--cache'], { env });
    const names = await rowsFiles();
    expect(names).toHaveLength(2);
    expect(names).toContain(folderCache);
    expect(names).not.toContain(`check-${'0'.repeat(32)}.json`);
    // The folder's own cache is found again, whatever the working folder, when named absolutely.
    await ntk(['check', records, '--cache'], { env, cwd: tmpdir() });
    expect(await rowsFiles()).toHaveLength(2);
  });

  it('never fails a check because the cache folder cannot be written', async () => {
    const args = ['check', records, '--format', 'json', '--today', '2024-06-01'];
    const plain = await ntk(args);
    const unwritable = await ntk([...args, '--cache'], { env: { XDG_CACHE_HOME: '/dev/null/cache' } });
    expect(unwritable.exitCode).toBe(plain.exitCode);
    expect(unwritable.stdout).toBe(plain.stdout);
  });

  it('refuses a --jobs value that is not a whole number', async () => {
    const r = await ntk(['check', records, '--jobs', 'many']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--jobs must be a whole number');
  });
});
