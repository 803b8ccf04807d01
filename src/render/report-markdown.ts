import { reportScale, worryingSections, type CaseloadReport } from '../analyse/caseload-report.js';
import { barCells, scoreStack } from './report-bars.js';
import { markdownCell } from './safe-text.js';
import { scaleLook } from './score-style.js';

/** The caseload as Markdown: a table per child, then the totals as tables with bars. */
export function renderReportMarkdown(report: CaseloadReport): string {
  const { rows, totals } = report;
  const scale = reportScale(report);
  const out: string[] = [`# Caseload on ${report.today}`, '', `${rows.length} children (latest record each; ${report.files} files read).`, ''];
  if (rows.length > 0) {
    out.push(`| Ref | Household | Latest | Scored ${scale.worrying} | Prompts | Decision | Next review | Days overdue |`, '|---|---|---|---|---|---|---|---:|');
    for (const r of rows) {
      out.push(
        `| ${[markdownCell(r.ref), markdownCell(r.household ?? ''), `${r.completed} ${r.type}`, worryingSections(r).join(' '), r.prompts.join(', '), r.decision ?? '', r.nextReview ?? '', r.daysOverdue ? String(r.daysOverdue) : ''].join(' | ')} |`,
      );
    }
    out.push('');
  }
  out.push('## Children per decision', '', '| Decision | Children | |', '|---|---:|---|');
  const most = Math.max(...totals.byDecision.map((d) => d.children));
  for (const d of totals.byDecision) out.push(`| ${d.decision} | ${d.children} | ${'█'.repeat(barCells(d.children, most, 20))} |`);
  out.push('', `${totals.overdue} of ${totals.children} children are past their next review date.`, '');
  out.push('## Children per prompt', '', '| Prompt | Children |', '|---|---:|', ...totals.byPrompt.map((p) => `| ${p.code} | ${p.children} |`), '');
  out.push('## Scores per area', '', `Sections in the latest records, ${scale.scores.map((s) => `${scaleLook(scale.key.template).square(s)} ${s}`).join(' ')}.`, '');
  out.push(`| Area | ${scale.scores.join(' | ')} | |`, `|---|${'---:|'.repeat(scale.scores.length)}---|`);
  for (const area of totals.scores) {
    const scores = scale.scoresOf(area);
    const look = scaleLook(scale.scaleOf(area.template).template);
    const bar = scoreStack(area.counts, scores, look, 10)
      .map((p) => look.square(p.score).repeat(p.text.length))
      .join('');
    // A caseload on two scales has a column for every score; an area has counts only for its own.
    const counts = scale.scores.map((s) => (scores.includes(s) ? String(area.counts[scores.indexOf(s)]) : ''));
    out.push(`| ${markdownCell(area.title)} | ${counts.join(' | ')} | ${bar} |`);
  }
  return `${out.join('\n')}\n`;
}
