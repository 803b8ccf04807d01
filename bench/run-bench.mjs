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

function time(command, args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (x) => `${x.toFixed(3)} s`;

/** Runs each contender in turn, `n` rounds, and returns their medians. */
function alternate(n, contenders) {
  const times = contenders.map(() => []);
  for (let i = 0; i < n; i++) contenders.forEach(([command, args], k) => times[k].push(time(command, args)));
  return times.map(median);
}

function line(label, value, goal, ratio) {
  const verdict = ratio <= goal ? 'meets' : 'MISSES';
  console.log(`${label.padEnd(44)} ${value.padEnd(38)} goal <= ${goal}x: ${verdict}`);
}

function peakRss(args) {
  const file = join(work, 'rss');
  const r = spawnSync(process.execPath, ['--require', join(root, 'bench', 'max-rss.cjs'), ntkBin, ...args], {
    cwd: root,
    env: { ...env, NTK_BENCH_RSS_FILE: file },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  if (r.error) throw r.error;
  return Number(readFileSync(file, 'utf8')) / 1024;
}

try {
  const dir = join(work, 'records');
  process.stderr.write(`generating ${records} records in ${dir} ...\n`);
  await writeRecords(dir, records);
  const bytes = spawnSync('du', ['-sk', dir], { encoding: 'utf8' }).stdout.split('\t')[0];
  console.log(`ntk ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}, node ${process.version}, ${records} records (${Math.round(Number(bytes) / 1024)} MB on disk), medians of ${runs} alternating runs`);
  console.log('');

  const check = ['check', dir, '--format', 'json', '--today', values.today];
  const ajv = [ajvBin, 'validate', '-s', schema, '-d', `${dir}/*.yaml`];
  const [ntkCold, ajvCold] = alternate(runs, [
    [process.execPath, [ntkBin, ...check]],
    [process.execPath, ajv],
  ]);
  line(`cold: ntk check (${records} files)`, `${s(ntkCold)} vs ajv-cli ${s(ajvCold)} = ${(ntkCold / ajvCold).toFixed(2)}x`, 0.6, ntkCold / ajvCold);

  time(process.execPath, [ntkBin, ...check, '--cache']);
  const [ntkWarm, ajvWarm] = alternate(runs, [
    [process.execPath, [ntkBin, ...check, '--cache']],
    [process.execPath, ajv],
  ]);
  line(`warm: ntk check --cache (${records} files)`, `${s(ntkWarm)} vs ajv-cli ${s(ajvWarm)} = ${(ntkWarm / ajvWarm).toFixed(2)}x`, 0.1, ntkWarm / ajvWarm);

  const [nodeBare, version, help] = alternate(Math.max(15, runs * 3), [
    [process.execPath, ['-e', '0']],
    [process.execPath, [ntkBin, '--version']],
    [process.execPath, [ntkBin, '--help']],
  ]);
  line('ntk --version', `${s(version)} vs node -e 0 ${s(nodeBare)} = ${(version / nodeBare).toFixed(2)}x`, 1.6, version / nodeBare);
  line('ntk --help', `${s(help)} vs node -e 0 ${s(nodeBare)} = ${(help / nodeBare).toFixed(2)}x`, 1.6, help / nodeBare);

  const rssSmall = peakRss(check);
  if (big > 0) {
    const bigDir = join(work, 'big');
    process.stderr.write(`generating ${big} records in ${bigDir} ...\n`);
    await writeRecords(bigDir, big, { seed: 2 });
    const started = process.hrtime.bigint();
    const rssBig = peakRss(['check', bigDir, '--format', 'json', '--today', values.today]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const verdict = rssBig < 300 ? 'meets' : 'MISSES';
    console.log(`${`memory: ntk check (${big} files)`.padEnd(44)} ${`peak RSS ${rssBig.toFixed(0)} MB in ${s(seconds)}`.padEnd(38)} goal < 300 MB: ${verdict}`);
    console.log(`${`memory: ntk check (${records} files)`.padEnd(44)} peak RSS ${rssSmall.toFixed(0)} MB, for comparison`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
