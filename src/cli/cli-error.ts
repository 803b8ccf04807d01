/** A mistake in how ntk was called: unknown flag, bad value, missing path. Exit code 2. */
export class UsageError extends Error {}

/** Exit codes of cli.md; scripts rely on them. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  interrupted: 130,
} as const;
