// Bundles the command line into dist/bin/ with esbuild, at build time.
//
// Node loads an ES module at a time, each resolved, read and linked on its
// own; ntk's commands are made of a few dozen small modules and their
// packages, and loading them was a third of a short command's run. Bundled,
// `ntk --help` starts about 8 ms sooner, `ntk summary` about 20 ms and a warm
// `ntk check --cache` of 10,000 files about 10 ms. Code a command does not
// need is still loaded only when it runs: each lazy import becomes a chunk.
import { build } from 'esbuild';
import { copyFile, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = 'dist/bin';

await rm(new URL(`../${out}/`, import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The worker thread of a batch is an entry of its own: it is started by file name (src/batch/worker-start.ts).
  entryPoints: ['src/cli/main.ts', 'src/batch/check-worker.ts'],
  outdir: out,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Stack traces (NTK_DEBUG=1, which bin/ntk.js turns source maps on for) point into src/.
  sourcemap: 'linked',
  // Packages written as CommonJS (commander) require Node's own modules; an ES module has no `require` of its own.
  banner: { js: "import { createRequire as __ntkCreateRequire } from 'node:module'; const require = __ntkCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// What the bundled code reads from beside itself, as the modules of dist/ do: the standalone validators and the prebuilt templates.
for (const file of ['dist/validate/toolkit-schema.validator.cjs', 'dist/template/template-schema.validator.cjs', 'dist/template/package-templates.json']) {
  await copyFile(new URL(`../${file}`, import.meta.url), new URL(`../${out}/${basename(file)}`, import.meta.url));
}
