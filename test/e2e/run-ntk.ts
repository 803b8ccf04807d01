import { execa, type Options } from 'execa';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const ntkBin = fileURLToPath(new URL('../../bin/ntk.js', import.meta.url));

/** Runs the built ntk as a user would, never throwing on a non-zero exit. */
export function ntk(args: readonly string[], options: Options = {}) {
  return execa('node', [ntkBin, ...args], {
    cwd: repoRoot,
    reject: false,
    env: { ...plainEnv(), ...options.env },
    extendEnv: false,
    ...options,
    stdin: options.stdin ?? 'ignore',
  });
}

/** The caller's environment without colour settings, so each test decides colour itself. */
function plainEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return env;
}
