/**
 * Every view of every command in every format, run by the built `ntk` on the
 * fixtures: the cases whose whole output (stdout, stderr, exit code and the
 * files written) test/golden/golden.test.ts pins byte for byte.
 *
 * A case runs in the repository root, or, when it writes files, in a fresh
 * folder holding copies of what it reads (so the paths it prints are the same
 * on every machine).
 */
export interface GoldenCase {
  /** The golden file's path below test/golden/, without `.golden`. */
  name: string;
  args: string[];
  /** Environment on top of NO_COLOR=1 and COLUMNS=100. */
  env?: Record<string, string>;
  /** Files copied into a fresh working folder: its relative path -> a repository path, or inline text. */
  copy?: Record<string, string | { text: string }>;
  /** Files or folders the command writes (relative to the working folder), shown after the output. */
  written?: string[];
}

const today = ['--today', '2021-04-01'];
const mj = (file: string) => `fixtures/mary-jo/MJ-${file}.yaml`;
const initial = mj('01-2020-09-29');
const review1 = mj('01-2020-12-15');
const review2 = mj('01-2021-03-16');
const tyler = mj('02-2020-09-29');
const manyVoices = 'fixtures/many-voices/ZK-07-2021-03-09.yaml';
const colour = { FORCE_COLOR: '1' };

const checkFormats = ['pretty', 'json', 'github'];
const pageFormats = ['terminal', 'markdown', 'json', 'html'];
const tableFormats = ['terminal', 'markdown', 'csv', 'json'];
const commands = ['new', 'edit', 'review', 'check', 'report', 'summary', 'diff', 'history', 'compare', 'chronology', 'example', 'redact', 'template', 'schema'];

const answers = `child:
  ref: AB-01
  name: Sam
assessment:
  completed: 2021-03-01
  contributors:
    - id: hv1
      role: Health visitor
  sessions:
    - date: 2021-02-20
      type: unannounced-visit
      by: hv1
      seen_alone: true
areas:
  physical-care:
    sections:
      "1.1":
        score: 3
        parent_score: 2
        evidence: Little food in the house.
        by: hv1
    impact: Hungry at school.
summary:
  decision: early-help
  lead_consulted: 2021-03-02
  next_review: 2021-06-01
`;

export const CASES: GoldenCase[] = [
  { name: 'ntk/version', args: ['--version'] },
  { name: 'ntk/help', args: ['--help'] },
  { name: 'ntk/unknown-command', args: ['nope'] },
  ...commands.map((command) => ({ name: `${command}/help`, args: [command, '--help'] })),

  ...['mary-jo', 'invalid', 'hostile'].flatMap((folder) =>
    checkFormats.map((format) => ({ name: `check/${folder}-${format}`, args: ['check', `fixtures/${folder}`, '--format', format, ...today] })),
  ),
  { name: 'check/mary-jo-strict', args: ['check', 'fixtures/mary-jo', '--strict', ...today] },
  { name: 'check/invalid-quiet', args: ['check', 'fixtures/invalid', '--quiet', ...today] },
  { name: 'check/invalid-colour', args: ['check', 'fixtures/invalid', ...today], env: colour },
  { name: 'check/missing-path', args: ['check', 'fixtures/no-such-folder'] },
  { name: 'check/bad-today', args: ['check', 'fixtures/mary-jo', '--today', '2021-02-30'] },

  ...tableFormats.map((format) => ({ name: `report/mary-jo-${format}`, args: ['report', 'fixtures/mary-jo', '--format', format, ...today] })),
  { name: 'report/all-fixtures', args: ['report', 'fixtures', ...today] },
  { name: 'report/overdue-colour', args: ['report', 'fixtures/mary-jo', '--overdue', '--sort', 'overdue', '--today', '2021-09-01'], env: colour },

  ...pageFormats.map((format) => ({ name: `summary/initial-${format}`, args: ['summary', initial, '--format', format, ...today] })),
  { name: 'summary/initial-evidence', args: ['summary', initial, '--evidence', ...today] },
  { name: 'summary/initial-colour', args: ['summary', initial, ...today], env: colour },
  { name: 'summary/review-terminal', args: ['summary', review2, ...today] },
  { name: 'summary/review-markdown', args: ['summary', review2, '--format', 'markdown', ...today] },
  { name: 'summary/review-html', args: ['summary', review2, '--format', 'html', ...today] },
  { name: 'summary/tyler-terminal', args: ['summary', tyler, ...today] },
  // Zoë: accented names, emoji in her words, Urdu; on an 80-column terminal, where a long word of emoji must break.
  ...pageFormats.map((format) => ({ name: `summary/many-voices-${format}`, args: ['summary', manyVoices, '--format', format, '--evidence', ...today], env: { COLUMNS: '80' } })),
  { name: 'summary/hostile-control-characters', args: ['summary', 'fixtures/hostile/control-characters.yaml', ...today] },
  { name: 'summary/invalid-record', args: ['summary', 'fixtures/invalid/score-out-of-range.yaml'] },
  { name: 'summary/missing-file', args: ['summary', 'fixtures/no-such-file.yaml'] },

  ...pageFormats.map((format) => ({ name: `diff/first-review-${format}`, args: ['diff', initial, review1, '--format', format] })),
  ...pageFormats.map((format) => ({ name: `diff/second-review-${format}`, args: ['diff', review1, review2, '--format', format] })),
  { name: 'diff/second-review-exit-code', args: ['diff', review1, review2, '--exit-code'] },
  { name: 'diff/first-review-colour', args: ['diff', initial, review1], env: colour },

  ...tableFormats.map((format) => ({ name: `history/mary-jo-${format}`, args: ['history', 'fixtures/mary-jo', '--no-git', '--format', format] })),
  { name: 'history/tyler', args: ['history', 'fixtures/mary-jo', '--no-git', '--child', 'MJ-02'] },
  { name: 'history/colour', args: ['history', 'fixtures/mary-jo', '--no-git', '--child', 'MJ-01'], env: colour },

  ...pageFormats.map((format) => ({ name: `compare/mary-jo-tyler-${format}`, args: ['compare', initial, tyler, '--format', format] })),
  { name: 'compare/household-far-apart', args: ['compare', 'fixtures/mary-jo', '--household', 'H-MJ'] },
  { name: 'compare/colour', args: ['compare', initial, tyler], env: colour },

  ...[...tableFormats, 'html'].map((format) => ({ name: `chronology/household-${format}`, args: ['chronology', 'fixtures/mary-jo', '--household', 'H-MJ', '--no-git', '--format', format, ...today] })),
  { name: 'chronology/sessions-march', args: ['chronology', 'fixtures/mary-jo', '--child', 'MJ-01', '--no-git', '--kind', 'session,family', '--from', '2021-01-01', ...today] },
  { name: 'chronology/colour', args: ['chronology', 'fixtures/mary-jo', '--child', 'MJ-01', '--no-git', ...today], env: colour },

  { name: 'template/terminal', args: ['template'] },
  { name: 'template/json', args: ['template', '--format', 'json'] },
  { name: 'template/area', args: ['template', '--area', 'family-relationships'] },
  { name: 'template/unknown-area', args: ['template', '--area', 'nope'] },
  { name: 'schema/json', args: ['schema'] },

  { name: 'diff-textconv/record', args: ['diff-textconv', initial] },
  { name: 'diff-textconv/many-voices', args: ['diff-textconv', manyVoices] },
  { name: 'diff-textconv/review', args: ['diff-textconv', review2] },
  { name: 'diff-textconv/not-a-record', args: ['diff-textconv', 'fixtures/invalid/unclosed-quote.yaml'] },

  { name: 'example/mary-jo', args: ['example', '--out', 'ex'], copy: {}, written: ['ex'] },
  {
    name: 'redact/mary-jo',
    args: ['redact', 'in', '--out', 'out'],
    copy: { 'in/MJ-01-2020-09-29.yaml': initial, 'in/MJ-02-2020-09-29.yaml': tyler },
    written: ['out'],
  },
  { name: 'new/answers', args: ['new', '--answers', 'answers.yaml', '--out', 'out', ...today], copy: { 'answers.yaml': { text: answers } }, written: ['out'] },
  {
    name: 'new/household',
    args: ['new', '--household', '--answers', 'answers.yaml', '--out', 'out', ...today],
    copy: { 'answers.yaml': { text: `${answers.replace('child:\n', 'child:\n  household: H-1\n')}---\nchild:\n  ref: AB-02\n  name: Ali\n` } },
    written: ['out'],
  },
  { name: 'new/no-terminal', args: ['new', '--out', '.', ...today], copy: {} },
  {
    name: 'review/answers',
    args: ['review', 'MJ-01-2020-09-29.yaml', '--answers', 'review.yaml', '--out', 'MJ-01-2020-12-15.yaml', ...today],
    copy: { 'MJ-01-2020-09-29.yaml': initial, 'review.yaml': { text: 'assessment:\n  completed: 2020-12-15\nreview:\n  celebrated: Certificate for the fridge.\n' } },
    written: ['MJ-01-2020-12-15.yaml'],
  },
  {
    name: 'edit/answers',
    args: ['edit', 'MJ-01-2020-09-29.yaml', '--by', 'dent1', '--answers', 'dentist.yaml', ...today],
    copy: { 'MJ-01-2020-09-29.yaml': initial, 'dentist.yaml': { text: 'areas:\n  health-development:\n    sections:\n      "2.1":\n        score: 2\n        evidence: Filling done 2/10.\n' } },
    written: ['MJ-01-2020-09-29.yaml'],
  },
];
