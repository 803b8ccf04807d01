// Bundles the command line into dist/bin/ with esbuild, at build time.
//
// Node loads an ES module at a time, each resolved, read and linked on its
// own; ntk's commands are made of a few dozen small modules and their
// packages, and loading them was a third of a short command's run. Bundled,
// `ntk --help` starts about 8 ms sooner, `ntk summary` about 20 ms and a warm
// `ntk check --cache` of 10,000 files about 10 ms. Code a command does not
// need is still loaded only when it runs: each lazy import becomes a chunk.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesHash } from './rules-hash.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = 'dist/bin';

await rm(new URL(`../${out}/`, import.meta.url), { recursive: true, force: true });
/**
 * string-width builds an Intl.Segmenter and compiles Unicode-property
 * regular expressions as it loads: about 50 ms, as long as Node's own start,
 * and the textconv git runs once per blob (and most terminal views) never
 * need them, text that is as wide as it is long being measured without them
 * (src/render/text-layout.ts). So the bundle's `import stringWidth from
 * 'string-width'` is given a stand-in that requires the package on its first
 * call; esbuild bundles a required ES module as code run on that first
 * require, not at start.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) => (args.kind === 'import-statement' ? { path: 'string-width', namespace: 'lazy-string-width' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, () => ({
      contents: "let width; export default function stringWidth(text) { width ??= require('string-width').default; return width(text); }",
      resolveDir: root,
    }));
  },
};

/**
 * commander requires node:child_process as it loads, for stand-alone
 * subcommands (`git`-style executables), which ntk has none of: with it come
 * net, dgram and their bindings, about 3 ms of every command's start. The
 * bundle gives commander a stand-in that requires the module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_target, key) => require('node:child_process')[key] });",
      resolveDir: root,
    }));
  },
};

// Packages written as CommonJS (commander) require Node's own modules; an ES module has no `require` of its own.
const requireBanner = "import { createRequire as __ntkCreateRequire } from 'node:module'; const require = __ntkCreateRequire(import.meta.url);";

/**
 * Every require of a bundled CommonJS package goes through esbuild's
 * `__require` helper, which lives in one chunk; any other file given the
 * banner paid for a createRequire and an import.meta as it loaded and never
 * read them: a command loads 7 to 60 files (`ntk schema` 17, which took 3.7 ms
 * less CPU without them: median of 61 paired runs).
 * So the banner is blanked in each file that does not name `require` at all
 * (one naming it in a comment or a string keeps it, which is harmless); the
 * line stays, so the source maps still fit.
 */
async function dropUnusedRequire({ metafile }) {
  for (const file of Object.keys(metafile.outputs).filter((name) => name.endsWith('.js'))) {
    const path = join(root, file);
    const text = await readFile(path, 'utf8');
    const body = text.slice(text.indexOf('\n'));
    if (text.startsWith(requireBanner) && !/(?<![\w$.])require(?![\w$])/.test(body)) await writeFile(path, body);
  }
}

/** What every bundle shares: ES modules for Node 20, code a command does not need split into chunks. */
const shared = {
  absWorkingDir: root,
  outdir: out,
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Stack traces (NTK_DEBUG=1, which bin/ntk.js turns source maps on for) point into src/.
  sourcemap: 'linked',
  banner: { js: requireBanner },
  metafile: true,
  logLevel: 'warning',
  plugins: [lazyStringWidth, lazyChildProcess],
  // The check cache's key includes the rule code (src/batch/rules-hash.ts).
  define: { NTK_RULES_HASH: JSON.stringify(await rulesHash(root)) },
};

// The worker thread of a batch is an entry of its own: it is started by file name (src/batch/worker-start.ts).
await dropUnusedRequire(await build({ ...shared, entryPoints: ['src/cli/main.ts', 'src/batch/check-worker.ts'], chunkNames: 'chunk-[hash]' }));

// git's textconv (src/cli/textconv.ts) starts once per file git shows, so it must start like a bare
// node: what it always needs is one file of its own, not a dozen shared chunks resolved one by one;
// error reporting stays a chunk of its own, and the `yaml` reader (for a record the fast reader declines) is yaml.cjs below.
await dropUnusedRequire(await build({ ...shared, entryPoints: ['src/cli/textconv.ts'], chunkNames: 'textconv-[hash]' }));

/**
 * The commands users run most, each also as one file of its own
 * (dist/bin/command-NAME.cjs), which bin/ntk.js runs when the command line
 * starts with that command's name. Split as above, `ntk history` loads 47
 * files, each resolved, read, compiled and linked by Node's ES module
 * loader on its own; as one file, one child's history took 178 ms rather
 * than 194, `ntk summary` 114 rather than 127, `ntk diff` 144 rather than
 * 161, a warm `ntk check --cache` of 10,000 records 234 rather than 255
 * (alternating runs). A command's file is the same main.ts, with the other
 * commands' definitions and the other views' format tables left out
 * (commander is given that one command, so nothing else can be reached;
 * each stand-in throws if it ever is), so each holds one copy of every
 * module it needs and shares none with the chunks above: no class or cache
 * is ever loaded twice in one process. Its lazy pieces (other formats, the
 * batch checker, chalk and tinyglobby) are inside it, compiled only if
 * used. No source map: NTK_DEBUG runs the split build above, whose stack
 * traces name src/.
 *
 * Each is CommonJS, run as a script with the code V8 compiled of it when
 * the build ran the command (below), as the validators are: an ES module
 * is compiled from its text at every start, which for history's 370 KB was
 * 13 ms. With the cache, the 1,600-commit history of the bench took 0.187 s
 * rather than 0.199 (21 alternating runs).
 */
const COMMAND_BUNDLES = ['check', 'report', 'summary', 'diff', 'history', 'chronology', 'compare'];
// What bin/ntk.js runs them with (the package holds dist/bin alone), and what a command starts
// before its file loads (src/cli/early-history.ts): small files of their own.
await build({ ...shared, sourcemap: false, splitting: false, banner: {}, entryPoints: { 'cached-script': 'src/io/cached-script.ts', 'early-history': 'src/cli/early-history.ts' } });
for (const name of COMMAND_BUNDLES) {
  const result = await build({
    ...shared,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    sourcemap: false,
    splitting: false,
    // What the modules call import.meta.url (they find the validators, templates and worker beside themselves).
    banner: { js: "const __ntkMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { ...shared.define, 'import.meta.url': '__ntkMetaUrl' },
    entryPoints: { [`command-${name}`]: 'src/cli/main.ts' },
    plugins: [...shared.plugins, oneCommand(name)],
  });
  const inputs = Object.keys(Object.values(result.metafile.outputs)[0].inputs);
  const defined = inputs.filter((input) => /src\/cli\/commands\/define-/.test(input));
  if (defined.length !== 1 || !defined[0].endsWith(`define-${name}.ts`)) throw new Error(`command-${name}.cjs defines ${defined.join(', ')}`);
}

/**
 * The command table (main.ts) with only command `name`'s definition, and
 * the view formats (view-formats.ts) with only that command's view: the
 * others are stand-ins that throw if used (they never are: main.ts defines
 * only the command named first, the one the file was chosen for).
 */
function oneCommand(name) {
  const fail = (what) => `throw new Error('internal: command-${name}.cjs reached ${what}');`;
  return {
    name: 'one-command',
    setup(b) {
      b.onResolve({ filter: /^\.\/commands\/define-[a-z-]+\.js$/ }, (args) => {
        const other = /define-([a-z-]+)\.js$/.exec(args.path)[1];
        if (!/[\\/]src[\\/]cli[\\/]main\.ts$/.test(args.importer) || other === name) return undefined;
        return { path: other, namespace: 'other-command' };
      });
      b.onLoad({ filter: /.*/, namespace: 'other-command' }, ({ path }) => ({
        // main.ts calls `defineX(program)` for a command it defines: the stand-in is a function that throws.
        contents: `export function define${path.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('')}() { ${fail(`the command ${path}`)} }`,
      }));
      b.onResolve({ filter: /^\.\/[a-z]+-formats\.js$/ }, (args) => {
        const view = /^\.\/([a-z]+)-formats\.js$/.exec(args.path)[1];
        if (!/[\\/]src[\\/]render[\\/]view-formats\.ts$/.test(args.importer) || view === name) return undefined;
        return { path: view, namespace: 'other-view' };
      });
      b.onLoad({ filter: /.*/, namespace: 'other-view' }, ({ path }) => ({ contents: `export const ${path}Formats = new Proxy({}, { get() { ${fail(`the ${path} view`)} } });` }));
    },
  };
}

// What the bundled code reads from beside itself, as the modules of dist/ do: the standalone validators and the prebuilt templates.
// The validators are bundled too (they require a piece of ajv's runtime), so the installed package needs nothing from node_modules.
// So is the `yaml` reader, loaded synchronously the first time a record, a template or a config needs it (src/io/yaml-reader.ts).
await build({
  absWorkingDir: root,
  entryPoints: ['dist/validate/toolkit-schema.validator.cjs', 'dist/template/template-schema.validator.cjs', { in: 'node_modules/yaml/dist/index.js', out: 'yaml' }],
  outdir: out,
  outExtension: { '.js': '.cjs' },
  entryNames: '[name]',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
await copyFile(new URL('../dist/template/package-templates.json', import.meta.url), new URL(`../${out}/package-templates.json`, import.meta.url));

/**
 * V8's compiled code of each standalone validator, for the Node that builds
 * it (src/io/cached-script.ts; another Node's V8 refuses it and
 * compiles the code as before). The code is compiled as a process would,
 * then run on records and templates, valid and not, so that the functions
 * those need are in the cache too, not only the code that runs as it loads.
 */
const { codeCachePath, checkedCodeCache, commonJsScript, runCommonJs } = await import('../dist/io/cached-script.js');
const { parse } = await import('yaml');
const recordFolder = new URL('../fixtures/mary-jo/', import.meta.url);
const recordNames = (await readdir(recordFolder)).filter((name) => name.endsWith('.yaml'));
const records = await Promise.all(recordNames.map(async (name) => parse(await readFile(new URL(name, recordFolder), 'utf8'))));
// The templates as build-validators.mjs parsed and checked them.
const templates = JSON.parse(await readFile(new URL(`../${out}/package-templates.json`, import.meta.url), 'utf8')).map((entry) => entry.template);
// A record and a template with their shapes broken, so that the validators' error paths are compiled too.
const broken = (value) => ({ ...value, format: 7, areas: [], extra: { nested: true } });
for (const [name, samples] of [['toolkit-schema.validator.cjs', [...records, broken(records[0])]], ['template-schema.validator.cjs', [...templates, broken(templates[0])]]]) {
  const file = join(root, out, name);
  const source = await readFile(file, 'utf8');
  const script = commonJsScript(file, source);
  const validate = runCommonJs(script, file);
  for (const sample of samples) validate(sample);
  await writeFile(codeCachePath(file), checkedCodeCache(source, script.createCachedData()));
}

/**
 * V8's compiled code of each command's file, made as the command runs, in a
 * process of its own (scripts/train-command.mjs), on the Mary Jo fixtures:
 * so the cache holds the functions that command runs, not only the code
 * that runs as the file loads. History reads a repository made here, the
 * three toolkits of Mary Jo committed in turn as one file.
 */
const mj = (name) => join(root, 'fixtures', 'mary-jo', name);
const repo = await mkdtemp(join(tmpdir(), 'ntk-build-history-'));
try {
  const git = (...args) => spawnSync('git', args, { cwd: repo, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Build', GIT_AUTHOR_EMAIL: 'build@example.org', GIT_COMMITTER_NAME: 'Build', GIT_COMMITTER_EMAIL: 'build@example.org' } }).status === 0;
  let committed = git('init', '--quiet');
  for (const toolkit of ['MJ-01-2020-09-29.yaml', 'MJ-01-2020-12-15.yaml', 'MJ-01-2021-03-16.yaml']) {
    await copyFile(mj(toolkit), join(repo, 'MJ-01.yaml'));
    committed &&= git('add', 'MJ-01.yaml') && git('commit', '--quiet', '-m', toolkit);
  }
  const today = ['--today', '2021-04-01'];
  const runs = {
    check: [root, 'check', mj(''), ...today],
    report: [root, 'report', mj(''), ...today],
    summary: [root, 'summary', mj('MJ-01-2021-03-16.yaml'), ...today],
    diff: [root, 'diff', mj('MJ-01-2020-09-29.yaml'), mj('MJ-01-2020-12-15.yaml')],
    // Without git on the building machine, history is trained on the files alone.
    history: committed ? [repo, 'history', 'MJ-01.yaml', ...today] : [root, 'history', mj(''), '--no-git', ...today],
    chronology: [root, 'chronology', mj(''), '--no-git', ...today],
    compare: [root, 'compare', mj('')],
  };
  for (const name of COMMAND_BUNDLES) {
    const [cwd, ...args] = runs[name];
    const file = join(root, out, `command-${name}.cjs`);
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'train-command.mjs'), file, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`training command-${name}.cjs failed: ${r.stderr}`);
  }
} finally {
  await rm(repo, { recursive: true, force: true });
}
