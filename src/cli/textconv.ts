import { plainStyle } from '../render/plain-style.js';
import { runDiffTextconv } from './actions/run-diff-textconv.js';
import type { CliStreams } from './context.js';

/**
 * `ntk diff-textconv FILE` as git runs it: once per blob of every `git diff`
 * and `git log -p`, so it starts with the reader and the text view only - no
 * command table, no colours (its output is for git, never coloured). Anything
 * else on the command line goes through the full program (bin/ntk.js decides).
 */
export async function textconv(file: string): Promise<void> {
  const ctx: CliStreams = { stdout: process.stdout, stderr: process.stderr, out: plainStyle, err: plainStyle, width: 100 };
  try {
    process.exitCode = await runDiffTextconv(file, ctx);
  } catch (error) {
    const { reportError } = await import('./report-error.js');
    process.exitCode = reportError(error, ctx);
  }
}
