// npm run bench [-- --records 10000 --runs 5 --big 50000 --commits 2000]
//
// Generates realistic records into a temporary folder and times `ntk` against
// a reference on the same work in the same run (ajv-cli, git, a bare node),
// alternating the contenders so that a busy machine slows both alike, and
// prints medians and ratios beside the goals of issues 5 and 18. A benchmark,
// not a test: it never fails the build. `--big 0` and `--commits 0` leave
// out the slow rows (50,000 files; the git history).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeBoundRecords } from './generate-bounds.mjs';
import { writeHistoryRepo } from './generate-history-repo.mjs';
import { writeRecords } from './generate-records.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    big: { type: 'string', default: '50000' },
    today: { type: 'string', default: '2025-01-01' },
    commits: { type: 'string', default: '2000' },
  },
});
const records = Number(values.records);
const runs = Number(values.runs);
const big = Number(values.big);
const commits = Number(values.commits);
const ajvBin = join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const schema = join(root, 'schemas', 'toolkit.schema.json');
const work = mkdtempSync(join(tmpdir(), 'ntk-bench-'));

/**
 * ntk as users get it: the package `npm pack` makes of this clone, unpacked
 * into the bench's folder, with no node_modules beside it (the bundle needs
 * none). A clone's files keep their build times and an installed package's
 * do not (npm pack dates them all 1985): templates matched by time once made
 * every installed start 0.05 s slower, and a bench of the clone did not see it.
 */
function packedNtk() {
  const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const tarball = join(work, packed.stdout.trim().split('\n').pop());
  const unpacked = spawnSync('tar', ['xzf', tarball, '-C', work]);
  if (unpacked.status !== 0) throw new Error(`could not unpack ${tarball}`);
  return join(work, 'package', 'bin', 'ntk.js');
}
const ntkBin = packedNtk();
const cacheHome = join(work, 'cache');
const env = { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' };

const usageFile = join(work, 'usage.json');
const usagePreload = join(root, 'bench', 'usage.cjs');

/** The environment without NODE_EXTRA_CA_CERTS: the first line's bare start, and the figures under the rows against git (`againstGit`). */
const withoutCertsEnv = { ...env };
delete withoutCertsEnv.NODE_EXTRA_CA_CERTS;

/**
 * Runs `node args...` (or, given a command, that command; given `{ node, env }`, node in that
 * environment) with output discarded: wall seconds, CPU seconds (all threads) and peak RSS in MB.
 */
function run(args, cwd = root) {
  if (args.command) return runCommand(args, cwd);
  const [nodeArgs, nodeEnv] = args.node ? [args.node, args.env] : [args, env];
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', usagePreload, ...nodeArgs], {
    cwd,
    env: { ...nodeEnv, NTK_BENCH_USAGE_FILE: usageFile },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  if (r.error) throw r.error;
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  return { wall, ...JSON.parse(readFileSync(usageFile, 'utf8')) };
}

/**
 * `node args...` with its output a pipe into `cat`, as `ntk check | jq` or
 * `| less` has it, rather than /dev/null: the same three figures. A pipe
 * takes output only as fast as it is read, which a writer must wait for.
 */
function runPiped(args, cwd = root) {
  const started = process.hrtime.bigint();
  const quoted = [process.execPath, '--require', usagePreload, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const r = spawnSync('sh', ['-c', `${quoted} | cat > /dev/null`], { cwd, env: { ...env, NTK_BENCH_USAGE_FILE: usageFile }, stdio: 'ignore' });
  if (r.error) throw r.error;
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  return { wall, ...JSON.parse(readFileSync(usageFile, 'utf8')) };
}

/** Another program (git), timed by GNU time: the same three figures. */
function runCommand({ command, args }, cwd) {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', usageFile, command, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'ignore'] });
  if (r.error) throw r.error;
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const [user, system, rssKb] = readFileSync(usageFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + system, rssMb: rssKb / 1024 };
}
const git = (...args) => ({ command: 'git', args });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (x) => `${x.toFixed(3)} s`;

/** Runs each contender in turn, `n` rounds; returns the medians of wall and CPU seconds for each. */
function alternate(n, contenders, cwd = root) {
  const runs = contenders.map(() => []);
  for (let i = 0; i < n; i++) contenders.forEach((args, k) => runs[k].push(run(args, cwd)));
  return runs.map((rs) => ({ wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)), rssMb: median(rs.map((r) => r.rssMb)) }));
}

/** A row with an absolute goal: medians of `n` runs, wall seconds against the goal, and peak memory. */
function absolute(label, n, args, goalSeconds, cwd = root) {
  const [a] = alternate(n, [args], cwd);
  console.log(`${label.padEnd(40)} ${s(a.wall)} (goal < ${goalSeconds} s: ${a.wall < goalSeconds ? 'meets' : 'MISSES'}); CPU ${s(a.cpu)}, peak RSS ${a.rssMb.toFixed(0)} MB`);
}

/** A memory row: peak RSS of one run against the goal, with its wall time. */
function memory(label, args, goalMb, cwd = root, runner = run) {
  const r = runner(args, cwd);
  console.log(`${label.padEnd(40)} peak RSS ${r.rssMb.toFixed(0)} MB in ${s(r.wall)} (goal < ${goalMb} MB: ${r.rssMb < goalMb ? 'meets' : 'MISSES'}); CPU ${s(r.cpu)}`);
  return r;
}

/**
 * A row of ntk against git, which pays nothing for NODE_EXTRA_CA_CERTS where every node start
 * does: when the variable is set, ntk is also run without it in the same rounds, and that figure
 * is printed under the row, for the reader (the verdict is the row's, as the machine has it).
 */
function againstGit(label, ntkArgs, gitArgs, gitName, goal, cwd) {
  const certs = process.env.NODE_EXTRA_CA_CERTS !== undefined;
  const [a, b, c] = alternate(runs, [ntkArgs, gitArgs, ...(certs ? [{ node: ntkArgs, env: withoutCertsEnv }] : [])], cwd);
  line(label, a, b, gitName, goal);
  if (c) console.log(`${''.padEnd(40)}   without NODE_EXTRA_CA_CERTS: ${s(c.wall)} = ${(c.wall / b.wall).toFixed(2)}x`);
}

/** One result line: wall times and their ratio against the goal, then CPU times for the record. */
function line(label, a, b, bName, goal) {
  const ratio = a.wall / b.wall;
  const verdict = ratio <= goal ? 'meets' : 'MISSES';
  console.log(`${label.padEnd(40)} ${s(a.wall)} vs ${bName} ${s(b.wall)} = ${ratio.toFixed(2)}x (goal <= ${goal}x: ${verdict}); CPU ${s(a.cpu)} vs ${s(b.cpu)} = ${b.cpu > 0 ? `${(a.cpu / b.cpu).toFixed(2)}x` : 'n/a (under 0.01 s, as GNU time counts it)'}`);
}

try {
  const dir = join(work, 'records');
  process.stderr.write(`generating ${records} records in ${dir} ...\n`);
  await writeRecords(dir, records);
  const bytes = spawnSync('du', ['-sk', dir], { encoding: 'utf8' }).stdout.split('\t')[0];
  console.log(`ntk ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version} as npm pack packs it, node ${process.version}, ${records} records (${Math.round(Number(bytes) / 1024)} MB on disk), medians of ${runs} alternating runs`);
  if (process.env.NODE_EXTRA_CA_CERTS) {
    // Node reads the file it names as it starts, whatever the program: a cost of this machine that every node start
    // pays and git does not. Bare starts with and without it, alternating.
    const starts = [[], []];
    for (let i = 0; i < Math.max(15, runs * 3); i++) {
      [env, withoutCertsEnv].forEach((e, k) => {
        const started = process.hrtime.bigint();
        spawnSync(process.execPath, ['-e', '0'], { env: e, stdio: 'ignore' });
        starts[k].push(Number(process.hrtime.bigint() - started) / 1e9);
      });
    }
    console.log(`note: NODE_EXTRA_CA_CERTS is set here: node -e 0 takes ${s(median(starts[0]))} with it, ${s(median(starts[1]))} without; every node start below pays it (ntk, ajv-cli, node -e 0), git does not`);
  }
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

  // Issue 18: the same headline with records that carry about ten findings each.
  const heavyDir = join(work, 'findings');
  await writeRecords(heavyDir, records, { findings: true });
  const heavyCheck = [ntkBin, 'check', heavyDir, '--today', values.today];
  const heavyAjv = [ajvBin, 'validate', '-s', schema, '-d', `${heavyDir}/*.yaml`];
  const [heavyCold, heavyAjvCold] = alternate(runs, [heavyCheck, heavyAjv]);
  line(`cold: ntk check, ~10 findings a file`, heavyCold, heavyAjvCold, 'ajv-cli', 0.6);
  run([...heavyCheck, '--cache']);
  const [heavyWarm, heavyAjvWarm] = alternate(runs, [[...heavyCheck, '--cache'], heavyAjv]);
  line(`warm: --cache, ~10 findings a file`, heavyWarm, heavyAjvWarm, 'ajv-cli', 0.1);

  // git's textconv runs once per blob: its start against a bare node's.
  const record = join(root, 'fixtures', 'mary-jo', 'MJ-01-2020-09-29.yaml');
  const [textconv, bare] = alternate(Math.max(15, runs * 3), [[ntkBin, 'diff-textconv', record], ['-e', '0']]);
  line('ntk diff-textconv, one record', textconv, bare, 'node -e 0', 1.5);

  // The worst records within the format's bounds.
  const bounds = join(work, 'bounds');
  mkdirSync(bounds);
  await writeBoundRecords(bounds, root);
  absolute('worst: diff, all texts 20,000 chars', runs, [ntkBin, 'diff', join(bounds, 'old.yaml'), join(bounds, 'new.yaml')], 2);
  absolute('worst: check, 2 MB of unknown keys', runs, [ntkBin, 'check', join(bounds, 'unknown-keys.yaml')], 2);
  absolute('worst: summary, all texts 20,000 chars', runs, [ntkBin, 'summary', join(bounds, 'new.yaml')], 2);

  if (commits > 0) {
    const repo = join(work, 'history');
    process.stderr.write(`generating a repository of 200 children and ${commits} commits ...\n`);
    writeHistoryRepo(repo, { children: 200, commits });
    againstGit(`ntk history DIR, ${commits} commits`, [ntkBin, 'history', 'records'], git('log', '-p', '--', 'records'), 'git log -p', 5, repo);
    // One child's file as a practitioner asks for it, in the repository of all 200 (about ten commits each).
    const child = 'records/C-000100.yaml';
    againstGit('ntk history FILE, one child of 200', [ntkBin, 'history', child], git('log', '-p', '--follow', child), 'git log -p --follow', 3, repo);
    const one = join(work, 'one-file');
    const oneCommits = Math.round(commits * 0.8);
    writeHistoryRepo(one, { children: 1, commits: oneCommits });
    const file = 'records/C-000000.yaml';
    againstGit(`ntk history FILE, ${oneCommits} commits`, [ntkBin, 'history', file], git('log', '-p', '--follow', file), 'git log -p --follow', 3, one);
  }

  const small = run(check);
  if (big > 0) {
    const bigDir = join(work, 'big');
    process.stderr.write(`generating ${big} records in ${bigDir} ...\n`);
    await writeRecords(bigDir, big, { seed: 2 });
    const large = run([ntkBin, 'check', bigDir, '--format', 'json', '--today', values.today]);
    const verdict = large.rssMb < 300 ? 'meets' : 'MISSES';
    console.log(`${`memory: ntk check, ${big} files`.padEnd(40)} peak RSS ${large.rssMb.toFixed(0)} MB in ${s(large.wall)} (goal < 300 MB: ${verdict}); ${records} files: ${small.rssMb.toFixed(0)} MB`);
    const heavyBig = join(work, 'big-findings');
    process.stderr.write(`generating ${big} records with findings in ${heavyBig} ...\n`);
    await writeRecords(heavyBig, big, { seed: 2, findings: true });
    for (const format of ['pretty', 'json', 'github', 'sarif', 'junit']) memory(`memory: check ${format}, ${big} + findings`, [ntkBin, 'check', heavyBig, '--format', format, '--today', values.today], 300);
    memory(`memory: check json | cat, ${big} + f.`, [ntkBin, 'check', heavyBig, '--format', 'json', '--today', values.today], 300, root, runPiped);
    // The first --cache run checks every file and writes the cache; the warm ones read it.
    memory(`memory: first --cache, ${big} + f.`, [ntkBin, 'check', heavyBig, '--format', 'json', '--today', values.today, '--cache'], 300);
    memory(`memory: warm --cache, ${big} + f.`, [ntkBin, 'check', heavyBig, '--format', 'json', '--today', values.today, '--cache'], 300);
    const bigAjv = [ajvBin, 'validate', '-s', schema, '-d', `${heavyBig}/*.yaml`];
    const [report, reportAjv] = alternate(1, [[ntkBin, 'report', heavyBig, '--format', 'csv', '--today', values.today], bigAjv]);
    line(`ntk report, ${big} files`, report, reportAjv, 'ajv-cli', 1);
    console.log(`${`memory: ntk report, ${big} files`.padEnd(40)} peak RSS ${report.rssMb.toFixed(0)} MB (goal < 300 MB: ${report.rssMb < 300 ? 'meets' : 'MISSES'}); CPU/wall ${(report.cpu / report.wall).toFixed(2)} cores`);
    const [history, cold] = alternate(1, [[ntkBin, 'history', heavyBig, '--no-git', '--format', 'csv'], [ntkBin, 'check', heavyBig, '--format', 'json', '--today', values.today]]);
    line(`ntk history --no-git, ${big} files`, history, cold, 'cold check', 2);
    console.log(`${`memory: ntk history --no-git, ${big}`.padEnd(40)} peak RSS ${history.rssMb.toFixed(0)} MB (goal < 300 MB: ${history.rssMb < 300 ? 'meets' : 'MISSES'})`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
