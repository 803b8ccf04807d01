import type { CliContext } from './context.js';

/**
 * Progress for long batches, on stderr and only on a terminal: a pipe or a
 * CI log gets nothing. Redrawn at most ten times a second.
 */
export function progressReporter(ctx: CliContext, total: number, verb: string): { update: (done: number) => void; done: () => void } {
  if (!ctx.stderr.isTTY || total < 50) return { update: () => undefined, done: () => undefined };
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      const rate = done / Math.max(0.001, (now - started) / 1000);
      ctx.stderr.write(`\r\u001b[2K${verb} ${done}/${total} files (${Math.round(rate)}/s)`);
    },
    done() {
      if (shown) ctx.stderr.write('\r\u001b[2K');
    },
  };
}
