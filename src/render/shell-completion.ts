/** What completion needs to know of the command line: data taken from the command table, so it never falls behind. */
export interface CompletionModel {
  commands: { name: string; summary: string; options: { flag: string; summary: string; takesValue: boolean; choices: readonly string[] }[] }[];
}

export type Shell = 'bash' | 'zsh' | 'fish';

export const shells: readonly Shell[] = ['bash', 'zsh', 'fish'];

/** The completion script for a shell; files and folders complete as the shell's default everywhere else. */
export function completionScript(shell: Shell, model: CompletionModel): string {
  return { bash, zsh, fish }[shell](model);
}

/** Words the shells take literally: flags, command names and choices are plain already; anything else is dropped. */
const word = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '');
/** A one-line description inside single quotes, for zsh and fish. */
const described = (s: string) => s.replace(/[\n\t]+/g, ' ').replace(/[[\]:\\]/g, '').replace(/'/g, "'\\''");

function bash(model: CompletionModel): string {
  const names = model.commands.map((c) => word(c.name)).join(' ');
  const options = model.commands.map((c) => `    ${word(c.name)}) opts="${c.options.map((o) => word(o.flag)).join(' ')}" ;;`).join('\n');
  const values = model.commands
    .flatMap((c) => c.options.filter((o) => o.choices.length > 0).map((o) => `    "${word(c.name)} ${word(o.flag)}") COMPREPLY=($(compgen -W "${o.choices.map(word).join(' ')}" -- "$cur")); return ;;`))
    .join('\n');
  return `# ntk completion for bash. Add to ~/.bashrc:  source <(ntk completion bash)
_ntk() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${names} --help --version" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]} $prev" in
${values}
  esac
  case "\${COMP_WORDS[1]}" in
${options}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    # Files and folders: the shell's own completion (complete -o default).
    COMPREPLY=()
  fi
}
complete -o default -F _ntk ntk
`;
}

function zsh(model: CompletionModel): string {
  const commands = model.commands.map((c) => `    '${word(c.name)}:${described(c.summary)}'`).join('\n');
  const cases = model.commands
    .map((c) => {
      const specs = c.options.map((o) => `'${word(o.flag)}[${described(o.summary)}]${o.takesValue ? `:value:${o.choices.length > 0 ? `(${o.choices.map(word).join(' ')})` : '_files'}` : ''}'`);
      return `    ${word(c.name)}) _arguments -s ${[...specs, "'*:path:_files'"].join(' ')} ;;`;
    })
    .join('\n');
  return `#compdef ntk
# ntk completion for zsh. Add to ~/.zshrc:  source <(ntk completion zsh)
_ntk() {
  local -a commands
  commands=(
${commands}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case $words[1] in
${cases}
    *) _files ;;
  esac
}
if (( $+functions[compdef] )); then compdef _ntk ntk; fi
`;
}

function fish(model: CompletionModel): string {
  const lines = ['# ntk completion for fish. Add to ~/.config/fish/config.fish:  ntk completion fish | source'];
  for (const c of model.commands) lines.push(`complete -c ntk -n __fish_use_subcommand -f -a ${word(c.name)} -d '${described(c.summary)}'`);
  for (const c of model.commands) {
    for (const o of c.options) {
      const value = o.takesValue ? (o.choices.length > 0 ? ` -x -a '${o.choices.map(word).join(' ')}'` : ' -r') : '';
      lines.push(`complete -c ntk -n '__fish_seen_subcommand_from ${word(c.name)}' -l ${word(o.flag).replace(/^--/, '')}${value} -d '${described(o.summary)}'`);
    }
  }
  return `${lines.join('\n')}\n`;
}
