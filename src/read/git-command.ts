/**
 * ntk only reads git, and a folder received from elsewhere carries its own
 * configuration: none of it may run a command (an fsmonitor hook, a pager,
 * an external diff, a textconv, a signature check) or change what the output
 * means (its encoding, paths made relative).
 */
export const READ_ONLY = ['--no-pager', '-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'log.showSignature=false', '-c', 'i18n.logOutputEncoding=UTF-8', '-c', 'diff.relative=false'];

/** The environment git runs in: never a prompt, never a lock taken for reading. */
export function gitEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
}

/**
 * `git log` with every field separated by NUL (`-z`) and the fields in a
 * fixed order, so nothing in a commit's author or subject (which may hold
 * any character but NUL) can end a commit early or start a fake one. The
 * log is of every commit, or with `only` of that one file (its name from the
 * folder git runs in), which git follows through its renames; a file's name
 * is a path, never pathspec magic (`:(glob)...`), and git names the paths of
 * the changes from the top, whichever folder it runs in.
 */
export function logArguments(only: string | null): string[] {
  const what = only === null ? ['--end-of-options', 'HEAD', '--'] : ['--follow', '--end-of-options', 'HEAD', '--', only];
  return [...READ_ONLY, ...(only === null ? [] : ['--literal-pathspecs']), 'log', '-z', '--raw', '-M', '--no-abbrev', '--no-color', '--no-ext-diff', '--no-textconv', '--no-show-signature', '--no-relative', '--no-mailmap', '--date=short', '--format=%H%x00%P%x00%an%x00%ad%x00%s', ...what];
}
