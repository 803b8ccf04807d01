import { writeFileAtomic } from '../io/atomic-write.js';
import type { CliContext } from './context.js';

/** Writes a command's result to stdout, or atomically to --output (never over an existing file without --force). */
export async function writeOutput(text: string, options: { output?: string; force?: boolean }, ctx: CliContext): Promise<void> {
  if (options.output === undefined || options.output === '-') {
    ctx.stdout.write(text);
    return;
  }
  await writeFileAtomic(options.output, text, { overwrite: options.force === true, mode: 0o600 });
  ctx.stderr.write(`wrote ${options.output}\n`);
}
