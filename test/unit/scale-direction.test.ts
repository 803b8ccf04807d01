import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildChronology } from '../../src/analyse/chronology.js';
import { buildHistories } from '../../src/analyse/history.js';
import { diffRecords } from '../../src/analyse/review-diff.js';
import { compareChildren } from '../../src/analyse/sibling-comparison.js';
import { buildSummarySheet } from '../../src/analyse/summary-sheet.js';
import { scoresBySection } from '../../src/record/sections.js';
import type { ToolkitRecord } from '../../src/record/types.js';
import { flagWords, namer } from '../../src/render/chronology-style.js';
import { compareKey, flagQuestion } from '../../src/render/compare-style.js';
import { renderDiffHtml } from '../../src/render/diff-html.js';
import { renderDiffJson } from '../../src/render/diff-json.js';
import { renderDiffMarkdown } from '../../src/render/diff-markdown.js';
import { renderDiffTerminal } from '../../src/render/diff-terminal.js';
import { renderChildHistoryMarkdown } from '../../src/render/history-markdown.js';
import { renderChildHistoryTerminal } from '../../src/render/history-terminal.js';
import { plainStyle } from '../../src/render/plain-style.js';
import { scaleLook } from '../../src/render/score-style.js';
import { renderSummaryMarkdown } from '../../src/render/summary-markdown.js';
import { renderSummaryTerminal } from '../../src/render/summary-terminal.js';
import { renderTemplateTerminal } from '../../src/render/template-terminal.js';
import { indexTemplate, loadTemplates, type TemplateIndex } from '../../src/template/load-template.js';
import { templateProblems } from '../../src/template/template-checks.js';
import type { ToolkitTemplate } from '../../src/template/template.generated.js';
import { driftFlags } from '../../src/validate/drift-rules.js';
import { ANY_SCALE, FINDING_CODES, scaleWorded } from '../../src/record/finding-codes.js';
import { reminderRaised } from '../../src/validate/practice-rules.js';
import { siblingFlags } from '../../src/validate/sibling-rules.js';

// A test-only template (test/templates/, never shipped): 0-10 where HIGHER is better care, worrying at 0-3.
const brightwellFile = 'test/templates/brightwell-test-0-10.yaml';
const brightwellData = (): ToolkitTemplate => parse(readFileSync(brightwellFile, 'utf8')) as ToolkitTemplate;
const brightwell = indexTemplate(brightwellData());
const nscp = () => loadTemplates().get('nscp-ncscp/2021')!;
const northmoor = () => loadTemplates().get('northmoor/2026')!;
const record = (name: string): ToolkitRecord => parse(readFileSync(`test/templates/records/${name}.yaml`, 'utf8')) as ToolkitRecord;
const [initial, review, review2, sibling] = ['BW-01-2026-01-10', 'BW-01-2026-04-10', 'BW-01-2026-07-10', 'BW-02-2026-01-10'].map(record) as [ToolkitRecord, ToolkitRecord, ToolkitRecord, ToolkitRecord];
const version = (r: ToolkitRecord, template: TemplateIndex = brightwell) => ({ record: r, template, source: { file: `${r.child.ref}-${r.assessment.completed}.yaml`, commit: null, author: null, date: null, subject: null } });

describe('a template says which end of its scale is better care', () => {
  it('is a valid template, and one whose worrying scores are not its worst is refused', () => {
    expect(templateProblems(brightwellData())).toEqual([]);
    const wrongWay = { ...brightwellData(), better: 'lower' as const };
    expect(templateProblems(wrongWay)).toContain('/scale the worrying scores must be the worst of the scale (better: lower), but 4 is not marked worrying and is worse than 0');
    const nscpUpsideDown = { ...structuredClone(nscp().template), better: 'higher' as const };
    expect(templateProblems(nscpUpsideDown).some((p) => p.startsWith('/scale the worrying scores must be the worst'))).toBe(true);
  });

  it('orders care by it: rank, worst, and the words for the worst end', () => {
    expect([10, 4, 3, 0].map(brightwell.rank)).toEqual([0, 6, 7, 10]);
    expect(brightwell.worst([2, 7, 9])).toBe(2);
    expect(nscp().worst([1, 3, 2])).toBe(3);
    expect(brightwell.worryingWords).toMatchObject({ or: '0, 1, 2 or 3', range: '0-3', span: '0-10', worst: 'lowest', better: 'higher', lastCalm: 4 });
    expect(nscp().worryingWords).toMatchObject({ or: '3 or 4', plural: '3s and 4s', range: '3-4', span: '1-4', worst: 'highest', better: 'lower', lastCalm: 2 });
  });

  it('draws the four looks from the calm and the worrying scores, whichever end is better', () => {
    const looks = (t: TemplateIndex) => t.scores.map(scaleLook(t.template).look);
    expect(looks(nscp())).toEqual([1, 2, 3, 4]);
    expect(looks(northmoor())).toEqual([1, 2, 2, 3, 4]);
    expect(looks(brightwell)).toEqual([4, 4, 3, 3, 2, 2, 2, 2, 1, 1, 1]);
  });
});

describe('every analysis reads the better end from the template (0-10, higher is better)', () => {
  it('review diff: up is improved, down is deteriorated, and an area is read by its lowest score', () => {
    const diff = diffRecords(initial, review, brightwell);
    const change = Object.fromEntries(diff.sections.map((s) => [s.section, s.change]));
    expect(change).toEqual({ '1.1': 'improved', '1.2': 'unchanged', '2.1': 'deteriorated', '2.2': 'deteriorated' });
    expect(diff.areas.map((a) => [a.area, a.verdict, a.highestFrom, a.highestTo])).toEqual([
      ['home', 'improved', 2, 3],
      ['feelings', 'deteriorated', 6, 2],
    ]);
  });

  it('history: slipped back, sustained and deteriorated, with the worst score per toolkit', () => {
    const [ada] = buildHistories([review2, initial, review].map((r) => version(r)));
    const trends = Object.fromEntries(ada!.areas.flatMap((a) => a.sections.map((s) => [s.section, s.trend])));
    expect(trends).toEqual({ '1.1': 'slipped-back', '1.2': 'unchanged', '2.1': 'deteriorated', '2.2': 'deteriorated' });
    expect(ada!.areas.map((a) => [a.area, a.trend, a.highest])).toEqual([
      ['home', 'sustained', [2, 3, 3]],
      ['feelings', 'deteriorated', [6, 2, 2]],
    ]);
  });

  it('drift: a worrying score never better than where it started, not one that got better', () => {
    const toolkits = [initial, review, review2].map((r) => ({ completed: r.assessment.completed, nextReview: null, scores: scoresBySection(r), actions: [] }));
    const flags = driftFlags(toolkits, '2026-08-01', brightwell);
    expect(flags).toEqual([{ code: 'drift-no-improvement', section: '1.2', since: '2026-01-10', toolkits: 3, score: 3 }]);
  });

  it('chronology: slipped back from 7 to 4, worded with the template\'s worrying scores', () => {
    const c = buildChronology([initial, review, review2].map((r) => version(r)), { today: '2026-08-01' });
    expect(c.flags.filter((f) => f.code === 'slipped-back')).toMatchObject([{ section: '1.1', from: 7, to: 4 }]);
    const words = { decisionLabel: (k: string) => k, templateOf: () => brightwell };
    const drift = c.flags.find((f) => f.code === 'drift-no-improvement')!;
    expect(flagWords(drift, namer(c, (s) => s), (s) => s, words)).toContain("Ada's 1.2 Home scored 0, 1, 2 or 3 at 3 toolkits in a row");
  });

  it('siblings: the child scored higher is the one scored better', () => {
    const children = [initial, sibling].map((r) => ({ ref: r.child.ref, completed: r.assessment.completed, scores: scoresBySection(r) }));
    expect(siblingFlags(children, brightwell)).toEqual([{ code: 'differential-care', area: 'home', pairs: [{ better: 1, worse: 0 }], sections: ['1.1'] }]);
    const sheet = compareChildren([initial, sibling].map((r) => ({ record: r, file: `${r.child.ref}.yaml` })), brightwell);
    expect(flagQuestion(sheet, sheet.flags[0]!, (s) => s)).toBe("Ben's home and basics is 9; Ada's 2 (section 1.1): is care different between them?");
    expect(compareKey(sheet)).toContain('higher scores mean better care');
  });

  it('reminders: "at least" a score is that score or worse', () => {
    const conflict = brightwell.section('2.2')!.section;
    expect(reminderRaised(review, 'feelings', conflict, brightwell.rank)).toBe('score');
    expect(reminderRaised(initial, 'feelings', conflict, brightwell.rank)).toBeNull();
  });
});

describe('every renderer words and draws the scale from the template', () => {
  const diff = diffRecords(initial, review, brightwell);

  it('review diff: arrows point the way the score moved, "lowest", and "kept at 4 or better"', () => {
    const md = renderDiffMarkdown(diff, brightwell.template);
    expect(md).toContain('Higher scores mean better care: ▲ improved, ▼ deteriorated.');
    expect(md).toContain('improved: 1 section better, 1 the same; lowest 2 → 3');
    expect(md).toContain('| 1 Home and basics | 1.1 Food | 🟧 2 | 🟨 7 | ▲ improved |');
    expect(renderDiffTerminal(diff, brightwell.template, plainStyle, 100)).toContain('▼ 2.1 Warmth    8▂ -> 5▄  deteriorated');
    const html = renderDiffHtml(diff, brightwell.template);
    expect(html).toContain('▲ better</span> higher score, better care');
    expect(html).toContain('kept at 4 or better');
    expect(html).not.toContain('highest');
    const json = JSON.parse(renderDiffJson(diff)) as { areas: { line: string }[]; scale?: unknown };
    expect(json.areas[0]!.line).toBe('improved: 1 section better, 1 the same; lowest 2 -> 3');
    expect(json.scale).toBeUndefined();
  });

  it('history: the legend runs over the whole scale, "lowest", and "at 0-3"', () => {
    const [ada] = buildHistories([initial, review, review2].map((r) => version(r)));
    const terminal = renderChildHistoryTerminal(ada!, plainStyle, 120, brightwell);
    expect(terminal).toContain('█ 0  █ 1  ▆ 2  ▆ 3  ▄ 4');
    expect(terminal).toContain('higher is better care');
    expect(terminal).toContain('lowest 2 -> 3 -> 3 · 2 of 2 -> 1 of 2 -> 1 of 2 at 0-3  ★ sustained');
    expect(terminal).toContain('1.1 Food                    ▆▄▄  2 7 4  ⚠ slipped back');
    const md = renderChildHistoryMarkdown(ada!, (k) => k, brightwell);
    expect(md).toContain('Higher scores mean better care.');
    expect(md).toContain('y-axis "Lowest score" 0 --> 10');
    expect(md).toContain('| *At 0, 1, 2 or 3* |');
    expect(md).toContain('## 2 Feelings and relationships - ▼ deteriorated');
  });

  it('summary sheet and template: the lowest score of an area, the worrying scores by name', () => {
    const sheet = buildSummarySheet(review, brightwell, []);
    expect(sheet.areas.map((a) => a.highest)).toEqual([3, 2]);
    expect(renderSummaryTerminal(sheet, plainStyle, { width: 100 })).toContain('lowest 3▆');
    const md = renderSummaryMarkdown(sheet);
    expect(md).toContain('scored sections at 0, 1, 2 or 3');
    expect(md).toContain('### 1 Home and basics - lowest 🟧 3');
    expect(renderTemplateTerminal(brightwell.template, [], plainStyle, 100)).toContain('Scale (higher scores are better care)');
  });
});

describe('the registry of finding codes says scores as the template does', () => {
  it('fills its placeholders from a template, or words for any scale', () => {
    expect(scaleWorded(FINDING_CODES['discuss-with-lead'].title, nscp().worryingWords)).toBe('Mainly 3s and 4s with impact: discuss with the safeguarding lead as soon as possible.');
    expect(scaleWorded(FINDING_CODES['impact-missing'].title, brightwell.worryingWords)).toBe('An area scored 0, 1, 2 or 3 should record the impact on the child.');
    expect(scaleWorded(FINDING_CODES['drift-no-improvement'].title, ANY_SCALE)).toBe('The same section scored at a worrying score at three or more toolkits in a row, never better.');
    for (const info of Object.values(FINDING_CODES)) expect(scaleWorded(`${info.title} ${info.help}`, ANY_SCALE)).not.toMatch(/[{}]|\b[1-4] or [1-4]\b|[1-4]s and [1-4]s/);
  });
});

describe('a score off every scale', () => {
  it('is told the range of the record\'s own template, even where the schema catches it first', async () => {
    const { checkAgainstSchema } = await import('../../src/validate/schema-check.js');
    const { vocabularyErrors } = await import('../../src/validate/record-rules.js');
    const nm = parse(readFileSync('fixtures/northmoor/NM-01-2026-01-12.yaml', 'utf8')) as ToolkitRecord;
    const withScore = (score: number) => {
      const r = structuredClone(nm);
      r.areas!['basics']!.sections!['1.1']!.score = score;
      return r;
    };
    const schema = checkAgainstSchema(withScore(12));
    expect(schema.ok ? [] : schema.problems.filter((p) => p.code === 'score-range').map((p) => p.message)).toEqual(['must be 1-5 (got 12)']);
    expect(vocabularyErrors(withScore(7), northmoor()).map((f) => f.message)).toEqual(['must be 1-5 (got 7)']);
  });
});
