import { describe, expect, it } from 'vitest';
import { ntk, type JsonFinding } from './run-ntk.js';


// Each invalid fixture holds one mistake; this is where ntk must point.
const expected: [file: string, code: string, line: number | null, column: number | null][] = [
  ['alias.yaml', 'yaml-alias', 18, 15],
  ['bad-decision.yaml', 'not-allowed-value', 25, 13],
  ['date-format.yaml', 'date-format', 9, 14],
  ['duplicate-key.yaml', 'duplicate-key', 23, 9],
  ['duplicate-record-a.yaml', 'duplicate-record', 9, 14],
  ['duplicate-record-b.yaml', 'duplicate-record', 9, 14],
  ['empty.yaml', 'empty-file', null, null],
  ['impossible-date.yaml', 'impossible-date', 9, 14],
  ['missing-ref.yaml', 'missing-field', 5, 1],
  ['not-a-record.yaml', 'not-a-record', 2, 1],
  ['previous-not-before-completed.yaml', 'previous-not-before-completed', 9, 13],
  ['proto-key.yaml', 'forbidden-key', 24, 9],
  ['score-and-not-relevant.yaml', 'score-and-not-relevant', 24, 9],
  ['score-out-of-range.yaml', 'score-range', 22, 16],
  ['section-in-wrong-area.yaml', 'unknown-section', 21, 7],
  ['session-after-completed.yaml', 'session-after-completed', 11, 13],
  ['tab-indent.yaml', 'yaml-syntax', 23, 1],
  ['unclosed-quote.yaml', 'yaml-syntax', 17, 28],
  ['unknown-area.yaml', 'unknown-area', 19, 3],
  ['unknown-contributor.yaml', 'unknown-contributor', 23, 13],
  ['unknown-field.yaml', 'unknown-field', 22, 9],
  ['unknown-section.yaml', 'unknown-section', 21, 7],
  ['wrong-format-version.yaml', 'wrong-format', 3, 9],
  ['wrong-type.yaml', 'wrong-type', 22, 16],
];

describe('invalid fixtures', () => {
  it('reports each at the right line and column, exactly one error per file', async () => {
    const r = await ntk(['check', 'fixtures/invalid', '--format', 'json']);
    expect(r.exitCode).toBe(1);
    const report = JSON.parse(r.stdout) as { files: number; errors: number; findings: JsonFinding[] };
    expect(report.files).toBe(expected.length);
    // Warnings (a record with an error is often incomplete too) are other tests' business.
    const got = report.findings.filter((f) => f.severity === 'error').map((f) => [f.file.replace('fixtures/invalid/', ''), f.code, f.line, f.column]);
    expect(got).toEqual(expected);
  });

  it('shows them as file:line:column lines a practitioner can read, never a stack trace', async () => {
    const r = await ntk(['check', 'fixtures/']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('fixtures/invalid/score-out-of-range.yaml:22:16 error   areas.physical-care.sections.1.1.score  must be 1-4 (got 7)');
    expect(r.stdout).toContain('2019-02-30 is not a real date (February 2019 has 28 days)');
    expect(r.stdout).toContain('did you mean `physical-care`?');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('keeps checking the other files of a batch after a bad one', async () => {
    const r = await ntk(['check', 'fixtures/invalid/empty.yaml', 'fixtures/mary-jo', '--format', 'json', '--today', '2021-04-01']);
    const report = JSON.parse(r.stdout) as { files: number; errors: number };
    expect(report.files).toBe(5);
    expect(report.errors).toBe(1);
  });

  it('prints GitHub annotations', async () => {
    const r = await ntk(['check', 'fixtures/invalid/score-out-of-range.yaml', '--format', 'github']);
    expect(r.stdout).toBe(
      '::error file=fixtures/invalid/score-out-of-range.yaml,line=22,col=16,title=ntk score-range::areas.physical-care.sections.1.1.score: must be 1-4 (got 7)',
    );
  });

  it('--strict makes warnings fail; prompts never do', async () => {
    const lenient = await ntk(['check', 'fixtures/mary-jo/MJ-02-2020-09-29.yaml', '--today', '2020-10-01']);
    expect(lenient.exitCode).toBe(0);
    expect(lenient.stdout).toContain('child-not-seen-alone');
    const strict = await ntk(['check', 'fixtures/mary-jo/MJ-02-2020-09-29.yaml', '--today', '2020-10-01', '--strict']);
    expect(strict.exitCode).toBe(1);
    const promptsOnly = await ntk(['check', 'fixtures/mary-jo/MJ-01-2020-09-29.yaml', '--today', '2020-10-01', '--strict']);
    expect(promptsOnly.stdout).toContain('domestic-abuse-reminder');
    expect(promptsOnly.exitCode).toBe(0);
  });

  it('rejects an impossible --today as a usage error', async () => {
    const r = await ntk(['check', 'fixtures/mary-jo', '--today', '2021-02-30']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--today must be a real date');
  });
});
