import { homeChangeLabels, voiceGatheredLabels, type SummarySheet } from '../analyse/summary-sheet.js';
import { longDate } from '../record/dates.js';

/**
 * The summary sheet's facts worded once for every medium: plain text that each
 * renderer escapes its own way (terminal, Markdown, HTML). Dates are words
 * ("14 May 2021") and no field path ever reaches a page a family may read.
 */

/** Visits, and whether this child was seen and seen alone in them. */
export function sessionsLine(sheet: SummarySheet, childName: string): string {
  const sc = sheet.assessment.sessionCounts;
  const alone = sc.seenAlone > 0 ? `${childName} seen alone in ${sc.seenAlone} of them` : `${childName} not seen alone`;
  const seen = sc.seen !== undefined ? `${childName} seen in ${sc.seen}; ` : '';
  return `${sc.total} in all: ${sc.announced} announced ${sc.announced === 1 ? 'visit' : 'visits'}, ${sc.unannounced} unannounced; ${seen}${alone}`;
}

/** The safeguarding lead line: once the lead was consulted, the prompt to discuss is satisfied and this says when. */
export function leadWords(sheet: SummarySheet): string | undefined {
  return sheet.plan.leadConsulted ? `discussed on ${longDate(sheet.plan.leadConsulted)}` : undefined;
}

/** The next review, and that it took place when a later toolkit of the child is known. */
export function nextReviewWords(sheet: SummarySheet): string | undefined {
  const next = sheet.plan.nextReview;
  if (!next) return undefined;
  return sheet.supersededBy ? `${longDate(next)} (reviewed on ${longDate(sheet.supersededBy)})` : longDate(next);
}

/** The practice questions of the guidance that were answered, as label and plain text. */
export function practiceFacts(sheet: SummarySheet): [string, string][] {
  const a = sheet.assessment;
  const out: [string, string][] = [];
  if (a.home?.usual || a.home?.recent_change || a.home?.change_note) {
    const change = a.home.recent_change ? `${homeChangeLabels[a.home.recent_change]}` : undefined;
    out.push(['The home, usually', [a.home.usual, change && `Recently: ${change}${a.home.change_note ? ` - ${a.home.change_note}` : ''}`].filter(Boolean).join('\n\n')]);
  }
  if (a.outsideHelp) out.push(['Help from outside the family, not credited to the parents', a.outsideHelp]);
  if (a.householdShared.length > 0) out.push(['Assessed once for the whole household', a.householdShared.map(sharedWords).join(', ')]);
  return out;
}

/** How the child's voice was gathered, or undefined when the record does not say. */
export function voiceGatheredWords(sheet: SummarySheet): string | undefined {
  const v = sheet.childVoice;
  const ways = (v.gathered ?? []).map((g) => voiceGatheredLabels[g]);
  if (ways.length === 0 && !v.gathered_note) return undefined;
  return [ways.length > 0 ? `Heard through ${ways.join(', ')}.` : undefined, v.gathered_note].filter(Boolean).join(' ');
}

function sharedWords(item: string): string {
  if (item === 'family') return 'the family list';
  if (item === 'analysis') return 'the analysis';
  return `section ${item}`;
}
