import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { mergeRecordFiles } from '../../merge/merge-files.js';
import { terminalSafeLine } from '../../render/safe-text.js';
import type { CliContext } from '../context.js';

/**
 * git's merge driver contract: merge into the %A file, exit 0 when clean and
 * non-zero when conflicts are left for the user. Records merge by section
 * and list item; any other file git hands over gets git's own line merge.
 */
export async function runMergeDriver(base: string, ours: string, theirs: string, name: string, ctx: CliContext): Promise<number> {
  const [o, a, b] = await Promise.all([readFile(base), readFile(ours), readFile(theirs)]);
  const merged = mergeRecordFiles(name, o, a, b);
  if (merged.kind === 'not-records') {
    // Loaded only for such a file: git runs the driver once per record it merges, and execa is 240 KB of modules.
    const { execa } = await import('execa');
    const r = await execa('git', ['merge-file', '-L', 'ours', '-L', 'base', '-L', 'theirs', ours, base, theirs], { reject: false });
    return r.exitCode === 0 ? 0 : 1;
  }
  await writeFileAtomic(ours, merged.text, { overwrite: true });
  if (merged.conflicts.length === 0) return 0;
  const where = merged.conflicts.map((c) => terminalSafeLine(c)).join(', ');
  ctx.stderr.write(`ntk: ${terminalSafeLine(name)}: ${merged.conflicts.length} merge conflict${merged.conflicts.length === 1 ? '' : 's'} (${where}); each is an \`ntk-merge-conflict\` block holding ours and theirs\n`);
  return 1;
}
