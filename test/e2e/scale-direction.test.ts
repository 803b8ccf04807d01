import { describe, expect, it } from 'vitest';
import { ntk } from './run-ntk.js';

/**
 * A scale the other way round: the test-only template test/templates/brightwell-test-0-10.yaml
 * (0-10, higher is better care, worrying at 0-3), found through NTK_TEMPLATE_PATH, read by the
 * built ntk. Every verdict, order and word about scores must come from the template's `better`.
 */
const env = { NTK_TEMPLATE_PATH: 'test/templates' };
const records = 'test/templates/records';
const initial = `${records}/BW-01-2026-01-10.yaml`;
const review = `${records}/BW-01-2026-04-10.yaml`;
const today = ['--today', '2026-08-01'];

describe('a template where higher scores are better care', () => {
  it('checks its records, raising a reminder at its threshold or worse', async () => {
    const r = await ntk(['check', records, '--format', 'json', ...today], { env });
    expect(r.exitCode).toBe(0);
    const findings = (JSON.parse(r.stdout) as { findings: { code: string; file: string; message: string }[] }).findings;
    expect(findings.filter((f) => f.code === 'domestic-abuse-reminder').map((f) => f.message)).toEqual([
      'section 2.2 is scored 2: look for indicators of domestic abuse.',
      'section 2.2 is scored 2: look for indicators of domestic abuse.',
    ]);
  });

  it('diff: a score going up improved, going down deteriorated (--exit-code), the area read by its lowest score', async () => {
    const r = await ntk(['diff', initial, review, '--exit-code', '--format', 'json'], { env });
    expect(r.exitCode).toBe(1);
    const diff = JSON.parse(r.stdout) as { counts: Record<string, number>; areas: { area: string; line: string }[] };
    expect(diff.counts).toMatchObject({ improved: 1, deteriorated: 2, unchanged: 1 });
    expect(diff.areas.map((a) => a.line)).toEqual(['improved: 1 section better, 1 the same; lowest 2 -> 3', 'deteriorated: 2 sections worse; lowest 6 -> 2']);
    const html = await ntk(['diff', initial, review, '--format', 'html'], { env });
    expect(html.stdout).toContain('higher score, better care');
    expect(html.stdout).toContain('kept at 4 or better');
  });

  it('history and chronology: slipped back, drift at the template\'s worrying scores', async () => {
    const history = await ntk(['history', records, '--child', 'BW-01', '--no-git', '--format', 'markdown'], { env });
    expect(history.exitCode).toBe(0);
    expect(history.stdout).toContain('Higher scores mean better care.');
    expect(history.stdout).toMatch(/\| 1\.1 Food \| .* \| ⚠ \*\*slipped back\*\* \|/);
    const chronology = await ntk(['chronology', records, '--child', 'BW-01', '--no-git', '--format', 'markdown', ...today], { env });
    expect(chronology.stdout).toContain("Ada's 1.1 Food went from 7 to 4, worse again after improving");
    expect(chronology.stdout).toContain("Ada's 1.2 Home scored 0, 1, 2 or 3 at 3 toolkits in a row");
  });

  it('report: --min-score means that score or worse, and --sort score puts the worst care first', async () => {
    const worse = await ntk(['report', records, '--min-score', '2', '--format', 'csv', ...today], { env });
    expect(worse.stdout.split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0])).toEqual(['BW-01']);
    const both = await ntk(['report', records, '--min-score', '3', '--sort', 'score', '--format', 'csv', ...today], { env });
    expect(both.stdout.split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0])).toEqual(['BW-01', 'BW-02']);
  });

  it('compare: the child scored higher is the one scored better', async () => {
    const r = await ntk(['compare', initial, `${records}/BW-02-2026-01-10.yaml`], { env });
    expect(r.stdout).toContain("Ben's home and basics is 9; Ada's 2 (section 1.1): is care different between them?");
    expect(r.stdout).toContain('higher scores mean better care');
  });
});
