import type { ChalkInstance } from 'chalk';
import { reportScale, worryingSections, type CaseloadReport } from '../analyse/caseload-report.js';
import { barCells, scoreStack } from './report-bars.js';
import { terminalSafeLine } from './safe-text.js';
import { scaleLook } from './score-style.js';
import { displayWidth, padEndDisplay } from './text-layout.js';

/** The caseload as a table for a terminal, then the totals as small bar charts. */
export function renderReportTerminal(report: CaseloadReport, c: ChalkInstance): string {
  const out: string[] = [];
  const { rows, totals } = report;
  const scale = reportScale(report);
  out.push(c.bold(`Caseload on ${report.today}: ${plural(rows.length, 'child', 'children')} (latest record each; ${plural(report.files, 'file')} read)`), '');
  if (rows.length > 0) {
    const header = ['REF', 'HOUSEHOLD', 'LATEST', `SCORED ${scale.worrying.toUpperCase()}`, 'PROMPTS', 'DECISION', 'NEXT REVIEW', 'OVERDUE'];
    const cells = rows.map((r) => [
      terminalSafeLine(r.ref),
      terminalSafeLine(r.household ?? '-'),
      `${r.completed} ${r.type}`,
      worryingSections(r).join(' ') || '-',
      r.prompts.join(' ') || '-',
      r.decision ?? '-',
      r.nextReview ?? '-',
      r.daysOverdue ? `${r.daysOverdue} days` : '-',
    ]);
    const widths = header.map((h, i) => Math.max(displayWidth(h), ...cells.map((row) => displayWidth(row[i]!))));
    const line = (row: string[], style: (s: string, i: number) => string) => row.map((cell, i) => style(padEndDisplay(cell, widths[i]!), i)).join('  ').trimEnd();
    out.push(line(header, (s) => c.dim(s)));
    rows.forEach((r, k) => out.push(line(cells[k]!, (s, i) => (i === 7 && r.daysOverdue ? c.red(s) : i === 3 && r.worryingCount > 0 ? scaleLook(scale.scaleOf(r.template).template).colour(r.highestScore ?? undefined, c)(s) : s))));
    out.push('');
  }
  out.push(c.bold('Children per decision'));
  const most = Math.max(...totals.byDecision.map((d) => d.children));
  const decisionWidth = Math.max(...totals.byDecision.map((d) => displayWidth(d.decision)));
  for (const d of totals.byDecision) out.push(`  ${padEndDisplay(d.decision, decisionWidth)}  ${'█'.repeat(barCells(d.children, most, 30))} ${d.children}`);
  out.push(`  ${padEndDisplay('overdue review', decisionWidth)}  ${totals.overdue} of ${totals.children}`, '');
  out.push(c.bold('Children per prompt'));
  const promptWidth = Math.max(...totals.byPrompt.map((p) => displayWidth(p.code)));
  for (const p of totals.byPrompt) out.push(`  ${padEndDisplay(p.code, promptWidth)}  ${p.children} of ${totals.children}`);
  out.push('');
  out.push(`${c.bold('Scores per area')} ${c.dim(`(sections in the latest records: ${scale.scores.map((s) => `${scaleLook(scale.key.template).bar(s)} ${s}`).join('  ')})`)}`);
  const titleWidth = Math.max(0, ...totals.scores.map((a) => displayWidth(terminalSafeLine(a.title))));
  for (const area of totals.scores) {
    const scores = scale.scoresOf(area);
    const look = scaleLook(scale.scaleOf(area.template).template);
    const bar = scoreStack(area.counts, scores, look, 30)
      .map((p) => look.colour(p.score, c)(p.text))
      .join('');
    out.push(`  ${padEndDisplay(terminalSafeLine(area.title), titleWidth)}  ${bar || c.dim('not scored')}  ${area.counts.map((n, i) => `${scores[i]!}:${n}`).join(' ')}`);
  }
  return `${out.join('\n')}\n`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
