import { Option } from 'commander';

/**
 * `--today`, worded the same in every command that has it; `purpose` says
 * what the date is for there. The value is checked, and the real date put in
 * its place when it is not given, once for every command: `today` in the
 * context an action gets (src/cli/run-action.ts).
 */
export function todayOption(purpose = ''): Option {
  return new Option('--today <date>', `the date to treat as today (YYYY-MM-DD)${purpose}`);
}
