import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readRecordFile } from './read-record.js';

/**
 * The `completed` date of the next toolkit of the same child in the record's
 * own folder (the review that followed it), if there is one. Records are named
 * `<ref>-<completed>.yaml`, so only files with that name are read, and each
 * is believed only when its own `child.ref` and `completed` say so: a sheet
 * must not call a review overdue when the review has already happened. A
 * toolkit completed after `today` had not happened yet on that day.
 */
export async function nextToolkitOf(file: string, ref: string, completed: string, today: string): Promise<string | undefined> {
  const folder = dirname(file);
  const names = await readdir(folder).catch(() => [] as string[]);
  const own = basename(file);
  let next: string | undefined;
  for (const name of names) {
    const date = name.startsWith(`${ref}-`) ? /^(\d{4}-\d{2}-\d{2})\.ya?ml$/.exec(name.slice(ref.length + 1))?.[1] : undefined;
    if (date === undefined || date <= completed || date > today || name === own || (next !== undefined && date >= next)) continue;
    const read = await readRecordFile(join(folder, name)).catch(() => null);
    const data = read?.record?.data as { child?: { ref?: unknown }; assessment?: { completed?: unknown } } | undefined;
    if (data?.child?.ref === ref && data.assessment?.completed === date) next = date;
  }
  return next;
}
