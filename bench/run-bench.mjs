// npm run bench [-- --records 10000 --runs 5 --big 50000]
//
// Generates realistic records into a temporary folder and times `ntk check`
// against ajv-cli on the same files, alternating the two so that a busy
// machine slows both alike, and prints medians and ratios against the goals
// of issue 5. A benchmark, not a test: it never fails the build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeRecords } from './generate-records.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    big: { type: 'string', default: '50000' },
    today: { type: 'string', default: '2025-01-01' },
  },
});
const records = Number(values.records);
const runs = Number(values.runs);
const big = Number(values.big);
const ntkBin = join(root, 'bin', 'ntk.js');
const ajvBin = join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const schema = join(root, 'schemas', 'toolkit.schema.json');
const work = mkdtempSync(join(tmpdir(), 'ntk-bench-'));
const cacheHome = join(work, 'cache');
const env = { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' };

const usageFile = join(work, 'usage.json');
const usagePreload = join(root, 'bench', 'usage.cjs');

/** Runs `node args...` with output discarded: wall seconds, CPU seconds (all threads) and peak RSS in MB. */
function run(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', usagePreload, ...args], {
    cwd: root,
    env: { ...env, NTK_BENCH_USAGE_FILE: usageFile },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  if (r.error) throw r.error;
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  return { wall, ...JSON.parse(readFileSync(usageFile, 'utf8')) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (x) => `${x.toFixed(3)} s`;

/** Runs each contender in turn, `n` rounds; returns the medians of wall and CPU seconds for each. */
function alternate(n, contenders) {
  const runs = contenders.map(() => []);
  for (let i = 0; i < n; i++) contenders.forEach((args, k) => runs[k].push(run(args)));
  return runs.map((rs) => ({ wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)) }));
}

/** One result line: wall times and their ratio against the goal, then CPU times for the record. */
function line(label, a, b, bName, goal) {
  const ratio = a.wall / b.wall;
  const verdict = ratio <= goal ? 'meets' : 'MISSES';
  console.log(`${label.padEnd(40)} ${s(a.wall)} vs ${bName} ${s(b.wall)} = ${ratio.toFixed(2)}x (goal <= ${goal}x: ${verdict}); CPU ${s(a.cpu)} vs ${s(b.cpu)} = ${(a.cpu / b.cpu).toFixed(2)}x`);
}

try {
  const dir = join(work, 'records');
  process.stderr.write(`generating ${records} records in ${dir} ...\n`);
  await writeRecords(dir, records);
  const bytes = spawnSync('du', ['-sk', dir], { encoding: 'utf8' }).stdout.split('\t')[0];
  console.log(`ntk ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}, node ${process.version}, ${records} records (${Math.round(Number(bytes) / 1024)} MB on disk), medians of ${runs} alternating runs`);
  console.log('');

  const check = [ntkBin, 'check', dir, '--format', 'json', '--today', values.today];
  const ajv = [ajvBin, 'validate', '-s', schema, '-d', `${dir}/*.yaml`];
  const [ntkCold, ajvCold] = alternate(runs, [check, ajv]);
  line(`cold: ntk check, ${records} files`, ntkCold, ajvCold, 'ajv-cli', 0.6);

  run([...check, '--cache']);
  const [ntkWarm, ajvWarm] = alternate(runs, [[...check, '--cache'], ajv]);
  line(`warm: ntk check --cache, ${records} files`, ntkWarm, ajvWarm, 'ajv-cli', 0.1);

  const [nodeBare, version, help] = alternate(Math.max(15, runs * 3), [['-e', '0'], [ntkBin, '--version'], [ntkBin, '--help']]);
  line('ntk --version', version, nodeBare, 'node -e 0', 1.6);
  line('ntk --help', help, nodeBare, 'node -e 0', 1.6);

  const small = run(check);
  if (big > 0) {
    const bigDir = join(work, 'big');
    process.stderr.write(`generating ${big} records in ${bigDir} ...\n`);
    await writeRecords(bigDir, big, { seed: 2 });
    const large = run([ntkBin, 'check', bigDir, '--format', 'json', '--today', values.today]);
    const verdict = large.rssMb < 300 ? 'meets' : 'MISSES';
    console.log(`${`memory: ntk check, ${big} files`.padEnd(40)} peak RSS ${large.rssMb.toFixed(0)} MB in ${s(large.wall)} (goal < 300 MB: ${verdict}); ${records} files: ${small.rssMb.toFixed(0)} MB`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
