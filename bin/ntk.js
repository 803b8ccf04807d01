#!/usr/bin/env node
// Entry point. `--version` is answered before anything else is loaded, so scripts
// that ask for it pay for a bare Node start and nothing more.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${version}\n`);
} else if (args.length === 2 && args[0] === 'diff-textconv' && !args[1].startsWith('-')) {
  // git runs this once per file it shows: it loads the reader and the text view, not the command table.
  if (process.env.NTK_DEBUG) process.setSourceMapsEnabled(true);
  const { textconv } = await import('../dist/bin/textconv.js');
  await textconv(args[1]);
} else {
  // The bundle's stack traces then name the lines of src/ (they are shown only with NTK_DEBUG=1).
  if (process.env.NTK_DEBUG) process.setSourceMapsEnabled(true);
  // A command the build made a file of its own for (scripts/bundle.mjs: one file loads faster than
  // the dozens of chunks it needs), run with the code V8 compiled of it at build time, unless
  // NTK_DEBUG asks for the chunks, which have source maps.
  const own = /^[a-z][a-z-]*$/.test(args[0] ?? '') && !process.env.NTK_DEBUG ? fileURLToPath(new URL(`../dist/bin/command-${args[0]}.cjs`, import.meta.url)) : null;
  const commandFile = own !== null && existsSync(own);
  // What such a command starts before its file loads, while Node reads it (history: git's log of a file).
  const early = commandFile ? new URL(`../dist/bin/early-${args[0]}.js`, import.meta.url) : null;
  if (early !== null && existsSync(early)) (await import(early.href)).start(args.slice(1));
  const { main } = commandFile ? (await import('../dist/bin/cached-script.js')).runCachedScript(own) : await import('../dist/bin/main.js');
  await main(process.argv, version);
  // These commands only read, and have finished (writing a file included) once main returns. Left
  // to end by itself, Node would first wait for V8's threads to finish compiling code that will not
  // run again, and run a last garbage collection: 7 ms of a 1,600-commit history. Output still
  // buffered (a pipe on Windows) is left for Node to flush as it ends, and a failed write (a full
  // disk) for main.ts's handler to report, which it does once this has returned.
  const done = (stream) => stream.writableLength === 0 && !stream.errored;
  if (commandFile && done(process.stdout) && done(process.stderr)) process.exit();
}
