import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readsEverything, writeGeneratedHostileFiles, type GeneratedHostileFile, type HostileExpectation } from '../support/hostile-files.js';
import { expectNoControlBytes } from '../support/output-safety.js';
import { terminalTrace } from '../support/payloads.js';
import { ntk, repoRoot, type JsonFinding, type NtkRun } from './run-ntk.js';

/** fixtures/hostile/: each file, and the first error it must produce (exit 0: a valid record despite its oddity). */
const committed: Record<string, HostileExpectation> = {
  'alias-bomb.yaml': { exit: 1, code: 'yaml-alias', at: '2:8' },
  'anchor-alias.yaml': { exit: 1, code: 'yaml-alias', at: '5:14' },
  'bom.yaml': { exit: 0 },
  'by-unknown-contributor.yaml': { exit: 1, code: 'unknown-contributor', at: '16:13' },
  'constructor-key.yaml': { exit: 1, code: 'forbidden-key', at: '11:7' },
  'control-characters.yaml': { exit: 0 },
  'crlf.yaml': { exit: 0 },
  'crlf-error.yaml': { exit: 1, code: 'score-range', at: '15:16' },
  'date-impossible.yaml': { exit: 1, code: 'impossible-date', at: '7:14', says: 'February 2019 has 28 days' },
  'date-slashes.yaml': { exit: 1, code: 'date-format', at: '7:14', says: 'write 2020-09-20 (20 September 2020)' },
  'date-timestamp.yaml': { exit: 1, code: 'date-format', at: '7:14', says: 'write 2020-09-21 (21 September 2020) - a toolkit date has no time or time zone' },
  'date-timestamp-zone.yaml': { exit: 1, code: 'date-format', at: '7:14', says: 'a toolkit date has no time or time zone' },
  'date-unpadded.yaml': { exit: 1, code: 'date-format', at: '7:14', says: 'write 2020-09-01 (1 September 2020) - two digits for the month and the day' },
  'duplicate-key.yaml': { exit: 1, code: 'duplicate-key', at: '7:3' },
  'empty.yaml': { exit: 1, code: 'empty-file', at: null },
  'json-array.json': { exit: 1, code: 'not-a-record', at: '1:1' },
  'json-record.json': { exit: 0 },
  'latin1.yaml': { exit: 1, code: 'not-utf8', at: '10:32', says: 'perhaps saved as Windows-1252' },
  'merge-key.yaml': { exit: 1, code: 'yaml-merge-key', at: '12:7' },
  'merge-key-only.yaml': { exit: 1, code: 'yaml-merge-key', at: '4:3' },
  'missing-required.yaml': { exit: 1, code: 'missing-field', at: '1:1' },
  'multiple-documents.yaml': { exit: 1, code: 'yaml-syntax', at: '17:1', says: 'more than one YAML document' },
  'not-a-record.yaml': { exit: 1, code: 'not-a-record', at: '1:1' },
  'only-comment.yaml': { exit: 1, code: 'empty-file', at: null },
  'plain-text.yaml': { exit: 1, code: 'not-a-record', at: '1:1' },
  'proto-key.yaml': { exit: 1, code: 'forbidden-key', at: '5:3', says: '`__proto__` cannot be used as a key' },
  'score-and-not-relevant.yaml': { exit: 1, code: 'score-and-not-relevant', at: '16:9' },
  'score-out-of-range.yaml': { exit: 1, code: 'score-range', at: '15:16' },
  'syntax-bad-indent.yaml': { exit: 1, code: 'yaml-syntax', at: '6:9' },
  'syntax-missing-colon.yaml': { exit: 1, code: 'yaml-syntax', at: '6:3' },
  'syntax-unclosed-flow.yaml': { exit: 1, code: 'yaml-syntax', at: '5:1', says: 'a [ above is not closed' },
  'syntax-unclosed-quote.yaml': { exit: 1, code: 'yaml-syntax', at: '10:28', says: 'add the closing " at its end' },
  'tab-indentation.yaml': { exit: 1, code: 'yaml-syntax', at: '4:1', says: 'YAML needs spaces' },
  'tag-binary.yaml': { exit: 1, code: 'yaml-tag', at: '10:22' },
  'tag-custom.yaml': { exit: 1, code: 'yaml-tag', at: '4:16' },
  'tag-js-function.yaml': { exit: 1, code: 'yaml-tag', at: '10:27', says: '`!!js/function` are not allowed' },
  'top-level-list.yaml': { exit: 1, code: 'not-a-record', at: '1:1' },
  'unknown-area.yaml': { exit: 1, code: 'unknown-area', at: '12:3' },
  'unknown-field.yaml': { exit: 1, code: 'unknown-field', at: '17:9' },
  'wrong-type-boolean.yaml': { exit: 1, code: 'wrong-type', at: '10:19' },
  'wrong-type-child.yaml': { exit: 1, code: 'wrong-type', at: '3:8' },
  'wrong-type-contributors.yaml': { exit: 1, code: 'wrong-type', at: '9:5' },
  'wrong-type-score.yaml': { exit: 1, code: 'wrong-type', at: '15:16' },
  'wrong-type-score-decimal.yaml': { exit: 1, code: 'wrong-type', at: '15:16' },
};

const stackTrace = /^\s+at .+:\d+(:\d+)?\)?$/m;


function expectHumane(run: NtkRun, label: string): void {
  expect(run.stderr, label).not.toMatch(stackTrace);
  expect(run.stderr, label).not.toMatch(/unexpected problem/);
  expectNoControlBytes(run.stdout, { label });
  expectNoControlBytes(run.stderr, { label });
  expect(terminalTrace(run.stdout + run.stderr), label).toBeNull();
}

/** The first error check reports for each file, from one batch run in JSON. */
async function firstErrors(paths: string[], cwd?: string, env?: NodeJS.ProcessEnv): Promise<{ run: NtkRun; byFile: Map<string, JsonFinding> }> {
  const run = await ntk(['check', ...paths, '--format', 'json', '--today', '2021-01-01'], { cwd, env, timeout: 60_000 });
  const byFile = new Map<string, JsonFinding>();
  for (const f of (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings) {
    if (f.severity === 'error' && !byFile.has(f.file)) byFile.set(f.file, f);
  }
  return { run, byFile };
}

function expectFinding(found: JsonFinding | undefined, want: HostileExpectation, label: string): void {
  if (want.exit === 0) {
    expect(found, label).toBeUndefined();
    return;
  }
  expect(found?.code, label).toBe(want.code);
  if (want.at !== undefined) expect(found && found.line !== null ? `${found.line}:${found.column}` : null, label).toBe(want.at);
  if (want.says !== undefined) expect(found?.message, label).toContain(want.says);
}

/** Runs `fn` over items, a few processes at a time (two cores). */
async function eachLimited<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: 3 }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
  }));
}

describe('hostile input: fixtures/hostile', () => {
  const dir = 'fixtures/hostile';
  const names = Object.keys(committed);

  it('holds at least 30 files, each with an expected outcome', async () => {
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(dir)).sort()).toEqual([...names].sort());
    expect(names.length).toBeGreaterThanOrEqual(30);
  });

  it('check reports each file\'s error with its code and line:column, in one batch that never stops', async () => {
    const { run, byFile } = await firstErrors(names.map((n) => `${dir}/${n}`));
    expect(run.exitCode).toBe(1);
    expectHumane(run, 'check --format json');
    for (const name of names) expectFinding(byFile.get(`${dir}/${name}`), committed[name]!, name);
  });

  it('check pretty and github print file:line:column, readable and free of control bytes', async () => {
    for (const format of ['pretty', 'github']) {
      const run = await ntk(['check', dir, `${dir}/json-array.json`, '--format', format, '--today', '2021-01-01']);
      expect(run.exitCode).toBe(1);
      expectHumane(run, format);
      for (const [name, want] of Object.entries(committed)) {
        if (want.exit !== 1 || !want.at) continue;
        const [line, col] = want.at.split(':');
        const where = format === 'pretty' ? `${dir}/${name}:${want.at} error` : `file=${dir}/${name},line=${line},col=${col}`;
        expect(run.stdout, `${format} ${name}`).toContain(where);
      }
    }
  });

  it('summary refuses each bad file with check\'s diagnostic (exit 1) and summarises the odd but valid ones', async () => {
    await eachLimited(names, async (name) => {
      const want = committed[name]!;
      const run = await ntk(['summary', `${dir}/${name}`, '--today', '2021-01-01']);
      expect(run.exitCode, name).toBe(want.exit);
      expectHumane(run, `summary ${name}`);
      if (want.exit === 1) {
        expect(run.stdout, name).toBe('');
        expect(run.stderr, name).toContain(want.code);
        if (want.at) expect(run.stderr, name).toContain(`${dir}/${name}:${want.at} error`);
      } else {
        expect(run.stdout, name).toContain('Neglect toolkit summary sheet');
      }
    });
  });
});

describe('hostile input: history', () => {
  it('reports every bad file of the corpus like check and still draws the timeline of the rest (exit 1)', async () => {
    const run = await ntk(['history', 'fixtures/hostile', '--no-git'], { timeout: 60_000 });
    expect(run.exitCode).toBe(1);
    expectHumane(run, 'history');
    for (const [name, want] of Object.entries(committed)) {
      if (want.exit === 1 && want.at && name.endsWith('.yaml')) expect(run.stderr, name).toContain(`fixtures/hostile/${name}:${want.at} error`);
    }
  });
});

describe('hostile input: compare and chronology', () => {
  // Mary Jo and Tyler beside the corpus, so there are children to compare whatever the corpus holds.
  const siblings = ['fixtures/mary-jo/MJ-01-2020-09-29.yaml', 'fixtures/mary-jo/MJ-02-2020-09-29.yaml'];
  for (const args of [['compare', 'fixtures/hostile', ...siblings], ['chronology', 'fixtures/hostile', ...siblings, '--no-git', '--today', '2021-04-01']]) {
    it(`${args[0]} reports every bad file of the corpus like check and still shows the rest (exit 1)`, async () => {
      const run = await ntk(args, { timeout: 60_000 });
      expect(run.exitCode).toBe(1);
      expectHumane(run, args[0]!);
      expect(run.stdout).toContain('Mary Jo');
      for (const [name, want] of Object.entries(committed)) {
        if (want.exit === 1 && want.at && name.endsWith('.yaml')) expect(run.stderr, name).toContain(`fixtures/hostile/${name}:${want.at} error`);
      }
    });
  }
});

describe('hostile input: redact', () => {
  it('copies only the valid records of the corpus and reports the rest like check (exit 1)', async () => {
    const { mkdtemp, readdir } = await import('node:fs/promises');
    const out = join(await mkdtemp(join(tmpdir(), 'ntk-hostile-redact-')), 'pack');
    try {
      const run = await ntk(['redact', 'fixtures/hostile', '--out', out], { timeout: 60_000 });
      expect(run.exitCode).toBe(1);
      expectHumane(run, 'redact');
      const valid = Object.entries(committed).filter(([name, want]) => want.exit === 0 && name.endsWith('.yaml'));
      expect((await readdir(out)).length).toBe(valid.length);
      expect(run.stderr).toContain(`wrote ${valid.length} pseudonymised records`);
    } finally {
      await rm(dirname(out), { recursive: true, force: true });
    }
  });
});

describe('hostile input: generated at test time (huge, binary, looping, unreadable)', () => {
  let dir = '';
  let files: GeneratedHostileFile[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-hostile-'));
    files = await writeGeneratedHostileFiles(dir);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const applicable = () => files.filter((f) => !(f.needsNonRoot && readsEverything()));

  it('check walks the folder, symlink loop included, in bounded memory and reports every file', async () => {
    // A 64 MB heap: the 50 MB file must be refused by its size, never read.
    const { run, byFile } = await firstErrors(['.'], dir, { NODE_OPTIONS: '--max-old-space-size=64' });
    expect(run.exitCode).toBe(1);
    expectHumane(run, 'check generated folder');
    for (const f of applicable()) expectFinding(byFile.get(f.name), f, f.name);
    // Each looping link is one finding; the link back to the folder itself is not walked again.
    expect([...byFile.keys()].filter((k) => k.startsWith('loop/')).sort()).toEqual(['loop/a.yaml', 'loop/b.yaml', 'loop/self.yaml']);
  });

  it('check --cache reports the same, cold and warm: the FIFO and the 50 MB file are never read into the cache', async () => {
    const plain = await ntk(['check', '.', '--format', 'json', '--today', '2021-01-01'], { cwd: dir, timeout: 60_000 });
    const env = { XDG_CACHE_HOME: join(dir, '..', `${dir.split('/').pop()}-cache`), NODE_OPTIONS: '--max-old-space-size=64' };
    for (const pass of ['cold', 'warm']) {
      const cached = await ntk(['check', '.', '--format', 'json', '--today', '2021-01-01', '--cache'], { cwd: dir, env, timeout: 20_000 });
      expect(cached.stdout, pass).toBe(plain.stdout);
      expect(cached.exitCode, pass).toBe(1);
    }
    await rm(env.XDG_CACHE_HOME, { recursive: true, force: true });
  });

  it('summary refuses each one with exit 1 and a message, never a hang or a stack trace', async () => {
    await eachLimited(applicable(), async (f) => {
      const run = await ntk(['summary', f.name], { cwd: dir, timeout: 20_000 });
      expect(run.exitCode, f.name).toBe(f.summaryExit ?? f.exit);
      expectHumane(run, `summary ${f.name}`);
      expect(run.stderr, f.name).toContain(f.summaryExit === 2 ? 'no such file' : f.code);
    });
  });

  it('diff against a valid record refuses each one with exit 1 and a message', async () => {
    const original = join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml');
    await eachLimited(applicable(), async (f) => {
      const run = await ntk(['diff', original, f.name], { cwd: dir, timeout: 20_000 });
      expect(run.exitCode, f.name).toBe(f.summaryExit ?? f.exit);
      expectHumane(run, `diff ${f.name}`);
    });
  });

  it('compare and chronology walk the folder in bounded memory, report every file and never hang', async () => {
    const siblings = ['MJ-01-2020-09-29.yaml', 'MJ-02-2020-09-29.yaml'].map((f) => join(repoRoot, 'fixtures/mary-jo', f));
    for (const args of [['compare', '.', ...siblings], ['chronology', '.', ...siblings, '--no-git']]) {
      const run = await ntk(args, { cwd: dir, env: { NODE_OPTIONS: '--max-old-space-size=64' }, timeout: 30_000 });
      expect(run.exitCode, args[0]).toBe(1);
      expectHumane(run, `${args[0]} generated folder`);
      expect(run.stdout, args[0]).toContain('Tyler');
      for (const f of applicable()) if (f.summaryExit !== 2) expect(run.stderr, `${args[0]} ${f.name}`).toContain(f.code);
    }
  });

  it('says "permission denied" for a file it may not read (skipped as root, who can read anything)', async (ctx) => {
    if (readsEverything()) ctx.skip();
    const run = await ntk(['check', 'unreadable.yaml'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('permission denied');
  });
});
