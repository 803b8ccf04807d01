// `npm run docs:codes`: rewrites the README's table of finding codes from the
// registry. The table is written in TypeScript beside the registry's types
// (scripts/finding-codes-table.ts, which the unit test also reads); esbuild
// compiles it in memory for this run.
import { build } from 'esbuild';
import { parse } from 'yaml';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const built = await build({
  absWorkingDir: root,
  entryPoints: ['scripts/finding-codes-table.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
});
const { readmeWithCodes, TABLE_TEMPLATE_FILE } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
const file = new URL('../README.md', import.meta.url);
const before = await readFile(file, 'utf8');
const after = readmeWithCodes(before, parse(await readFile(new URL(`../${TABLE_TEMPLATE_FILE}`, import.meta.url), 'utf8')));
if (after !== before) await writeFile(file, after);
console.log(after === before ? 'README.md: finding codes already up to date' : 'README.md: finding codes rewritten');
