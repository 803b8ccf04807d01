import { hasText, scoredSections, sectionEntries, worryingShare, type SectionEntry } from '../record/sections.js';
import type { ToolkitRecord } from '../record/types.js';
import type { TemplateIndex, TemplateSection } from '../template/load-template.js';
import type { FindingCode } from '../record/finding-codes.js';
import type { RuleFinding } from './rule-finding.js';

/**
 * Prompts and warnings about practice, from record-format.md. None of them is
 * a decision: the guidance is clear that the trigger for action is
 * professional judgement, not a score, so these only say what to consider.
 */
export function practiceFindings(record: ToolkitRecord, template: TemplateIndex, today: string): RuleFinding[] {
  return [
    ...leadAndImpact(record, template),
    ...reminders(record, template),
    ...parentScores(record),
    ...evidenceGathering(record),
    ...practiceErrors(record, today),
    ...completeness(record),
    ...lookAgain(record),
  ];
}

function leadAndImpact(record: ToolkitRecord, template: TemplateIndex): RuleFinding[] {
  const out: RuleFinding[] = [];
  const { or, plural } = template.worryingWords;
  const worryingAreas = Object.entries(record.areas ?? {}).filter(([, area]) => Object.values(area.sections ?? {}).some((s) => template.isWorrying(s.score)));
  for (const [key, area] of worryingAreas) {
    if (!hasText(area.impact)) {
      out.push({
        code: 'impact-missing',
        path: ['areas', key],
        part: 'key',
        message: `${template.area(key)?.title ?? key} has sections scored ${or} but no examples of the impact on the child; the impact is the heart of the summary sheet`,
      });
    }
  }
  const share = worryingShare(record, template.isWorrying);
  // Once the lead has been consulted the prompt has done its work: the sheet shows the date instead.
  if (share.mainly && record.summary?.lead_consulted === undefined && worryingAreas.some(([, area]) => hasText(area.impact))) {
    out.push({
      code: 'discuss-with-lead',
      path: record.summary ? ['summary'] : [],
      part: 'key',
      message: `mainly ${plural} (${share.worrying} of ${share.scored} scored sections) with examples of impact on the child: discuss with your safeguarding lead or manager as soon as possible so a plan of support can be agreed (your judgement decides, not the score)`,
    });
  }
  if (share.mainly && record.summary?.lead_consulted === undefined) {
    out.push({
      code: 'lead-not-consulted',
      path: ['summary', 'lead_consulted'],
      part: 'key',
      message: `mainly ${plural} but no date when this was discussed with the safeguarding lead or manager`,
    });
  }
  return out;
}

/** Template-driven reminders, such as the domestic-abuse reminder on 5.2. */
function reminders(record: ToolkitRecord, template: TemplateIndex): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const { area: tArea, section: tSection } of template.sections()) {
    const why = reminderRaised(record, tArea.key, tSection, template.rank);
    if (why === null) continue;
    const section = record.areas?.[tArea.key]?.sections?.[tSection.key];
    // What was done about it is said with it; the reminder stays, as the guidance asks it at every contact.
    const done = section?.reminder_response?.trim() ? ` What was done: ${section.reminder_response.trim()}` : '';
    out.push({
      // The template names the code; template-checks.ts refuses a template whose reminder code is not a registered prompt.
      code: tSection.reminder!.code as FindingCode,
      path: section ? ['areas', tArea.key, 'sections', tSection.key] : ['areas', tArea.key],
      part: 'key',
      message: `${why === 'score' ? `section ${tSection.key} is scored ${section?.score}` : `${tSection.title.toLowerCase()} is described`}: ${lowerFirst(tSection.reminder!.text)}${done}`,
    });
  }
  return out;
}

/**
 * Whether a section's reminder is raised, and by what: its score, or its
 * subject described in the area's text. "At least" a score is that score or
 * worse, whichever end of the scale is better. The interview asks what was
 * done when it is (the same rule, one source).
 */
export function reminderRaised(record: ToolkitRecord, areaKey: string, tSection: TemplateSection, rank: TemplateIndex['rank']): 'score' | 'text' | null {
  const reminder = tSection.reminder;
  const area = record.areas?.[areaKey];
  if (!reminder || !area) return null;
  const section = area.sections?.[tSection.key];
  if (reminder.when_score_at_least !== undefined && section?.score !== undefined && rank(section.score) >= rank(reminder.when_score_at_least)) return 'score';
  // The text is searched only when the score does not already raise the reminder: it is the costlier test.
  return mentions(reminder, [section?.evidence, area.concerns, area.impact]) ? 'text' : null;
}

const reminderPatterns = new WeakMap<object, RegExp>();

function mentions(reminder: NonNullable<TemplateSection['reminder']>, texts: (string | undefined)[]): boolean {
  const stems = reminder.when_text_mentions ?? [];
  if (stems.length === 0) return false;
  // Stems match at the start of a word, so "row" finds "rows" but not "grow".
  // Built once per template reminder: a batch asks the same question of thousands of records.
  let pattern = reminderPatterns.get(reminder);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.map(escapeRegExp).join('|')})`, 'iu');
    reminderPatterns.set(reminder, pattern);
  }
  return texts.some((t) => t !== undefined && pattern.test(t));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * Whether a parent's or carer's own score is far enough from the
 * practitioner's to talk through (the rule of `parent-score-differs`): the
 * summary sheet marks the same sections the rule prompts about.
 */
export function viewsFarApart(practitioner: number, own: number): boolean {
  return Math.abs(practitioner - own) >= 2;
}

type ScoredSection = SectionEntry & { score: number };

function parentScores(record: ToolkitRecord): RuleFinding[] {
  // A loop, not a list of views per section filtered and spread: every scored section of every record is asked.
  const out: RuleFinding[] = [];
  const differs = (e: ScoredSection, who: string, score: number, ...path: (string | number)[]) => {
    if (!viewsFarApart(e.score, score)) return;
    out.push({
      code: 'parent-score-differs',
      path: ['areas', e.areaKey, 'sections', e.sectionKey, ...path],
      message: `in section ${e.sectionKey} ${who} places themselves at ${score} and the practitioner at ${e.score}: a conversation to have, side by side`,
    });
  };
  for (const e of scoredSections(record)) {
    if (e.section.parent_score !== undefined) differs(e, 'the parent', e.section.parent_score, 'parent_score');
    e.section.carer_scores?.forEach((v, i) => differs(e, v.carer, v.score, 'carer_scores', i));
  }
  return out;
}

function evidenceGathering(record: ToolkitRecord): RuleFinding[] {
  const out: RuleFinding[] = [];
  const { assessment } = record;
  const warn = (code: FindingCode, path: RuleFinding['path'], message: string) => out.push({ code, path, part: 'key', message });
  if (assessment.type === 'review' && assessment.previous === undefined) {
    warn('review-without-previous', ['assessment', 'previous'], 'this is a review but does not say which toolkit it reviews (the date the earlier toolkit was completed)');
  }
  const sessions = assessment.sessions ?? [];
  if (sessions.length === 0) {
    warn('no-sessions', ['assessment', 'sessions'], 'no sessions are recorded; care fluctuates, so the toolkit should draw on several visits and contacts');
  } else {
    if (!sessions.some((s) => s.type === 'unannounced-visit')) {
      warn('no-unannounced-visit', ['assessment', 'sessions'], 'no unannounced visit is recorded; the guidance asks for announced and unannounced visits');
    }
    if (!sessions.some((s) => s.seen_alone === true)) {
      warn('child-not-seen-alone', ['assessment', 'sessions'], 'the child is not recorded as seen on their own in any session');
    }
  }
  for (const e of sectionEntries(record)) {
    if (e.section.score === undefined && e.section.not_relevant === undefined) {
      warn('section-not-scored', ['areas', e.areaKey, 'sections', e.sectionKey], `section ${e.sectionKey} has no score and no reason it is not relevant; score it or leave it out`);
    }
  }
  return out;
}

/**
 * What a finished toolkit needs before it can inform a decision. Warnings, so a
 * toolkit can be saved half-done, and errors under `--strict`, so a folder
 * checked in CI cannot pass with a toolkit that never heard the child.
 */
/**
 * The one error among the practice rules, on its own for the readers that
 * ask only whether a record has errors (validateParsedRecord's errorsOnly).
 * An error, not a warning: a typo such as 2202 for 2022 would make this the
 * child's latest record and hide an overdue review. (--today moves "today"
 * for audits and tests.)
 */
export function practiceErrors(record: ToolkitRecord, today: string): RuleFinding[] {
  const { completed } = record.assessment;
  if (completed <= today) return [];
  return [
    {
      code: 'completed-in-future',
      path: ['assessment', 'completed'],
      part: 'value',
      message: `the completed date ${completed} is after today (${today}); a toolkit is recorded once it is completed (a typo in the year?)`,
    },
  ];
}

function completeness(record: ToolkitRecord): RuleFinding[] {
  const out: RuleFinding[] = [];
  const warn = (code: FindingCode, path: RuleFinding['path'], message: string) => out.push({ code, path, part: 'key', message });
  if (sectionEntries(record).length === 0) warn('no-areas', ['areas'], 'no area of need is assessed: score at least the areas you know');
  const voice = record.child_voice;
  const heard = voice !== undefined && ([voice.working_well, voice.worried_about, voice.needs_to_happen, voice.gathered_note].some(hasText) || (voice.gathered?.length ?? 0) > 0);
  if (!heard) {
    warn('child-voice-missing', ['child_voice'], "the child's voice is not recorded: what is working well, what worries them and what needs to happen, in their words or, for a child who cannot say, what play and observation showed");
  }
  if (record.summary?.decision === undefined) warn('decision-missing', ['summary', 'decision'], 'no decision is recorded: what was decided with the safeguarding lead or manager');
  if (record.summary?.next_review === undefined) warn('next-review-missing', ['summary', 'next_review'], 'no date is set for the next review with the family');
  return out;
}

/** Each explanation that did not match what was seen is a conversation to have again, never a conclusion. */
function lookAgain(record: ToolkitRecord): RuleFinding[] {
  return (record.assessment.explanations ?? []).map((e, i) => ({
    code: 'explanation-mismatch' as const,
    path: ['assessment', 'explanations', i],
    message: `an explanation did not match what was seen ("${clip(e.said)}"${hasText(e.observed) ? `; seen: "${clip(e.observed)}"` : ''}): look again, and talk it through with the family`,
  }));
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 120 ? `${one.slice(0, 119)}…` : one;
}
