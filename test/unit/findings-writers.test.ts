import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/record/finding.js';
import { prettyWriter, renderFindingsJson } from '../../src/render/findings-report.js';
import { plainStyle } from '../../src/render/plain-style.js';
import { jsonSafe } from '../../src/render/safe-text.js';

describe('check’s formats, written a file at a time', () => {
  it('writes each finding with its own texts, however many distinct texts a report has (the pieces it remembers are bounded)', () => {
    // More distinct messages than the writer keeps made up, each seen twice, the second time after it was forgotten.
    const count = 12_000;
    const findings: Finding[] = Array.from({ length: count }, (_, i) => ({
      file: 'a.yaml',
      line: i + 1,
      column: null,
      severity: i % 3 === 0 ? 'warning' : 'prompt',
      code: i % 3 === 0 ? 'review-overdue' : 'discuss-with-lead',
      path: i % 7 === 0 ? '' : `areas.p${i % 4500}`,
      message: `m${i % 6000} \u001b[31mred`,
    }));
    const writer = prettyWriter(plainStyle);
    const lines = writer.file('a.yaml', findings).split('\n');
    expect(lines).toHaveLength(count + 1);
    findings.forEach((f, i) => {
      const path = f.path ? `${f.path}  ` : '';
      expect(lines[i]).toBe(`a.yaml:${i + 1}:1 ${f.severity.padEnd(7)} ${path}m${i % 6000} red  ${f.code}`);
    });
  });

  it('JSON: the same bytes as the whole report through jsonSafe, whatever the texts hold', () => {
    const texts = ['plain', '', 'quote " backslash \\ newline \n tab \t', 'bidi \u202e zero-width \u200b tag \u{e0041} C1 \u009b', 'line sep \u2028 emoji 👩‍👧 lone \ud800', '\u001b]0;title\u0007'];
    const findings: Finding[] = [];
    for (let i = 0; i < 30; i++) {
      findings.push({
        file: `dir/${texts[i % texts.length]!}.yaml`,
        line: i % 4 === 0 ? null : i,
        column: i % 4 === 0 ? null : i + 2,
        severity: i % 2 === 0 ? 'error' : 'prompt',
        code: i % 2 === 0 ? 'score-range' : 'discuss-with-lead',
        path: texts[(i + 1) % texts.length]!,
        message: texts[(i + 2) % texts.length]!,
      });
    }
    const counts = { errors: 15, warnings: 0, prompts: 15 };
    expect(renderFindingsJson(findings, 40)).toBe(`${jsonSafe({ files: 40, ...counts, findings })}\n`);
    expect(renderFindingsJson([], 3)).toBe(`${jsonSafe({ files: 3, errors: 0, warnings: 0, prompts: 0, findings: [] })}\n`);
  });
});
