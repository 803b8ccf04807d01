import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ToolkitRecord } from '../../src/record/types.js';
import { loadTemplates } from '../../src/template/load-template.js';
import { templateProblems } from '../../src/template/template-checks.js';
import type { ToolkitTemplate } from '../../src/template/template.generated.js';
import { vocabularyErrors } from '../../src/validate/record-rules.js';

interface SchemaNode {
  pattern?: string;
  not?: { enum: string[] };
  minimum?: number;
  maximum?: number;
}
const recordSchema = JSON.parse(readFileSync('schemas/toolkit.schema.json', 'utf8')) as { definitions: Record<string, SchemaNode> };
const templates = [...loadTemplates().values()];
const record = (): ToolkitRecord => parse(readFileSync('fixtures/mary-jo/MJ-01-2020-09-29.yaml', 'utf8')) as ToolkitRecord;
const nscp = () => loadTemplates().get('nscp-ncscp/2021')!;
const copy = (t: ToolkitTemplate): ToolkitTemplate => structuredClone(t);

describe('the record schema against every template', () => {
  it('leaves the vocabulary to the templates and accepts every key and score they define', () => {
    const key = new RegExp(recordSchema.definitions.vocabularyKey!.pattern!);
    const forbidden = recordSchema.definitions.safeKey!.not!.enum;
    const { minimum, maximum } = recordSchema.definitions.score!;
    expect(templates.length).toBeGreaterThan(0);
    for (const { template } of templates) {
      expect(templateProblems(template)).toEqual([]);
      for (const d of [...template.decisions, ...template.front_doors]) expect(d.key).toMatch(key);
      for (const q of template.review_questions) expect(forbidden).not.toContain(q.key);
      for (const p of template.scale) {
        expect(p.score).toBeGreaterThanOrEqual(minimum!);
        expect(p.score).toBeLessThanOrEqual(maximum!);
      }
    }
  });

  it("refuses what a record's template has no word for, worded as the schema's own errors", () => {
    const r = record();
    r.summary = { ...r.summary, decision: 'wait-and-see' };
    r.child.front_door = 'north';
    r.areas!['physical-care']!.sections!['1.1']!.score = 5;
    r.review = { support_working: 'yes', how_it_went: 'well' };
    expect(vocabularyErrors(r, nscp()).map((f) => [f.code, f.path.join('.'), f.message])).toEqual([
      ['score-range', 'areas.physical-care.sections.1.1.score', 'must be 1-4 (got 5)'],
      ['not-allowed-value', 'child.front_door', 'must be one of city, county (got "north")'],
      ['not-allowed-value', 'summary.decision', 'must be one of single-agency, community-services, early-help, mash, mash-urgent (got "wait-and-see")'],
      ['unknown-field', 'review.how_it_went', expect.stringContaining('`how_it_went` is not a field in review')],
    ]);
  });
});

describe('templateProblems', () => {
  it('finds what the template schema cannot: a gap in the scale, a missing descriptor, no worrying score, a key used twice', () => {
    const t = copy(nscp().template);
    t.scale = t.scale.filter((p) => p.score !== 2).map(({ score, label, meaning }) => ({ score, label, meaning })) as ToolkitTemplate['scale'];
    t.decisions = [...t.decisions, t.decisions[0]!];
    const problems = templateProblems(t);
    expect(problems).toContain('/scale/1 the scale\'s scores must run in steps of one, the lowest first (got 3 after 1)');
    expect(problems).toContain('/scale no score is marked worrying');
    expect(problems.some((p) => p.startsWith('/areas/0/sections/0/descriptors section 1.1 must describe every score of the scale (1, 3, 4)'))).toBe(true);
    expect(problems).toContain('/decisions the key single-agency is used twice');
  });

  it('refuses a reminder whose finding code is not a prompt in the registry', () => {
    const t = copy(nscp().template);
    const at = t.areas.flatMap((a, i) => a.sections.map((s, j) => ({ s, where: `/areas/${i}/sections/${j}` }))).find(({ s }) => s.reminder)!;
    expect(templateProblems(t).some((p) => p.includes('/reminder/code'))).toBe(false);
    at.s.reminder!.code = 'no-such-reminder';
    expect(templateProblems(t)).toContain(`${at.where}/reminder/code no-such-reminder is not a prompt in the registry of finding codes (src/record/finding-codes.ts)`);
  });
});
