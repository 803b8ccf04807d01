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
  // One file's history reads git's log started before the file loads (dist/bin/early-history.js); the chunks start their own.
  history: [['history', MJ, '--no-git'], ['history', MJ, '--no-git', '--format', 'csv'], ['history', `${MJ}/MJ-01-2020-09-29.yaml`]],
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
    // A loader hook that names every file of dist/bin that Node loads as an ES module (what history starts early and the loader of the command's file, alone), and a preload that names every script compiled, and whether V8 took its cache.
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
      expect(lines.filter((l) => l.startsWith('loaded '))).toEqual(['loaded early-history.js', 'loaded cached-script.js']);
      expect(lines.filter((l) => l.startsWith('script command-'))).toEqual(['script command-history.cjs cache taken']);
    } finally {
      await rm(scripts, { force: true });
    }
  });

  it("history of one file takes the log started early, and starts no second one", async () => {
    // A preload that names each git command started, early or not.
    const spawns = join(tmpdir(), `ntk-spawns-${process.pid}.cjs`);
    await writeFile(spawns, "const cp = require('node:child_process'); const { writeSync } = require('node:fs'); const spawn = cp.spawn; cp.spawn = function (file, args, ...rest) { if (file === 'git') writeSync(2, 'git ' + args.filter((a) => /^[a-z][a-z-]*$/.test(a))[0] + '\\n'); return spawn.call(this, file, args, ...rest); };");
    try {
      const run = async (args: string[]) => {
        const r = await execa('node', ['--require', spawns, ntkBin, ...args], { cwd: repoRoot, reject: false, env: { NO_COLOR: '1' } });
        return { exitCode: r.exitCode, git: String(r.stderr).split('\n').filter((l) => l.startsWith('git ')).sort(), stdout: String(r.stdout) };
      };
      const file = `${MJ}/MJ-01-2020-09-29.yaml`;
      const alone = await run(['history', file]);
      expect([alone.exitCode, alone.git]).toEqual([0, ['git cat-file', 'git log', 'git ls-files']]);
      expect(alone.stdout).toContain('Who changed what and when');
      // Not one file named alone: history starts its own log, as the chunks do.
      expect((await run(['history', file, '--format', 'json'])).git).toEqual(['git cat-file', 'git log', 'git ls-files']);
      // A usage error: the early log is not waited for.
      const wrong = await run(['history', file, '--bogus']);
      expect(wrong.exitCode).toBe(2);
    } finally {
      await rm(spawns, { force: true });
    }
  });

  it('history of one file with no git to run shows the file as it is, as without the early log', async () => {
    // A PATH with nothing on it: node is run by its full path, git cannot be found.
    const run = async (debug: boolean) => {
      const r = await execa(process.execPath, [ntkBin, 'history', `${MJ}/MJ-01-2020-09-29.yaml`], { cwd: repoRoot, reject: false, extendEnv: false, env: { NO_COLOR: '1', PATH: join(tmpdir(), 'ntk-no-such-folder'), ...(debug ? { NTK_DEBUG: '1' } : {}) } });
      return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
    };
    const own = await run(false);
    const chunks = await run(true);
    expect([own.exitCode, own.stdout]).toEqual([0, expect.stringContaining('History - Mary Jo')]);
    expect(own.stdout).not.toContain('Who changed what and when');
    expect(own).toEqual(chunks);
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
