import { readFileSync } from 'node:fs';
import { SAM_ANSWERS as answers } from '../support/answers.js';

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

// The second template's records (northmoor/2026: five areas, a 1-5 scale where 5 is worst), pinned like Mary Jo's.
const nmToday = ['--today', '2026-05-01'];
const nm = (file: string) => `fixtures/northmoor/NM-${file}.yaml`;
const nmInitial = nm('01-2026-01-12');
const nmReview = nm('01-2026-04-20');
const nmSibling = nm('02-2026-01-12');
const nmAnswers = `child:
  ref: NM-03
  name: Kit
  front_door: riverside
assessment:
  completed: 2026-03-02
  contributors:
    - id: hv1
      role: Health visitor
  sessions:
    - date: 2026-02-26
      type: unannounced-visit
      by: hv1
      seen_alone: false
areas:
  health:
    sections:
      "2.1":
        score: 5
        parent_score: 2
        evidence: No checks since birth.
        by: hv1
    impact: Kit's hearing has not been tested.
summary:
  decision: children-in-need
  lead_consulted: 2026-03-03
  next_review: 2026-06-01
`;

const checkFormats = ['pretty', 'json', 'github'];
const pageFormats = ['terminal', 'markdown', 'json', 'html'];
const tableFormats = ['terminal', 'markdown', 'csv', 'json'];
const commands = ['new', 'edit', 'review', 'check', 'report', 'summary', 'diff', 'history', 'compare', 'chronology', 'example', 'redact', 'template', 'schema'];


const northmoor: GoldenCase[] = [
  ...checkFormats.map((format) => ({ name: `check/northmoor-${format}`, args: ['check', 'fixtures/northmoor', '--format', format, ...nmToday] })),
  {
    name: 'check/northmoor-other-vocabulary',
    args: ['check', 'NM-01-2026-01-12.yaml', ...nmToday],
    copy: { 'NM-01-2026-01-12.yaml': { text: readFileSync(nmInitial, 'utf8').replace('decision: family-help', 'decision: early-help').replace('score: 2\n        parent_score: 2', 'score: 6\n        parent_score: 2') } },
  },
  ...tableFormats.map((format) => ({ name: `report/northmoor-${format}`, args: ['report', 'fixtures/northmoor', '--format', format, ...nmToday] })),
  { name: 'report/northmoor-decision', args: ['report', 'fixtures/northmoor', '--decision', 'protection-referral', '--min-score', '5', ...nmToday] },
  { name: 'report/northmoor-unknown-decision', args: ['report', 'fixtures/northmoor', '--decision', 'wait-and-see', ...nmToday] },
  ...pageFormats.map((format) => ({ name: `summary/northmoor-initial-${format}`, args: ['summary', nmInitial, '--format', format, ...nmToday] })),
  ...pageFormats.map((format) => ({ name: `summary/northmoor-review-${format}`, args: ['summary', nmReview, '--format', format, ...nmToday] })),
  ...pageFormats.map((format) => ({ name: `diff/northmoor-review-${format}`, args: ['diff', nmInitial, nmReview, '--format', format] })),
  ...tableFormats.map((format) => ({ name: `history/northmoor-${format}`, args: ['history', 'fixtures/northmoor', '--no-git', '--format', format] })),
  ...pageFormats.map((format) => ({ name: `compare/northmoor-siblings-${format}`, args: ['compare', nmInitial, nmSibling, '--format', format] })),
  ...[...tableFormats, 'html'].map((format) => ({ name: `chronology/northmoor-household-${format}`, args: ['chronology', 'fixtures/northmoor', '--household', 'H-NM', '--no-git', '--format', format, ...nmToday] })),
  { name: 'template/northmoor-terminal', args: ['template', '--template', 'northmoor/2026'] },
  { name: 'template/northmoor-json', args: ['template', '--template', 'northmoor/2026', '--format', 'json'] },
  { name: 'diff-textconv/northmoor-review', args: ['diff-textconv', nmReview] },
  {
    name: 'redact/northmoor',
    args: ['redact', 'in', '--out', 'out'],
    copy: { 'in/NM-01-2026-01-12.yaml': nmInitial, 'in/NM-01-2026-04-20.yaml': nmReview, 'in/NM-02-2026-01-12.yaml': nmSibling },
    written: ['out'],
  },
  {
    name: 'new/northmoor-answers',
    args: ['new', '--template', 'northmoor/2026', '--answers', 'answers.yaml', '--out', '.', ...nmToday],
    copy: { 'answers.yaml': { text: nmAnswers } },
    written: ['NM-03-2026-03-02.yaml'],
  },
  {
    name: 'review/northmoor-answers',
    args: ['review', 'NM-01-2026-01-12.yaml', '--answers', 'review.yaml', '--out', 'NM-01-2026-04-20.yaml', ...nmToday],
    copy: { 'NM-01-2026-01-12.yaml': nmInitial, 'review.yaml': { text: 'assessment:\n  completed: 2026-04-20\nreview:\n  child_says: I like my new bed.\nsummary:\n  decision: protection-referral\n' } },
    written: ['NM-01-2026-04-20.yaml'],
  },
  {
    name: 'edit/northmoor-answers',
    args: ['edit', 'NM-01-2026-01-12.yaml', '--by', 'sn1', '--answers', 'dentist.yaml', ...nmToday],
    copy: { 'NM-01-2026-01-12.yaml': nmInitial, 'dentist.yaml': { text: 'areas:\n  health:\n    sections:\n      "2.1":\n        score: 5\n        evidence: Abscess left untreated.\n' } },
    written: ['NM-01-2026-01-12.yaml'],
  },
];

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
  ...northmoor,
];
