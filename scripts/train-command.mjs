// Runs one command from its own file as bin/ntk.js does, then writes beside
// the file the code V8 compiled for it (scripts/bundle.mjs, at build time).
// Usage: node scripts/train-command.mjs dist/bin/command-NAME.cjs ARGS...
import { readFileSync, writeFileSync } from 'node:fs';

const [file, ...args] = process.argv.slice(2);
const { checkedCodeCache, codeCachePath, commonJsScript, runCommonJs } = await import('../dist/io/cached-script.js');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const source = readFileSync(file, 'utf8');
const script = commonJsScript(file, source);
const { main } = runCommonJs(script, file);
await main([process.execPath, 'ntk', ...args], version);
// Findings (1) are a run like any other; a usage error or worse means the command did not do its work.
if ((process.exitCode ?? 0) > 1) throw new Error(`ntk ${args.join(' ')} exited ${process.exitCode}`);
writeFileSync(codeCachePath(file), checkedCodeCache(source, script.createCachedData()));
// The command's own exit code (findings, say) is not the training's.
process.exit(0);
