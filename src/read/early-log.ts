import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { gitEnvironment, logArguments } from './git-command.js';

/**
 * `ntk history FILE` waits above all for git's log of the file, which walks
 * every commit of the repository (in one of 200 children and 2,000 commits,
 * 40 ms of git's time for the child's ten). bin/ntk.js starts that log
 * before history's own file has loaded and run (dist/bin/early-history.js),
 * and history takes it rather than start its own, when it is the very log
 * it would start: the same folder and the same arguments, worked out the
 * same way from the same name. Anything else (a folder, several files, a
 * pattern, an option with a value, `--no-git`) is left to history. A log
 * nobody takes (a usage error, say) does not keep the process alive, and
 * git ends when it finds its reader gone.
 *
 * The two are separate bundles with their own modules, so the log is handed
 * over on a global, under a symbol of its own.
 */
const HANDOVER = Symbol.for('ntk.history.early-log');

interface EarlyLog {
  cwd: string;
  args: string[];
  child: ChildProcessByStdio<null, Readable, null>;
  /** Set when git could not be started: history then starts its own, and reports that as it always does. */
  failed: boolean;
  /** Lets the output flow to whoever takes the log; made by the bundle that started it (the taker's is another copy of this module). */
  release: () => void;
}

type Handover = { [HANDOVER]?: EarlyLog };

/** `args`: the command line after `history`. */
export function startEarlyLog(args: readonly string[]): void {
  const names = args.filter((a) => !a.startsWith('-'));
  // A pattern ntk expands itself (`'records/MJ-01*.yaml'`) names files history will not read as one.
  if (names.length !== 1 || args.includes('--no-git') || !/\.ya?ml$/i.test(names[0]!) || /[*?[\]{}]/.test(names[0]!)) return;
  const file = names[0]!;
  const cwd = dirname(resolve(file));
  const logArgs = logArguments(basename(file));
  const child = spawn('git', logArgs, { cwd, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'ignore'] });
  // Node throws away what a child wrote to a pipe nobody listens to once the child has exited (a
  // small repository's log can end before history is loaded): a `readable` listener keeps it, in
  // the pipe and the stream's buffer, until history takes the log and reads it.
  const hold = (): void => undefined;
  const stdout = child.stdout as Readable & { ref?: () => void; unref?: () => void };
  const early: EarlyLog = {
    cwd,
    args: logArgs,
    child,
    failed: false,
    release: () => {
      child.ref();
      stdout.ref?.();
      stdout.removeListener('readable', hold);
    },
  };
  child.on('error', () => {
    early.failed = true;
  });
  stdout.on('readable', hold);
  child.unref();
  stdout.unref?.();
  (globalThis as Handover)[HANDOVER] = early;
}

/** The log started early, if it is the one git would be asked for in `cwd` with `args`; taken once. */
export function takeEarlyLog(cwd: string, args: readonly string[]): ChildProcessByStdio<null, Readable, null> | null {
  const early = (globalThis as Handover)[HANDOVER];
  if (!early) return null;
  delete (globalThis as Handover)[HANDOVER];
  if (early.failed || early.cwd !== cwd || early.args.length !== args.length || early.args.some((a, i) => a !== args[i])) {
    early.child.kill();
    return null;
  }
  early.release();
  return early.child;
}
