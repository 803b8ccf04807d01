import type { AreaSheet, GridCell, SummarySheet } from '../analyse/summary-sheet.js';
import { areaHasContent, childVoiceQuestions, worryingWords } from '../analyse/summary-sheet.js';
import { longDate, longDatesIn } from '../record/dates.js';
import { leadWords, nextReviewWords, practiceFacts, sessionsLine, voiceGatheredWords } from './sheet-words.js';
import { markdownBlock, markdownCell, markdownInline } from './safe-text.js';
import { NOT_ASSESSED_MARK, NOT_RELEVANT_MARK, scaleLook, VIEWS_APART_MARK, type ScaleLook } from './score-style.js';

/**
 * The summary sheet as GitHub/GitLab Markdown. Every piece of record text
 * goes through the escapers in safe-text.ts; only the structure is ours.
 */
export function renderSummaryMarkdown(sheet: SummarySheet, options: { evidence?: boolean } = {}): string {
  const md = markdownInline;
  const out: string[] = [];
  const name = sheet.child.name ? md(sheet.child.name) : md(sheet.child.ref);
  const a = sheet.assessment;
  out.push(`# Neglect toolkit summary sheet: ${name}`, '');
  out.push(
    `${a.type === 'initial' ? 'Initial toolkit' : 'Review'} completed **${longDate(a.completed)}**${a.previous ? `, reviewing the toolkit of ${longDate(a.previous)} (${a.daysSincePrevious} days earlier)` : ''}. Template \`${sheet.template.id}\`.`,
    '',
  );
  const rows: [string, string][] = [['Child', `${sheet.child.name ? `${md(sheet.child.name)} ` : ''}(${md(sheet.child.ref)})`]];
  if (sheet.child.born) rows.push(['Born', `${longDate(sheet.child.born)}${sheet.child.ageYears !== undefined ? ` (${sheet.child.ageYears} at the time)` : ''}`]);
  if (sheet.child.household) rows.push(['Household', md(sheet.child.household)]);
  if (sheet.child.frontDoor) rows.push(['Front door', md(sheet.child.frontDoorLabel ?? sheet.child.frontDoor)]);
  if (sheet.child.family.length) {
    rows.push(['Family', sheet.child.family.map((m) => `${md(m.name)} (${md(m.relationship)}${m.lives_with_child === false ? ', lives elsewhere' : ''})`).join('; ')]);
  }
  rows.push(['Sessions', md(sessionsLine(sheet, sheet.child.name ?? sheet.child.ref))]);
  if (a.contributors.length) rows.push(['Contributors', a.contributors.map((p) => md([p.role, p.agency].filter(Boolean).join(', ') || p.id)).join('; ')]);
  out.push('| | |', '|---|---|', ...rows.map(([k, v]) => `| **${k}** | ${v} |`), '');

  out.push('## At a glance', '');
  const columns = Math.max(...sheet.grid.map((g) => g.sections.length));
  out.push(`| Area | ${Array.from({ length: columns }, () => 'Section').join(' | ')} |`, `|---|${'---|'.repeat(columns)}`);
  for (const g of sheet.grid) {
    const cells = g.sections.map((cell) => gridCell(cell, scaleLook(sheet.template)));
    while (cells.length < columns) cells.push('');
    out.push(`| **${g.number} ${md(g.title)}** | ${cells.join(' | ')} |`);
  }
  out.push(
    '',
    `Scores: ${sheet.template.scale.map((p) => `${scaleLook(sheet.template).square(p.score)} **${p.score}** ${md(p.label.toLowerCase())}`).join(' · ')} · ${NOT_RELEVANT_MARK} not relevant · ${NOT_ASSESSED_MARK} not assessed · *(parent 2)* the parent's own score.`,
    '',
    `**${sheet.totals.worrying} of ${sheet.totals.scored}** scored sections at ${worryingWords(sheet).or}${sheet.totals.mainlyWorrying ? ` (mainly ${worryingWords(sheet).plural})` : ''}.`,
    '',
  );

  out.push('## Areas of need', '');
  for (const area of sheet.areas.filter(areaHasContent)) out.push(...renderArea(area, sheet, name, options));

  const v = sheet.childVoice;
  const how = voiceGatheredWords(sheet);
  if (v.working_well || v.worried_about || v.needs_to_happen || how !== undefined) {
    out.push(`## ${name}'s voice`, '');
    if (how !== undefined) out.push(`*${md(how)}*`, '');
    for (const [key, label] of childVoiceQuestions) {
      const text = v[key];
      if (text) out.push(`**${label}**`, '', quote(markdownBlock(text)), '');
    }
  }
  const practice = practiceFacts(sheet);
  if (a.involvement || a.background || practice.length > 0) {
    out.push('## How the toolkit was completed', '');
    if (a.involvement) out.push('**Involving the family**', '', markdownBlock(a.involvement), '');
    if (a.background) out.push('**Background factors allowed for**', '', markdownBlock(a.background), '');
    for (const [label, text] of practice) out.push(`**${md(label)}**`, '', markdownBlock(text), '');
  }
  if (sheet.prompts.length) {
    out.push('## Prompts for your judgement', '', '*These inform professional judgement; they do not decide anything.*', '');
    for (const p of sheet.prompts) out.push(`- ${p.severity === 'warning' ? '⚠️ **Warning:**' : '❓ **Prompt:**'} ${md(longDatesIn(p.message))}`);
    out.push('');
  }
  const plan = sheet.plan;
  out.push('## Decision and plan', '');
  if (plan.analysis) out.push('**Analysis**', '', markdownBlock(plan.analysis), '');
  if (plan.parentViews) out.push("**Parent's views**", '', markdownBlock(plan.parentViews), '');
  out.push(`- **Safeguarding lead:** ${leadWords(sheet) ?? 'not consulted yet'}`);
  out.push(`- **Decision:** ${plan.decisionLabel ?? 'not recorded'}`);
  out.push(`- **Next review:** ${nextReviewWords(sheet) ?? 'not set'}`, '');
  if (plan.actions.length) {
    out.push('| | Action | Who | By |', '|---|---|---|---|');
    for (const act of plan.actions) {
      const state = act.done ? `✅ done ${longDate(act.done)}` : act.dropped ? `➖ dropped ${longDate(act.dropped)}${act.reason ? `: ${markdownCell(act.reason)}` : ''}` : '☐';
      out.push(`| ${state} | ${markdownCell(act.action)} | ${act.who ? markdownCell(act.who) : ''} | ${act.by ? longDate(act.by) : ''} |`);
    }
    out.push('');
  }
  if (sheet.review) {
    const r = sheet.review;
    out.push('## Review questions', '');
    for (const { key, question } of (sheet.reviewQuestions ?? [])) {
      const text = r[key];
      if (text) out.push(`**${md(question)}**`, '', markdownBlock(text), '');
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function gridCell(cell: GridCell, look: ScaleLook): string {
  if (cell.state === 'scored' && cell.score !== undefined) {
    return `${look.square(cell.score)} **${cell.score}** ${cell.key} ${markdownInline(cell.title)}${cell.parentScore !== undefined ? ` *(parent ${cell.parentScore})*` : ''}`;
  }
  return `${cell.state === 'not-relevant' ? NOT_RELEVANT_MARK : NOT_ASSESSED_MARK} ${cell.key} ${markdownInline(cell.title)}`;
}

function quote(block: string): string {
  return block
    .split('\n')
    .map((l) => (l === '' ? '>' : `> ${l}`))
    .join('\n');
}

function renderArea(area: AreaSheet, sheet: SummarySheet, childName: string, options: { evidence?: boolean }): string[] {
  const look = scaleLook(sheet.template);
  const out: string[] = [];
  const highest = area.highest !== undefined ? ` - ${worryingWords(sheet).worst} ${look.square(area.highest)} ${area.highest}` : '';
  out.push(`### ${area.number} ${markdownInline(area.title)}${highest}`, '');
  if (area.impact) out.push(`**Impact on ${childName}**`, '', quote(markdownBlock(area.impact)), '');
  const shown = area.sections.filter((s) => s.state !== 'not-assessed');
  if (shown.length) {
    out.push(`| Section | Practitioner | Parent | ${options.evidence ? 'Evidence' : 'By'} |`, '|---|---|---|---|');
    for (const s of shown) {
      const practitioner = s.score !== undefined ? `${look.square(s.score)} **${s.score}**` : `${NOT_RELEVANT_MARK}: ${markdownCell(s.notRelevant ?? '')}`;
      const views = [...(s.parentScore !== undefined ? [String(s.parentScore)] : []), ...(s.carers ?? []).map((v) => `${markdownCell(v.carer)} ${v.score}`)];
      const parent = views.length > 0 ? `${views.join(', ')}${s.viewsApart ? ` ↔ ${VIEWS_APART_MARK}` : ''}` : '';
      const last = options.evidence ? markdownCell(s.evidence ?? '') : markdownCell(s.by ?? '');
      out.push(`| ${s.key} ${markdownInline(s.title)} | ${practitioner} | ${parent} | ${last} |`);
    }
    out.push('');
  }
  if (area.strengths) out.push('**Strengths**', '', markdownBlock(area.strengths), '');
  if (area.concerns) out.push('**Concerns**', '', markdownBlock(area.concerns), '');
  return out;
}
