import { createRequire } from 'node:module';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseJunit } from 'junit2json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk, type JsonFinding } from './run-ntk.js';

const require = createRequire(import.meta.url);
/** The SARIF 2.1.0 JSON schema (its final, rtm.5 form) as Microsoft ships it for validating SARIF logs. */
const AjvDraft04 = (require('ajv-draft-04') as { default: typeof import('ajv-draft-04').default }).default;
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

const paths = ['fixtures/invalid', 'fixtures/mary-jo'];
const today = ['--today', '2021-04-01'];

describe('ntk check for CI: SARIF and JUnit', () => {
  let dir = '';
  let hostile = '';
  let expected: JsonFinding[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-ci-formats-'));
    // Markup and control characters in a file name and in record text stay data in both formats.
    hostile = join(dir, 'a <b>&"\u001b[31m.yaml');
    await writeFile(hostile, 'format: neglect-toolkit/1\ntemplate: nscp-ncscp/2021\nchild: {ref: "<x>&\'"}\nassessment: {type: initial, completed: 2020-01-01}\nsummary: {decision: "</failure>\u0007"}\n');
    expected = (JSON.parse((await ntk(['check', ...paths, hostile, '--format', 'json', ...today])).stdout) as { findings: JsonFinding[] }).findings;
    expect(expected.length).toBeGreaterThan(20);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('--format sarif is valid against the SARIF 2.1.0 schema, with a rule per finding code', async () => {
    const run = await ntk(['check', ...paths, hostile, '--format', 'sarif', ...today]);
    expect(run.exitCode).toBe(1);
    const log = JSON.parse(run.stdout);
    // The schema's language-tag pattern is written for non-Unicode regular expressions.
    const validate = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(sarifSchema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.name).toBe('ntk');
    const ruleIds = sarifRun.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toEqual([...new Set(expected.map((f) => f.code))].sort());
    expect(sarifRun.tool.driver.rules.every((r: { shortDescription: { text: string } }) => r.shortDescription.text.length > 10)).toBe(true);
    expect(sarifRun.results).toHaveLength(expected.length);
    const first = expected.find((f) => f.line !== null && f.file.startsWith('fixtures/'))!;
    const result = sarifRun.results[expected.indexOf(first)];
    expect(result.ruleId).toBe(first.code);
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: first.line, startColumn: first.column });
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(first.file);
    expect(ruleIds[result.ruleIndex]).toBe(first.code);
    // A path outside the working folder is a file: URL, percent-encoded.
    const outside = sarifRun.results.find((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri.startsWith('file:'));
    expect(new URL(outside.locations[0].physicalLocation.artifactLocation.uri).pathname).toMatch(/a%20%3Cb%3E&%22/);
    expect(run.stdout).not.toContain('\u001b');
  });

  it('--format junit is read back by a JUnit XML parser: a suite per file, a failure per error', async () => {
    const run = await ntk(['check', ...paths, hostile, '--format', 'junit', ...today]);
    expect(run.exitCode).toBe(1);
    const report = (await parseJunit(run.stdout)) as { tests: number; failures: number; testsuite: { name: string; testcase: { name: string; failure?: { message: string }[] }[] }[] };
    const files = new Set(expected.map((f) => f.file));
    expect(report.testsuite.length).toBeGreaterThanOrEqual(files.size);
    const failures = report.testsuite.flatMap((s) => s.testcase).filter((c) => c.failure);
    expect(failures).toHaveLength(expected.filter((f) => f.severity === 'error').length);
    expect(report.failures).toBe(failures.length);
    const suite = report.testsuite.find((s) => s.name === 'fixtures/invalid/score-out-of-range.yaml')!;
    expect(suite.testcase.some((c) => c.failure?.[0]?.message.includes('1-4'))).toBe(true);
    expect(report.testsuite.some((s) => s.name.includes('a <b>&"'))).toBe(true);
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u001b]/);
  });

  it('terminal is the name of the human format; pretty still works', async () => {
    const terminal = await ntk(['check', 'fixtures/mary-jo', '--format', 'terminal', ...today]);
    const pretty = await ntk(['check', 'fixtures/mary-jo', '--format', 'pretty', ...today]);
    expect(terminal.exitCode).toBe(0);
    expect(terminal.stdout).toBe(pretty.stdout);
    expect(terminal.stdout).toContain('4 files checked');
  });
});
