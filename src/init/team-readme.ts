/** The README `ntk init` gives a records repository: how the team works with it, in the words of the tool's own commands. */
export function teamReadme(gitConfig: readonly string[], records: string): string {
  return `# Neglect toolkit records

One YAML file per child per assessment, in \`${records}/\`, completed and checked with
[ntk](https://www.npmjs.com/package/neglect-toolkit), the Nottinghamshire and Nottingham City
neglect toolkit on the command line. The git history of this repository is the audit trail of
how each child's care improved, held or worsened.

## Set up (once per computer, then once per clone)

\`\`\`sh
npm install --global neglect-toolkit     # Node.js 20.17 or later; then \`ntk --version\`
git clone <this repository> && cd <it>
ntk init --configure                     # tells this clone's git to diff and merge records through ntk
\`\`\`

\`ntk init --configure\` runs these (git does not share them between clones):

\`\`\`sh
${gitConfig.join('\n')}
\`\`\`

Editors: VS Code with the YAML extension completes and checks records as you type
(\`.vscode/settings.json\` points it at \`schemas/toolkit.schema.json\`; \`ntk init --update\`
refreshes that copy after ntk is upgraded).

## Working on a record

\`\`\`sh
ntk new --out ${records}/                       # a new toolkit, question by question
ntk edit ${records}/<ref>-<date>.yaml --area health-development   # another agency's areas
ntk review ${records}/<ref>-<date>.yaml         # the next review
ntk check ${records}/                           # before you commit
\`\`\`

## Two agencies, two branches

Each agency can work on its own branch. \`git merge\` merges records section by section: changes to
different areas, sessions, contributors or actions combine without conflicts. Where both branches
changed the same section (or the same text) differently, the record holds an \`ntk-merge-conflict:\`
block with \`ours\` and \`theirs\`; keep the right one in its place, and \`ntk check\` (which points at
every block left) passes again.

## Checks

Every push and pull request runs \`ntk check\` (\`.github/workflows/ntk.yml\`): findings appear on the
lines of the pull request and in code scanning. \`.pre-commit-config.yaml\` runs the same check
before each commit for those who use [pre-commit](https://pre-commit.com). \`ntk.config.yaml\` holds
this repository's defaults (\`strict\`, \`ignore\`, \`templates\`).
`;
}
