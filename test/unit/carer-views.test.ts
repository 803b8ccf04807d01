import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../src/analyse/review-diff.js';
import { buildSummarySheet } from '../../src/analyse/summary-sheet.js';
import type { ToolkitRecord } from '../../src/record/types.js';
import { renderDiffHtml } from '../../src/render/diff-html.js';
import { renderDiffTerminal } from '../../src/render/diff-terminal.js';
import { plainStyle } from '../../src/render/plain-style.js';
import { renderSummaryHtml } from '../../src/render/summary-html.js';
import { renderSummaryMarkdown } from '../../src/render/summary-markdown.js';
import { renderSummaryTerminal } from '../../src/render/summary-terminal.js';
import { defaultTemplate } from '../../src/template/load-template.js';
import { practiceFindings } from '../../src/validate/practice-rules.js';
import { checkErrors } from './interview-script.js';

const text = readFileSync('fixtures/mary-jo/MJ-01-2020-09-29.yaml', 'utf8');
const before = parse(text) as ToolkitRecord;
/** Mary-Jo's record with 1.1 seen by two carers, each in their own words' score. */
const withCarers = (): ToolkitRecord => {
  const record = structuredClone(before);
  const section = record.areas?.['physical-care']?.sections?.['1.1'];
  if (!section) throw new Error('the fixture has no 1.1');
  delete section.parent_score;
  section.carer_scores = [
    { carer: 'Mum', score: 2 },
    { carer: 'Dad', score: 1 },
  ];
  return record;
};

describe("carers' own views side by side", () => {
  it('is a valid, optional part of a section: two carers at least', () => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => /^\s+parent_score:/.test(l));
    const indent = /^\s*/.exec(lines[at] ?? '')?.[0] ?? '';
    const two = [...lines.slice(0, at), `${indent}carer_scores:`, `${indent}  - carer: Mum`, `${indent}    score: 2`, `${indent}  - carer: Dad`, `${indent}    score: 1`, ...lines.slice(at + 1)].join('\n');
    expect(checkErrors(two)).toEqual([]);
    const one = [...lines.slice(0, at), `${indent}carer_scores:`, `${indent}  - carer: Mum`, `${indent}    score: 2`, ...lines.slice(at + 1)].join('\n');
    expect(checkErrors(one).join('\n')).toMatch(/carer_scores/);
  });

  it('shows each carer next to the practitioner on the summary sheet, in every format', () => {
    const sheet = buildSummarySheet(withCarers(), defaultTemplate(), []);
    const terminal = renderSummaryTerminal(sheet, plainStyle, { width: 100 });
    expect(terminal).toMatch(/1\.1 Food and feeding.*Mum 2.*Dad 1/);
    expect(renderSummaryMarkdown(sheet)).toMatch(/\| 1\.1 Food and feeding \| .* \| Mum 2, Dad 1( ↔ talk it through)? \|/);
    const html = renderSummaryHtml(sheet);
    expect(html).toContain('<span class="parent">Mum ');
    expect(html).toContain('<span class="parent">Dad ');
  });

  it('marks on the summary sheet exactly the sections the parent-score-differs rule prompts about', () => {
    const record = withCarers();
    const far = record.areas?.['physical-care']?.sections?.['1.2'];
    if (!far?.score) throw new Error('the fixture has no scored 1.2');
    far.parent_score = far.score > 2 ? far.score - 2 : far.score + 2;
    const sheet = buildSummarySheet(record, defaultTemplate(), []);
    const marked = sheet.areas.flatMap((a) => a.sections.filter((s) => s.viewsApart).map((s) => s.key));
    const prompted = practiceFindings(record, defaultTemplate(), '2020-10-01')
      .filter((f) => f.code === 'parent-score-differs')
      .map((f) => String(f.path[3]));
    expect(marked).toContain('1.2');
    expect(marked).toEqual([...new Set(prompted)]);
    expect(sheet.grid.flatMap((a) => a.sections.filter((s) => s.viewsApart).map((s) => s.key))).toEqual(marked);
  });

  it('shows the change in the carers\' views in a review diff', () => {
    const diff = diffRecords(before, withCarers(), defaultTemplate());
    const row = diff.sections.find((s) => s.section === '1.1');
    expect(row?.carersTo).toEqual([
      { carer: 'Mum', score: 2 },
      { carer: 'Dad', score: 1 },
    ]);
    expect(renderDiffTerminal(diff, defaultTemplate().template, plainStyle, 120)).toContain('parent 2 -> ·  carers · -> Mum 2, Dad 1');
    expect(renderDiffHtml(diff, defaultTemplate().template)).toContain('carers - → Mum 2, Dad 1');
  });
});
