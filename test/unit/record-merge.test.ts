import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mergeRecordFiles } from '../../src/merge/merge-files.js';
import { checkOneBytes } from '../../src/batch/check-one.js';
import { parseRecordYamlFast } from '../../src/read/fast-yaml.js';
import { readRecordBytes } from '../../src/read/read-record.js';
import { validateParsedRecord } from '../../src/validate/validate-record.js';
import { maryJoFolder } from './fixture-records.js';

const baseText = readFileSync(`${maryJoFolder}MJ-01-2020-09-29.yaml`, 'utf8');
const bytes = (s: string) => new TextEncoder().encode(s);
const merge = (ours: string, theirs: string, base = baseText) => mergeRecordFiles('MJ-01.yaml', bytes(base), bytes(ours), bytes(theirs));

/** One line of the record changed: the first one matching `from` after the line matching `after`. */
function change(text: string, after: RegExp, from: RegExp, to: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => after.test(l));
  const i = lines.findIndex((l, n) => n > start && from.test(l));
  if (start < 0 || i < 0) throw new Error(`no ${from} after ${after}`);
  lines[i] = lines[i]!.replace(from, to);
  return lines.join('\n');
}

function check(text: string) {
  const read = readRecordBytes('merged.yaml', bytes(text));
  if (!read.record) return read.findings;
  return validateParsedRecord('merged.yaml', read.record, { today: '2020-10-01' }).findings;
}

describe('ntk merge-driver: three-way merge of records', () => {
  it('leaves a side git left its markers in to git, even where the markers read as YAML', () => {
    // A line `<<<<<<< label: x` is a key to a YAML reader; readRecordBytes refuses the file, and so must the merge.
    const marked = baseText.replace('format: neglect-toolkit/1\n', 'format: neglect-toolkit/1\n<<<<<<< ours: x\n');
    expect(marked).not.toBe(baseText);
    expect(merge(marked, baseText).kind).toBe('not-records');
  });

  it('merges changes to different areas cleanly, keeping every other byte of ours', () => {
    const ours = change(baseText, /^\s+"1\.1":/, /score: 4/, 'score: 3');
    const theirs = change(baseText, /^ {2}family-relationships:/, /impact: >-/, 'impact: Mary Jo hides in her room when they argue.');
    const theirsFixed = theirs.replace(/impact: Mary Jo hides in her room when they argue.\n( {6}.*\n)+/, 'impact: Mary Jo hides in her room when they argue.\n');
    const result = merge(ours, theirsFixed);
    expect(result.kind).toBe('record');
    if (result.kind !== 'record') return;
    expect(result.conflicts).toEqual([]);
    const data = parse(result.text);
    expect(data.areas['physical-care'].sections['1.1'].score).toBe(3);
    expect(data.areas['family-relationships'].impact).toBe('Mary Jo hides in her room when they argue.');
    // Every line of ours outside the area their side changed is still there, comments and folding included.
    const changedArea = /^ {2}family-relationships:/;
    const oursLines = ours.split('\n');
    const kept = oursLines.slice(0, oursLines.findIndex((l) => changedArea.test(l)));
    expect(result.text.startsWith(kept.join('\n'))).toBe(true);
    expect(check(result.text).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('keeps sessions and actions both branches added', () => {
    const session = (date: string, by: string) => `    - date: ${date}\n      type: phone\n      by: ${by}\n      seen_alone: false\n`;
    const insertSession = (text: string, s: string) => text.replace(/\n {2}contributors:\n/, `\n${s.trimEnd()}\n  contributors:\n`);
    const insertAction = (text: string, action: string) => text.replace('\n  actions:\n', `\n  actions:\n    - action: ${action}\n      who: DSL\n`);
    const ours = insertAction(insertSession(baseText, session('2020-09-25', 'hv1')), 'Ask the GP about the tooth');
    const theirs = insertAction(insertSession(baseText, session('2020-09-26', 'ct1')), 'Uniform from the school shop');
    const result = merge(ours, theirs);
    if (result.kind !== 'record') throw new Error('not merged as records');
    expect(result.conflicts).toEqual([]);
    const dates = parse(result.text).assessment.sessions.map((s: { date: string }) => s.date);
    expect(dates).toContain('2020-09-25');
    expect(dates).toContain('2020-09-26');
    expect(dates.length).toBe(parse(baseText).assessment.sessions.length + 2);
    const actions = parse(result.text).summary.actions.map((a: { action: string }) => a.action);
    expect(actions.slice(0, 2).sort()).toEqual(['Ask the GP about the tooth', 'Uniform from the school shop']);
    expect(actions.length).toBe(parse(baseText).summary.actions.length + 2);
  });

  it('writes one readable conflict block when both change the same section differently, and check points at it', () => {
    const ours = change(baseText, /^\s+"1\.1":/, /score: 4/, 'score: 3');
    const theirs = change(baseText, /^\s+"1\.1":/, /score: 4/, 'score: 2');
    const result = merge(ours, theirs);
    if (result.kind !== 'record') throw new Error('not merged as records');
    expect(result.conflicts).toEqual(['areas.physical-care.sections.1.1']);
    const data = parse(result.text);
    expect(data.areas['physical-care'].sections['1.1']['ntk-merge-conflict'].ours.score).toBe(3);
    expect(data.areas['physical-care'].sections['1.1']['ntk-merge-conflict'].theirs.score).toBe(2);
    const findings = check(result.text);
    expect(findings.map((f) => f.code)).toEqual(['merge-conflict']);
    const line = result.text.split('\n').findIndex((l) => l.includes('ntk-merge-conflict:')) + 1;
    expect(findings[0]!.line).toBe(line);
    expect(result.text).toMatch(/# Merge conflict: both branches changed this/);
  });

  it('finds a conflict block in a file the fast reader reads, which tells the rule whether the key is there at all', () => {
    // One-line values, so the fast reader takes it (a merged file's long texts are quoted over several lines).
    const block = '        ntk-merge-conflict:\n          ours:\n            score: 3\n          theirs:\n            score: 2\n';
    const text = baseText.replace(/^( {6}"1\.1":\n)/m, `$1${block}`);
    const line = text.split('\n').findIndex((l) => l.includes('ntk-merge-conflict:')) + 1;
    expect(parseRecordYamlFast(text)?.mayHaveKey?.('ntk-merge-conflict')).toBe(true);
    expect(parseRecordYamlFast(baseText)?.mayHaveKey?.('ntk-merge-conflict')).toBe(false);
    const batch = checkOneBytes('merged.yaml', Buffer.from(text), { today: '2021-01-01', facts: false });
    expect(batch.findings.map((f) => [f.code, f.path, f.line])).toEqual([['merge-conflict', 'areas.physical-care.sections.1.1', line]]);
  });

  it('matches an action by what is to be done: one branch marks it done, the other changes who', () => {
    const ours = baseText.replace("with Kerry's consent\n      who: DSL\n      by: 2020-10-02\n", "with Kerry's consent\n      who: DSL\n      by: 2020-10-02\n      done: 2020-10-01\n");
    const theirs = baseText.replace("with Kerry's consent\n      who: DSL\n", "with Kerry's consent\n      who: Deputy DSL\n");
    const result = merge(ours, theirs);
    if (result.kind !== 'record') throw new Error('not merged as records');
    expect(result.conflicts).toEqual([]);
    expect(parse(result.text).summary.actions[0]).toMatchObject({ who: 'Deputy DSL', done: '2020-10-01' });
  });

  it('leaves files that are not records to git', () => {
    expect(merge('a: 1\n', 'a: 2\n', 'a: 0\n').kind).toBe('not-records');
  });
});
