import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ntkBin, repoRoot } from '../e2e/run-ntk.js';
import { CASES, type GoldenCase } from './cases.js';

/**
 * Golden files: the whole output of every view, compared byte for byte, so a
 * change of layout or wording anywhere shows up as a diff to review.
 * `npm run golden:update` rewrites them from the built ntk.
 */
const goldenDir = join(repoRoot, 'test', 'golden');
const update = process.env.NTK_UPDATE_GOLDEN === '1';
const workDirs: string[] = [];

afterAll(async () => {
  await Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Files shown whole in a golden file; anything else (HTML pages a browser prints) by size and hash. */
const shownWhole = /\.(ya?ml|md|csv|json|txt)$/;

async function writtenFiles(root: string, path: string): Promise<string[]> {
  const full = join(root, path);
  if (!existsSync(full)) return [`## missing ${path}`];
  if (!(await stat(full)).isDirectory()) {
    const bytes = await readFile(full);
    if (shownWhole.test(path)) return [`## file ${path}`, bytes.toString('utf8')];
    return [`## file ${path}: ${bytes.length} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex')}`];
  }
  const names = (await readdir(full)).sort();
  const parts = await Promise.all(names.map((name) => writtenFiles(root, join(path, name))));
  return parts.flat();
}

async function workFolder(c: GoldenCase): Promise<string> {
  if (c.copy === undefined) return repoRoot;
  const dir = await mkdtemp(join(tmpdir(), 'ntk-golden-'));
  workDirs.push(dir);
  for (const [to, from] of Object.entries(c.copy)) {
    await mkdir(dirname(join(dir, to)), { recursive: true });
    if (typeof from === 'string') await cp(join(repoRoot, from), join(dir, to));
    else await writeFile(join(dir, to), from.text);
  }
  return dir;
}

/** Runs the built ntk and lays its whole result out as one text: the command, exit code, stdout, stderr, files. */
async function goldenText(c: GoldenCase): Promise<string> {
  const cwd = await workFolder(c);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', TZ: 'Europe/London', COLUMNS: '100', NO_COLOR: '1', ...c.env };
  if (c.env?.FORCE_COLOR !== undefined) delete env.NO_COLOR;
  const r = await execa('node', [ntkBin, ...c.args], { cwd, env, extendEnv: false, reject: false, stripFinalNewline: false, stdin: 'ignore', timeout: 20_000 });
  const files = await Promise.all((c.written ?? []).map((path) => writtenFiles(cwd, path)));
  // The checkout's own folder (a record's `$schema` line names it) differs from machine to machine.
  const text = [`# ntk ${c.args.join(' ')}`, `# exit ${r.exitCode}`, '## stdout', String(r.stdout), '## stderr', String(r.stderr), ...files.flat()].join('\n');
  return text.split(repoRoot.replace(/[\\/]$/, '')).join('<repo>');
}

describe('golden files: every command and format, byte for byte', () => {
  it('has one golden file per case and no other', async () => {
    const names = CASES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const onDisk = (await readdir(goldenDir, { recursive: true })).filter((f) => f.endsWith('.golden')).map((f) => f.slice(0, -'.golden'.length).split('\\').join('/'));
    if (update) {
      await Promise.all(onDisk.filter((name) => !names.includes(name)).map((name) => rm(join(goldenDir, `${name}.golden`))));
      return;
    }
    expect(onDisk.sort()).toEqual([...names].sort());
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const actual = await goldenText(c);
      const file = join(goldenDir, `${c.name}.golden`);
      if (update) {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, actual);
        return;
      }
      const expected = existsSync(file) ? await readFile(file, 'utf8') : `(no golden file ${relative(repoRoot, file)}: run npm run golden:update)`;
      expect(actual).toBe(expected);
    });
  }
});
