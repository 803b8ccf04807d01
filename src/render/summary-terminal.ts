import type { ChalkInstance } from 'chalk';
import type { AreaSheet, GridCell, SummarySheet } from '../analyse/summary-sheet.js';
import { areaHasContent, childVoiceQuestions, worryingWords } from '../analyse/summary-sheet.js';
import { longDate, longDatesIn } from '../record/dates.js';
import { leadWords, nextReviewWords, practiceFacts, sessionsLine, voiceGatheredWords } from './sheet-words.js';
import { terminalSafe, terminalSafeLine } from './safe-text.js';
import { NOT_ASSESSED_MARK, NOT_RELEVANT_MARK, scaleLook, VIEWS_APART_MARK, type ScaleLook } from './score-style.js';
import { boxTable, wrapText } from './text-layout.js';

export interface TerminalSummaryOptions {
  width: number;
  /** Also print each section's evidence. */
  evidence?: boolean;
}

/** The summary sheet for a terminal: the grid at a glance, then impact first in every area. */
export function renderSummaryTerminal(sheet: SummarySheet, c: ChalkInstance, options: TerminalSummaryOptions): string {
  const { width } = options;
  const t = terminalSafe;
  const tl = terminalSafeLine;
  const out: string[] = [];
  const childName = sheet.child.name ? tl(sheet.child.name) : tl(sheet.child.ref);
  const heading = (s: string) => out.push('', c.bold.underline(s));
  const para = (label: string, text: string | undefined, indent = '  ') => {
    if (text === undefined || text.trim() === '') return;
    out.push(`${indent}${c.bold(label)}`, wrapText(t(text), width, `${indent}  `));
  };

  out.push(c.bold(`Neglect toolkit summary sheet - ${childName}`));
  const who = [
    `${sheet.child.name ? `${tl(sheet.child.name)} ` : ''}(${tl(sheet.child.ref)})`,
    sheet.child.born ? `born ${longDate(sheet.child.born)}${sheet.child.ageYears !== undefined ? `, ${sheet.child.ageYears} at the time` : ''}` : undefined,
    sheet.child.household ? `household ${tl(sheet.child.household)}` : undefined,
    sheet.child.frontDoor ? `${tl(sheet.child.frontDoorLabel ?? sheet.child.frontDoor)} front door` : undefined,
  ].filter(Boolean);
  // Names and references are record text of any length and script: these lines wrap like the rest.
  out.push(wrapText(who.join(' · '), width));
  const a = sheet.assessment;
  out.push(
    wrapText(
      `${a.type === 'initial' ? 'Initial toolkit' : 'Review'} completed ${longDate(a.completed)}${a.previous ? ` · reviews the toolkit of ${longDate(a.previous)} (${a.daysSincePrevious} days earlier)` : ''} · ${tl(sheet.template.id)}`,
      width,
    ),
  );
  // The child's name is in it: as long as the record makes it, so it wraps.
  out.push(wrapText(`Sessions: ${tl(sessionsLine(sheet, sheet.child.name ?? sheet.child.ref))}`, width));
  if (sheet.child.family.length > 0) {
    out.push(wrapText(`Family: ${sheet.child.family.map((m) => `${tl(m.name)} (${tl(m.relationship)}${m.lives_with_child === false ? ', lives elsewhere' : ''})`).join(' · ')}`, width));
  }
  if (a.contributors.length > 0) {
    out.push(wrapText(`Contributors: ${a.contributors.map((p) => tl([p.role, p.agency].filter(Boolean).join(', ') || p.id)).join(' · ')}`, width));
  }

  heading('At a glance');
  // The parent's score needs room; on a narrow terminal it is shown per area below instead.
  const withParent = width >= 100;
  out.push(renderGrid(sheet, c, withParent));
  out.push(
    c.dim(
      wrapText(
        [
          ...sheet.template.scale.map((p) => `${p.score}${scaleLook(sheet.template).bar(p.score)} ${tl(p.label).toLowerCase()}`),
          `${NOT_RELEVANT_MARK} not relevant`,
          `${NOT_ASSESSED_MARK} not assessed`,
          ...(withParent ? ["(p2) parent's own score"] : []),
        ].join(' · '),
        width,
      ),
    ),
  );
  out.push(
    `${sheet.totals.worrying} of ${sheet.totals.scored} scored sections at ${worryingWords(sheet).or}${sheet.totals.mainlyWorrying ? c.bold(` - mainly ${worryingWords(sheet).plural}`) : ''}`,
  );

  for (const area of sheet.areas.filter(areaHasContent)) out.push(...renderArea(area, sheet, c, options, childName));

  const v = sheet.childVoice;
  const how = voiceGatheredWords(sheet);
  if (v.working_well || v.worried_about || v.needs_to_happen || how !== undefined) {
    heading(`${childName}'s voice`);
    if (how !== undefined) out.push(c.dim(wrapText(t(how), width, '  ')));
    for (const [key, label] of childVoiceQuestions) para(label, v[key]);
  }
  const practice = practiceFacts(sheet);
  if (a.involvement || a.background || practice.length > 0) {
    heading('How the toolkit was completed');
    para('Involving the family', a.involvement);
    para('Background factors allowed for', a.background);
    for (const [label, text] of practice) para(label, text);
  }

  if (sheet.prompts.length > 0) {
    heading('Prompts for your judgement');
    out.push(c.dim('  These inform professional judgement; they do not decide anything.'));
    for (const p of sheet.prompts) {
      const mark = p.severity === 'warning' ? c.yellow('⚠') : c.cyan('?');
      out.push(wrapText(`${mark} ${t(longDatesIn(p.message))}`, width, '  '));
    }
  }

  const plan = sheet.plan;
  heading('Decision and plan');
  para('Analysis', plan.analysis);
  para("Parent's views", plan.parentViews);
  out.push(wrapText(`${c.bold('Safeguarding lead:')} ${leadWords(sheet) ?? c.yellow('not consulted yet')}`, width, '  '));
  out.push(`  ${c.bold('Decision:')} ${plan.decisionLabel ?? c.yellow('not recorded')}`);
  if (plan.actions.length > 0) {
    out.push(`  ${c.bold('Actions:')}`);
    for (const act of plan.actions) {
      const meta = [
        act.who ? tl(act.who) : undefined,
        act.by ? `by ${longDate(act.by)}` : undefined,
        act.done ? c.green(`done ${longDate(act.done)}`) : undefined,
        act.dropped ? c.yellow(`dropped ${longDate(act.dropped)}${act.reason ? `: ${tl(act.reason)}` : ''}`) : undefined,
      ].filter(Boolean);
      out.push(wrapText(`${act.done ? '☑' : act.dropped ? '☒' : '☐'} ${t(act.action)}${meta.length ? ` (${meta.join(', ')})` : ''}`, width, '    '));
    }
  }
  out.push(wrapText(`${c.bold('Next review:')} ${nextReviewWords(sheet) ?? c.yellow('not set')}`, width, '  '));

  if (sheet.review) {
    heading('Review questions');
    const r = sheet.review;
    for (const { key, question } of (sheet.reviewQuestions ?? [])) para(question, r[key]);
  }
  return `${out.join('\n')}\n`;
}

function cellText(cell: GridCell, look: ScaleLook, c: ChalkInstance, withParent: boolean): string {
  if (cell.state === 'scored' && cell.score !== undefined) {
    return `${terminalSafeLine(cell.key)} ${look.badge(cell.score, c)}${withParent && cell.parentScore !== undefined ? c.dim(` (p${cell.parentScore})`) : ''}`;
  }
  return `${terminalSafeLine(cell.key)} ${c.dim(cell.state === 'not-relevant' ? NOT_RELEVANT_MARK : NOT_ASSESSED_MARK)}`;
}

function renderGrid(sheet: SummarySheet, c: ChalkInstance, withParent: boolean): string {
  const columns = Math.max(...sheet.grid.map((a) => a.sections.length));
  return boxTable(
    sheet.grid.map((area) => {
      const cells = area.sections.map((s) => cellText(s, scaleLook(sheet.template), c, withParent));
      while (cells.length < columns) cells.push('');
      return [`${area.number} ${terminalSafeLine(area.title)}`, ...cells];
    }),
  );
}

function renderArea(area: AreaSheet, sheet: SummarySheet, c: ChalkInstance, options: TerminalSummaryOptions, childName: string): string[] {
  const { width } = options;
  const look = scaleLook(sheet.template);
  const t = terminalSafe;
  const out: string[] = [''];
  const highest = area.highest !== undefined ? look.colour(area.highest, c)(`${worryingWords(sheet).worst} ${area.highest}${look.bar(area.highest)}`) : c.dim('not scored');
  out.push(`${c.bold.underline(`${area.number} ${terminalSafeLine(area.title)}`)}  ${highest}`);
  if (area.impact && area.impact.trim() !== '') {
    out.push(`  ${c.bold.magenta(`Impact on ${childName}`)}`);
    out.push(
      wrapText(t(area.impact), width, '  ┃ ')
        .split('\n')
        .map((l) => c.magenta('  ┃') + l.slice(3))
        .join('\n'),
    );
  }
  for (const s of area.sections) {
    if (s.state === 'not-assessed') continue;
    const score = s.state === 'scored' && s.score !== undefined ? look.badge(s.score, c) : c.dim(` ${NOT_RELEVANT_MARK} `);
    const parent =
      (s.parentScore !== undefined ? ` parent ${s.parentScore}${look.bar(s.parentScore)}` : '') +
      (s.carers ?? []).map((v) => ` ${terminalSafeLine(v.carer)} ${v.score}${look.bar(v.score)}`).join('');
    const differs = s.viewsApart ? c.cyan(`  ↔ ${VIEWS_APART_MARK}`) : '';
    out.push(`  ${score} ${terminalSafeLine(s.key)} ${terminalSafeLine(s.title)}${c.dim(parent)}${differs}${s.by ? c.dim(`  - ${terminalSafeLine(s.by)}`) : ''}`);
    if (s.notRelevant) out.push(c.dim(wrapText(`not relevant: ${t(s.notRelevant)}`, width, '        ')));
    if (options.evidence && s.evidence) out.push(c.dim(wrapText(t(s.evidence), width, '        ')));
  }
  if (area.strengths && area.strengths.trim() !== '') out.push(`  ${c.green.bold('Strengths')}`, wrapText(t(area.strengths), width, '    '));
  if (area.concerns && area.concerns.trim() !== '') out.push(`  ${c.yellow.bold('Concerns')}`, wrapText(t(area.concerns), width, '    '));
  return out;
}
