import { decisionLabels, frontDoorLabels } from '../record/vocabulary.js';
import type { ToolkitRecord } from '../record/types.js';
import type { TemplateIndex } from '../template/load-template.js';
import { terminalSafe, terminalSafeLine } from './safe-text.js';
import { NOT_ASSESSED_MARK } from './score-style.js';
import { wrapText } from './text-layout.js';

/** Fixed, not the terminal's: the same record must always give the same text, or git would show changes that are not there. */
const WIDTH = 78;

/**
 * A record as stable plain text for git's textconv: one line per score with
 * the section's name and the scale's words, free text wrapped at a fixed
 * width under its heading. `git diff` and `git log -p` then read like a
 * review diff ("1.1 Food and feeding: 4 -> 2") instead of YAML noise.
 */
export function renderRecordText(record: ToolkitRecord, template: TemplateIndex): string {
  const tl = terminalSafeLine;
  const out: string[] = [];
  const text = (label: string, value: string | undefined, indent: string) => {
    if (value === undefined || value.trim() === '') return;
    out.push(`${indent}${label}:`, wrapText(terminalSafe(value).replace(/\s+/g, ' '), WIDTH, `${indent}  `));
  };
  const scaleLabel = new Map(template.template.scale.map((s) => [s.score, s.label.toLowerCase()]));
  const { child, assessment } = record;
  out.push(wrapText(`${child.name ? `${tl(child.name)} ` : ''}(${tl(child.ref)}) - ${assessment.type === 'initial' ? 'initial toolkit' : 'review'} completed ${assessment.completed}`, WIDTH));
  if (assessment.previous) out.push(`reviews the toolkit of ${assessment.previous}`);
  out.push(`template ${tl(record.template)}, format ${tl(record.format)}`);
  // Every fact about the child and home: a change to any of them must show in `git diff` (see the schema test).
  if (child.born) out.push(`born ${child.born}`);
  if (child.household) out.push(`household ${tl(child.household)}`);
  if (child.front_door) out.push(`front door: ${frontDoorLabels[child.front_door]} (${child.front_door})`);
  for (const m of child.family ?? []) {
    const lives = m.lives_with_child === false ? ', lives elsewhere' : m.lives_with_child === true ? ', lives with the child' : '';
    out.push(wrapText(`family: ${tl(m.name)}, ${tl(m.relationship)}${m.ref ? ` (${tl(m.ref)})` : ''}${lives}${m.since ? ` since ${m.since}` : ''}`, WIDTH, '  ').trimStart());
  }
  const summary = record.summary ?? {};
  out.push(`decision: ${summary.decision ? decisionLabels[summary.decision] : 'not recorded'}`);
  out.push(`discussed with safeguarding lead: ${summary.lead_consulted ?? 'not recorded'}`);
  out.push(`next review: ${summary.next_review ?? 'not set'}`);

  for (const tArea of template.template.areas) {
    const area = record.areas?.[tArea.key];
    out.push('', `${tArea.number} ${tl(tArea.title)}`);
    for (const tSection of tArea.sections) {
      const s = area?.sections?.[tSection.key];
      const name = `  ${tSection.key} ${tl(tSection.title)}`;
      if (s?.score !== undefined) {
        const views = [...(s.parent_score !== undefined ? [`parent ${s.parent_score}`] : []), ...(s.carer_scores ?? []).map((v) => `${tl(v.carer ?? 'carer')} ${v.score}`)];
        const parent = views.length > 0 ? ` (${views.join(', ')})` : '';
        out.push(`${name}: ${s.score} ${scaleLabel.get(s.score) ?? ''}${parent}${s.by ? `, by ${tl(s.by)}` : ''}`);
      } else if (s?.not_relevant !== undefined) {
        out.push(`${name}: not relevant`);
        text('why', s.not_relevant, '    ');
      } else {
        out.push(`${name}: ${NOT_ASSESSED_MARK} not assessed`);
      }
      text('evidence', s?.evidence, '    ');
      text('reminder followed up', s?.reminder_response, '    ');
    }
    text('impact', area?.impact, '  ');
    text('strengths', area?.strengths, '  ');
    text('concerns', area?.concerns, '  ');
  }

  const voice = record.child_voice ?? {};
  if (voice.working_well || voice.worried_about || voice.needs_to_happen || voice.gathered?.length || voice.gathered_note) {
    out.push('', "Child's voice");
    if (voice.gathered?.length) out.push(wrapText(`gathered by: ${voice.gathered.map(tl).join(', ')}`, WIDTH, '  '));
    text('how the child was heard', voice.gathered_note, '  ');
    text('working well', voice.working_well, '  ');
    text('worried about', voice.worried_about, '  ');
    text('needs to happen', voice.needs_to_happen, '  ');
  }

  out.push('', `Sessions (${assessment.sessions?.length ?? 0})`);
  for (const s of assessment.sessions ?? []) {
    out.push(wrapText(`${s.date} ${s.type}${s.by ? ` by ${tl(s.by)}` : ''}${s.seen === true ? ', child seen' : s.seen === false ? ', child not seen' : ''}${s.seen_alone ? ', child seen alone' : ''}`, WIDTH, '  '));
    text('note', s.note, '    ');
  }
  out.push('', 'Contributors');
  for (const c of assessment.contributors ?? []) {
    const edit = c.last_edit ? `; last edit ${c.last_edit.date}${c.last_edit.sections?.length ? ` (${c.last_edit.sections.map(tl).join(', ')})` : ''}` : '';
    out.push(wrapText(`${tl(c.id)}: ${tl([c.name, c.role, c.agency].filter(Boolean).join(', '))}${edit}`, WIDTH, '  '));
  }
  text('involvement', assessment.involvement, '  ');
  text('background', assessment.background, '  ');
  if (assessment.household_shared?.length) out.push(wrapText(`shared with the household: ${assessment.household_shared.map(tl).join(', ')}`, WIDTH, '  '));
  const home = assessment.home;
  text('home as usual', home?.usual, '  ');
  if (home?.recent_change) out.push(`  home recently: ${home.recent_change}`);
  text('what changed', home?.change_note, '  ');
  text('outside help', assessment.outside_help, '  ');
  for (const e of assessment.explanations ?? []) {
    text('explanation given', e.said, '  ');
    text('observed instead', e.observed, '    ');
  }

  out.push('', 'Plan');
  text('analysis', summary.analysis, '  ');
  text("parent's views", summary.parent_views, '  ');
  for (const a of summary.actions ?? []) {
    const meta = [a.who ? tl(a.who) : undefined, a.by ? `by ${a.by}` : undefined, a.done ? `done ${a.done}` : undefined, a.dropped ? `dropped ${a.dropped}` : undefined, a.household ? 'household' : undefined].filter(Boolean).join('; ');
    out.push(wrapText(`[${a.done ? 'x' : ' '}] ${terminalSafe(a.action)}${meta ? ` (${meta})` : ''}`, WIDTH, '  '));
    text('reason', a.reason, '    ');
  }
  const review = record.review;
  if (review) {
    out.push('', 'Review questions');
    text('support working', review.support_working, '  ');
    text('circumstances changed', review.circumstances_changed, '  ');
    text('needs increased', review.needs_increased, '  ');
    text('significant harm', review.significant_harm, '  ');
    text('improvement sustained', review.improvement_sustained, '  ');
    text('celebrated', review.celebrated, '  ');
  }
  return `${out.join('\n')}\n`;
}
