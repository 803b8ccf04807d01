import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { writeHistoryRepo } from '../../bench/generate-history-repo.mjs';
import { commonJsScript, verifiedCodeCache } from '../../src/io/cached-script.js';
import { ntk, ntkBin, repoRoot } from './run-ntk.js';

/**
 * The commonest commands are also built as one file each
 * (dist/bin/command-NAME.cjs, scripts/bundle.mjs), which bin/ntk.js runs, with
 * the code V8 compiled of it at build time, when the command line starts with
 * the command's name; NTK_DEBUG loads the chunks instead (they have source
 * maps). Either way the same code runs: the output must be the same, byte for
 * byte.
 */
const MJ = 'fixtures/mary-jo';
const runs: Record<string, string[][]> = {
  // A pattern ntk expands itself loads tinyglobby, which the file holds but compiles only then.
  check: [['check', MJ, '--today', '2021-04-01'], ['check', MJ, '--format', 'sarif', '--today', '2021-04-01'], ['check', `${MJ}/MJ-01-*.yaml`, '--today', '2021-04-01'], ['check', '--help']],
  report: [['report', MJ, '--format', 'csv', '--today', '2021-04-01'], ['report', MJ, '--today', '2021-04-01']],
  summary: [['summary', `${MJ}/MJ-01-2020-12-15.yaml`], ['summary', `${MJ}/MJ-01-2020-12-15.yaml`, '--format', 'html']],
  diff: [['diff', `${MJ}/MJ-01-2020-09-29.yaml`, `${MJ}/MJ-01-2020-12-15.yaml`], ['diff', `${MJ}/MJ-01-2020-09-29.yaml`, `${MJ}/MJ-01-2021-03-16.yaml`, '--format', 'markdown']],
  history: [['history', MJ, '--no-git'], ['history', MJ, '--no-git', '--format', 'csv']],
  chronology: [['chronology', MJ, '--no-git']],
  compare: [['compare', MJ]],
};

describe('a command run from its own file', () => {
  it('is built for each command listed here, and for no other', async () => {
    const files = (await readdir(join(repoRoot, 'dist/bin'))).filter((f) => /^command-[a-z-]+\.cjs$/.test(f));
    expect(files.map((f) => f.slice('command-'.length, -'.cjs'.length)).sort()).toEqual(Object.keys(runs).sort());
  });

  it.each(Object.entries(runs).flatMap(([, list]) => list.map((args) => [args.join(' '), args] as const)))('%s: the same as from the chunks', async (_name, args) => {
    const own = await ntk(args, { env: { NO_COLOR: '1', COLUMNS: '100' } });
    const chunks = await ntk(args, { env: { NO_COLOR: '1', COLUMNS: '100', NTK_DEBUG: '1' } });
    expect(own.stdout.length).toBeGreaterThan(0);
    expect(own).toEqual(chunks);
  });

  it('colours as the chunks do (chalk, which the file holds but compiles only then)', async () => {
    const args = ['summary', `${MJ}/MJ-01-2020-12-15.yaml`];
    const own = await ntk(args, { env: { FORCE_COLOR: '1', COLUMNS: '100' } });
    expect(own.stdout).toContain('\u001b[');
    expect(own).toEqual(await ntk(args, { env: { FORCE_COLOR: '1', COLUMNS: '100', NTK_DEBUG: '1' } }));
  });

  it('is the file run, with its code cache, and nothing of the chunks', async () => {
    // A loader hook that names every file of dist/bin that Node loads as an ES module (the loader of the command's file alone), and a preload that names every script compiled, and whether V8 took its cache.
    const hook = `data:text/javascript,${encodeURIComponent(
      "import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(\"import { writeSync } from 'node:fs'; export async function load(url, context, next) { if (url.includes('/dist/bin/')) writeSync(2, 'loaded ' + url.slice(url.lastIndexOf('/') + 1) + '\\\\n'); return next(url, context); }\"));",
    )}`;
    const scripts = join(tmpdir(), `ntk-scripts-${process.pid}.cjs`);
    await writeFile(
      scripts,
      "const vm = require('node:vm'); const { writeSync } = require('node:fs'); vm.Script = class extends vm.Script { constructor(source, options) { super(source, options); writeSync(2, 'script ' + options.filename.slice(options.filename.lastIndexOf('/') + 1) + (options.cachedData ? (this.cachedDataRejected ? ' cache refused' : ' cache taken') : ' no cache') + '\\n'); } };",
    );
    try {
      const r = await execa('node', ['--import', hook, '--require', scripts, ntkBin, 'history', MJ, '--no-git'], { cwd: repoRoot, reject: false, env: { NO_COLOR: '1' } });
      expect(r.exitCode, r.stderr).toBe(0);
      const lines = String(r.stderr).split('\n');
      expect(lines.filter((l) => l.startsWith('loaded '))).toEqual(['loaded cached-script.js']);
      expect(lines.filter((l) => l.startsWith('script command-'))).toEqual(['script command-history.cjs cache taken']);
    } finally {
      await rm(scripts, { force: true });
    }
  });

  it.each(Object.keys(runs))('command-%s.cjs: its code cache is taken by the Node that built it', async (name) => {
    const file = join(repoRoot, 'dist/bin', `command-${name}.cjs`);
    const source = await readFile(file, 'utf8');
    const code = verifiedCodeCache(file, source);
    expect(code).toBeDefined();
    expect(commonJsScript(file, source, code).cachedDataRejected).toBe(false);
  });

  it('ends as soon as it is done, and all it wrote reaches a reader that is slow to take it', async () => {
    // A history far longer than a pipe holds, read only after a pause: nothing may be lost at the exit.
    const trail = await mkdtemp(join(tmpdir(), 'ntk-command-exit-'));
    try {
      writeHistoryRepo(trail, { children: 1, commits: 300 });
      const args = ['history', 'records', '--format', 'json'];
      const whole = await ntk(args, { cwd: trail, env: { NO_COLOR: '1' } });
      const quoted = [process.execPath, ntkBin, ...args].map((a) => `'${a}'`).join(' ');
      const slow = await execa('sh', ['-c', `${quoted} | (sleep 0.3; cat)`], { cwd: trail, reject: false, env: { NO_COLOR: '1' } });
      expect(whole.stdout.length).toBeGreaterThan(65536);
      expect(slow.stdout).toBe(whole.stdout);
    } finally {
      await rm(trail, { recursive: true, force: true });
    }
  });
});
