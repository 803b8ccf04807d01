import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk } from './run-ntk.js';

/**
 * The second template (northmoor/2026: five areas, a 1-5 scale where 4 and 5
 * are worrying, its own decisions, front doors and review questions) read
 * through every command, beside the golden files that pin its whole output.
 * These check the words that come from the template rather than the code.
 */
const today = ['--today', '2026-05-01'];
const initial = 'fixtures/northmoor/NM-01-2026-01-12.yaml';
const review = 'fixtures/northmoor/NM-01-2026-04-20.yaml';

describe('a second partnership’s toolkit', () => {
  it('checks its records against its own vocabulary', async () => {
    const ok = await ntk(['check', 'fixtures/northmoor', '--format', 'json', ...today]);
    expect(ok.exitCode).toBe(0);
    const findings = (JSON.parse(ok.stdout) as { findings: { code: string; message: string }[] }).findings;
    // Its own reminder, raised at its own threshold (4 on its scale), with its own words.
    expect(findings.filter((f) => f.code === 'domestic-abuse-reminder').map((f) => f.message)).toContain(
      'section 3.2 is scored 5: ask about domestic abuse on its own, away from the other adult, and talk to your safeguarding lead before the next visit.',
    );
  });

  it('words worrying scores, decisions, front doors and review questions from the template', async () => {
    const sheet = await ntk(['summary', review, '--format', 'markdown', ...today]);
    expect(sheet.exitCode).toBe(0);
    expect(sheet.stdout).toContain('scored sections at 4 or 5');
    expect(sheet.stdout).toContain('| **Front door** | Moorside family hub |');
    expect(sheet.stdout).toContain('**What does the child say about how things are now?**');
    expect(sheet.stdout).toContain('Refer today to the Northmoor safeguarding hub (child at risk of significant harm)');
    const diff = await ntk(['diff', initial, review, '--format', 'html']);
    expect(diff.stdout).toContain('kept at 3 or better');
    const report = await ntk(['report', 'fixtures/northmoor', '--format', 'markdown', ...today]);
    expect(report.stdout).toContain('| Ref | Household | Latest | Scored 4-5 |');
    expect(report.stdout).toContain('| Area | 1 | 2 | 3 | 4 | 5 | |');
  });

  it('refuses a Nottinghamshire decision or a score off its scale in a Northmoor record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ntk-northmoor-'));
    try {
      const text = (await readFile(initial, 'utf8')).replace('decision: family-help', 'decision: mash');
      await writeFile(join(dir, 'r.yaml'), text);
      const r = await ntk(['check', join(dir, 'r.yaml'), ...today]);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain('must be one of universal-support, family-help, children-in-need, protection-referral (got "mash")');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a template that is only a new file', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'ntk-templates-'));
    // Another partnership's toolkit, added without a build, with a decision of its own.
    const template = (await readFile('templates/northmoor-2026.yaml', 'utf8'))
      .replace('id: northmoor/2026', 'id: westfield/2027')
      .replace('  - key: universal-support\n', '  - key: watch-and-wait\n    label: Keep watching and meet again in a month\n    pathway: Universal services\n  - key: universal-support\n');
    await writeFile(join(folder, 'westfield.yaml'), template);
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('is found through NTK_TEMPLATE_PATH and read by every view', async () => {
    const env = { NTK_TEMPLATE_PATH: folder };
    // The record lives apart from the template folder, whose every YAML file is a template.
    const records = await mkdtemp(join(tmpdir(), 'ntk-westfield-'));
    const record = join(records, 'W-01.yaml');
    await writeFile(
      record,
      (await readFile(initial, 'utf8')).replace('template: northmoor/2026', 'template: westfield/2027').replace('decision: family-help', 'decision: watch-and-wait'),
    );
    const check = await ntk(['check', record, ...today], { env });
    expect(check.exitCode).toBe(0);
    const summary = await ntk(['summary', record, ...today], { env });
    expect(summary.stdout).toContain('Keep watching and meet again in a month');
    const template = await ntk(['template', '--template', 'westfield/2027', '--format', 'json'], { env });
    expect(JSON.parse(template.stdout)).toMatchObject({ id: 'westfield/2027' });
    await rm(records, { recursive: true, force: true });
  });
});
