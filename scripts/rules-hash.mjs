// The hash of the code that decides a check's findings, for the check cache's key
// (src/batch/rules-hash.ts): every file the check worker is bundled from, sources and
// packages alike, so a new or changed rule starts a new cache even within one version.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The worker holds every rule a check runs (src/batch/check-one.ts), so its inputs are the rule code. */
export async function rulesHash(root) {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: ['src/batch/check-worker.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const hash = createHash('sha256');
  // Sorted, so the hash depends on the files and their content, not on the order esbuild met them in.
  for (const input of Object.keys(metafile.inputs).sort()) hash.update(`${input}\0`).update(readFileSync(join(root, input))).update('\0');
  return hash.digest('hex').slice(0, 32);
}
