import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readRecordFile } from './read-record.js';

/**
 * The siblings' toolkits of one household assessment: the other records in the
 * same folder with the same `child.household` and `completed` date. Each file
 * is believed only for what it says itself; a file that cannot be read is no
 * sibling.
 */
export async function householdSiblingFiles(file: string, household: string, completed: string, ref: string): Promise<string[]> {
  const folder = dirname(file);
  const own = basename(file);
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => n !== own && /\.ya?ml$/.test(n) && !n.endsWith('.draft.yaml')).sort();
  const out: string[] = [];
  for (const name of names) {
    const read = await readRecordFile(join(folder, name)).catch(() => null);
    const data = read?.record?.data as { child?: { ref?: unknown; household?: unknown }; assessment?: { completed?: unknown } } | undefined;
    if (data?.child?.household === household && data.assessment?.completed === completed && data.child.ref !== ref) out.push(join(folder, name));
  }
  return out;
}
