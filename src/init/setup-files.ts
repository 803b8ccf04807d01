import { teamReadme } from './team-readme.js';

/**
 * What `ntk init` puts in a records repository, as data. `lines` files get
 * the lines they lack added at the end (a repository may already have a
 * .gitattributes of its own); every other file is created when missing and
 * otherwise left as it is - except `owned` ones, which are ntk's own copies
 * and are brought up to date by `ntk init --update`.
 */
export interface SetupFile {
  path: string;
  kind: 'lines' | 'create' | 'owned';
  content: string;
  /** When an existing file already does the job (it names the ntk hook, say), nothing needs saying about it. */
  satisfiedBy?: RegExp;
  /** What to add by hand to an existing file that does not do the job yet. */
  hint?: string;
}

/** The folder the records live in: what CI, the pre-commit hook and the editor look at. */
export const RECORDS_FOLDER = 'records';

/** The git settings that make `git diff` and `git merge` read records through ntk; git does not share them, so each clone sets them. */
export const gitSettings: readonly [string, string][] = [
  ['diff.ntk.textconv', 'ntk diff-textconv'],
  ['diff.ntk.cachetextconv', 'true'],
  ['merge.ntk.name', 'ntk: merge toolkit records by section'],
  ['merge.ntk.driver', 'ntk merge-driver %O %A %B %P'],
];

export function gitConfigCommands(): string[] {
  return gitSettings.map(([key, value]) => `git config ${key} ${/^[\w.-]+$/.test(value) ? value : `"${value}"`}`);
}

const vscodeSettings = `${JSON.stringify({ 'yaml.schemas': { './schemas/toolkit.schema.json': [`${RECORDS_FOLDER}/**/*.yaml`, `${RECORDS_FOLDER}/**/*.yml`] } }, null, 2)}\n`;

function workflow(version: string): string {
  return `# ntk init: every push and pull request checks the records; findings appear on the lines
# of a pull request and, through SARIF, in the repository's code scanning alerts.
name: ntk check
on: [push, pull_request]
permissions:
  contents: read
  security-events: write
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install --global neglect-toolkit@${version}
      - run: ntk check ${RECORDS_FOLDER}/ --format github
      # Exit 1 means findings, which the step above has already reported; anything else fails.
      - run: ntk check ${RECORDS_FOLDER}/ --format sarif > ntk.sarif || test $? -eq 1
        if: always()
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: ntk.sarif
          category: ntk
`;
}

/** The pre-commit hook: `ntk check` on the records of each commit, with the ntk installed on the machine. */
export const preCommitHook = `  - repo: local
    hooks:
      - id: ntk-check
        name: ntk check
        entry: ntk check
        language: system
        files: ^${RECORDS_FOLDER}/.*\\.ya?ml$
`;

const preCommit = `# ntk init: records are checked before each commit (needs ntk installed: npm install --global neglect-toolkit).
repos:
${preCommitHook}`;

const gitattributes = `# ntk init: records read as review diffs and merged by section (see README.md)
*.yaml diff=ntk merge=ntk
*.yml diff=ntk merge=ntk
`;

const config = `# ntk's defaults for this repository, found by walking up from the working folder.
# Options given on the command line win.
# strict: true          # warnings fail \`ntk check\` too, as --strict does
# templates: templates  # a folder of further toolkit templates, relative to this file
ignore:                 # files \`ntk check\` passes over when it walks a folder: the YAML that is not a record
  - .github
  - .pre-commit-config.yaml
  - ntk.config.yaml
`;

export function setupFiles(version: string, schema: string): SetupFile[] {
  return [
    { path: '.gitattributes', kind: 'lines', content: gitattributes },
    { path: 'schemas/toolkit.schema.json', kind: 'owned', content: schema },
    { path: '.vscode/settings.json', kind: 'create', content: vscodeSettings, satisfiedBy: /toolkit\.schema\.json/, hint: `add to it: ${JSON.stringify({ 'yaml.schemas': { './schemas/toolkit.schema.json': [`${RECORDS_FOLDER}/**/*.yaml`] } })}` },
    { path: '.github/workflows/ntk.yml', kind: 'create', content: workflow(version), satisfiedBy: /ntk check/ },
    { path: '.pre-commit-config.yaml', kind: 'create', content: preCommit, satisfiedBy: /ntk-check/, hint: 'add the ntk-check hook of `ntk init --help` to it' },
    { path: 'ntk.config.yaml', kind: 'create', content: config },
    { path: 'README.md', kind: 'create', content: teamReadme(gitConfigCommands(), RECORDS_FOLDER), satisfiedBy: /ntk/ },
    { path: `${RECORDS_FOLDER}/.gitkeep`, kind: 'create', content: '' },
  ];
}
