import { execa } from 'execa';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const ntkBin = fileURLToPath(new URL('../../bin/ntk.js', import.meta.url));

export interface NtkRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** One finding of `ntk check --format json` (cli.md). */
export interface JsonFinding {
  file: string;
  line: number | null;
  column: number | null;
  severity: string;
  code: string;
  path: string;
  message: string;
}

export interface NtkOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  timeout?: number;
}

/** Runs the built ntk as a user would, never throwing on a non-zero exit. */
export async function ntk(args: readonly string[], options: NtkOptions = {}): Promise<NtkRun> {
  const r = await execa('node', [ntkBin, ...args], {
    cwd: options.cwd ?? repoRoot,
    reject: false,
    env: { ...plainEnv(), ...options.env },
    extendEnv: false,
    timeout: options.timeout ?? 20_000,
    ...(options.input !== undefined ? { input: options.input } : { stdin: 'ignore' as const }),
  });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** The caller's environment without colour or width settings, so each test decides them itself. */
function plainEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.COLUMNS;
  return env;
}
