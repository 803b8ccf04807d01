import { writeFileAtomic } from '../io/atomic-write.js';
import { refuseOutputsOverInputs } from '../io/output-not-input.js';
import { terminalSafeLine } from '../render/safe-text.js';
import type { CliContext } from './context.js';

/**
 * Writes a command's result to stdout, or atomically to --output: never over
 * an existing file without --force, and never, even with it, over one of
 * the files the command read (`inputs`).
 */
export async function writeOutput(text: string, options: { output?: string; force?: boolean }, inputs: readonly string[], ctx: CliContext): Promise<void> {
  if (options.output === undefined || options.output === '-') {
    ctx.stdout.write(text);
    return;
  }
  await refuseOutputsOverInputs([options.output], inputs);
  await writeFileAtomic(options.output, text, { overwrite: options.force === true, mode: 0o600 });
  ctx.stderr.write(`${terminalSafeLine(`wrote ${options.output}`)}\n`);
}
