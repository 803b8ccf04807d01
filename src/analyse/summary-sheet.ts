import { daysBetween } from '../record/dates.js';
import type { Finding } from '../record/finding.js';
import { areaScores, hasText, worryingShare } from '../record/sections.js';
import type { Action, ChildVoice, Contributor, Decision, FamilyMember, HomeConditions, ReviewAnswers, Session, ToolkitRecord, UnmatchedExplanation } from '../record/types.js';
import type { TemplateIndex } from '../template/load-template.js';
import { scaleWords, type ScaleWords } from '../template/scale-facts.js';
import { viewsFarApart } from '../validate/practice-rules.js';

/**
 * The summary sheet as data: everything a renderer shows, in the order the
 * guidance gives it weight. Renderers only lay it out.
 */
export interface SummarySheet {
  /** The template's scale, and which end of it is the better care. */
  template: { id: string; title: string; better: 'lower' | 'higher'; scale: { score: number; label: string; meaning: string; worrying?: boolean }[] };
  /** frontDoorLabel: the template's name for the front door. */
  child: { ref: string; name?: string; born?: string; ageYears?: number; household?: string; frontDoor?: string; frontDoorLabel?: string; family: FamilyMember[] };
  assessment: {
    type: 'initial' | 'review';
    completed: string;
    previous?: string;
    daysSincePrevious?: number;
    sessions: Session[];
    /** `seen` only when a session says whether this child was seen. */
    sessionCounts: { total: number; announced: number; unannounced: number; seenAlone: number; seen?: number };
    contributors: Contributor[];
    involvement?: string;
    background?: string;
    home?: HomeConditions;
    outsideHelp?: string;
    explanations: UnmatchedExplanation[];
    /** Section numbers and `family` / `analysis`: what was assessed once for every child of the household. */
    householdShared: string[];
  };
  grid: GridArea[];
  areas: AreaSheet[];
  totals: { scored: number; worrying: number; mainlyWorrying: boolean };
  childVoice: ChildVoice;
  prompts: { severity: Finding['severity']; code: Finding['code']; path: string; message: string }[];
  plan: { analysis?: string; parentViews?: string; leadConsulted?: string; decision?: Decision; decisionLabel?: string; actions: Action[]; nextReview?: string };
  review?: ReviewAnswers;
  /** The template's review questions, in their order, when the record answers any. */
  reviewQuestions?: { key: string; question: string }[];
  /** The `completed` date of a later toolkit of the same child, when one is known: this record's review date was met by it. */
  supersededBy?: string;
}

export interface GridCell {
  key: string;
  title: string;
  state: 'scored' | 'not-relevant' | 'not-assessed';
  score?: number;
  parentScore?: number;
  /** Each carer's own score, when two or more gave one (carer_scores): shown side by side with the practitioner's. */
  carers?: { carer: string; score: number }[];
  /** The parent's or a carer's own score is far from the practitioner's (the `parent-score-differs` rule): a conversation to have. */
  viewsApart: boolean;
}

export interface GridArea {
  key: string;
  number: number;
  title: string;
  highest?: number;
  sections: GridCell[];
}

export interface AreaSheet {
  key: string;
  number: number;
  title: string;
  highest?: number;
  sections: (GridCell & { evidence?: string; by?: string; notRelevant?: string; descriptor?: string })[];
  strengths?: string;
  concerns?: string;
  impact?: string;
}

/** The child's voice, in the order and words of the toolkit's "three houses". */
export const childVoiceQuestions: readonly (readonly ['working_well' | 'worried_about' | 'needs_to_happen', string])[] = [
  ['working_well', 'What is working well'],
  ['worried_about', 'What I am worried about'],
  ['needs_to_happen', 'What needs to happen'],
];

/** A sheet's scale as sentences say it: "3 or 4" and "3s and 4s" on a 1-4 scale where lower is better. */
export function worryingWords(sheet: SummarySheet): ScaleWords {
  return scaleWords(sheet.template);
}

/** How the child's voice was gathered, in words for a sheet. */
export const voiceGatheredLabels: Record<NonNullable<ChildVoice['gathered']>[number], string> = {
  words: 'their own words',
  play: 'play',
  drawing: 'drawing',
  observation: 'observation',
  'someone-who-knows-them': 'someone who knows them well',
};

/** The home's recent change, in words for a sheet. */
export const homeChangeLabels: Record<NonNullable<HomeConditions['recent_change']>, string> = {
  improved: 'recently improved',
  deteriorated: 'recently deteriorated',
  unchanged: 'as it usually is',
};

export function buildSummarySheet(record: ToolkitRecord, template: TemplateIndex, findings: readonly Finding[], supersededBy?: string): SummarySheet {
  const { child, assessment } = record;
  const sessions = assessment.sessions ?? [];
  const contributors = assessment.contributors ?? [];
  const contributorLabel = (id: string | undefined) => {
    if (id === undefined) return undefined;
    const c = contributors.find((x) => x.id === id);
    return c ? [c.role, c.agency].filter(Boolean).join(', ') || c.id : id;
  };

  const areas: AreaSheet[] = template.template.areas.map((tArea) => {
    const area = record.areas?.[tArea.key];
    return {
      key: tArea.key,
      number: tArea.number,
      title: tArea.title,
      highest: area ? template.worst(areaScores(area)) : undefined,
      sections: tArea.sections.map((tSection) => {
        const s = area?.sections?.[tSection.key];
        const state: GridCell['state'] = s?.score !== undefined ? 'scored' : s?.not_relevant !== undefined ? 'not-relevant' : 'not-assessed';
        return {
          key: tSection.key,
          title: tSection.title,
          state,
          score: s?.score,
          parentScore: s?.parent_score,
          carers: s?.carer_scores?.map(({ carer, score }) => ({ carer, score })),
          viewsApart: s?.score !== undefined && [s.parent_score, ...(s.carer_scores ?? []).map((v) => v.score)].some((own) => own !== undefined && viewsFarApart(s.score!, own)),
          evidence: s?.evidence,
          by: contributorLabel(s?.by),
          notRelevant: s?.not_relevant,
          descriptor: s?.score !== undefined ? tSection.descriptors[String(s.score) as '1'] : undefined,
        };
      }),
      strengths: area?.strengths,
      concerns: area?.concerns,
      impact: area?.impact,
    };
  });
  const share = worryingShare(record, template.isWorrying);
  const summary = record.summary ?? {};
  return {
    template: { id: template.template.id, title: template.template.title, better: template.better, scale: template.template.scale },
    child: {
      ref: child.ref,
      name: child.name,
      born: child.born,
      ageYears: child.born ? ageOn(child.born, assessment.completed) : undefined,
      household: child.household,
      frontDoor: child.front_door,
      frontDoorLabel: child.front_door === undefined ? undefined : template.frontDoor(child.front_door)?.label,
      family: child.family ?? [],
    },
    assessment: {
      type: assessment.type,
      completed: assessment.completed,
      previous: assessment.previous,
      daysSincePrevious: assessment.previous ? daysBetween(assessment.previous, assessment.completed) : undefined,
      sessions,
      sessionCounts: {
        total: sessions.length,
        announced: sessions.filter((s) => s.type === 'announced-visit').length,
        unannounced: sessions.filter((s) => s.type === 'unannounced-visit').length,
        seenAlone: sessions.filter((s) => s.seen_alone === true).length,
        ...(sessions.some((s) => s.seen !== undefined) ? { seen: sessions.filter((s) => s.seen === true || s.seen_alone === true).length } : {}),
      },
      contributors,
      involvement: assessment.involvement,
      background: assessment.background,
      home: assessment.home,
      outsideHelp: assessment.outside_help,
      explanations: assessment.explanations ?? [],
      householdShared: assessment.household_shared ?? [],
    },
    grid: areas.map(({ key, number, title, highest, sections }) => ({
      key,
      number,
      title,
      highest,
      sections: sections.map(({ key: k, title: t, state, score, parentScore, carers, viewsApart }) => ({ key: k, title: t, state, score, parentScore, carers, viewsApart })),
    })),
    areas,
    totals: { scored: share.scored, worrying: share.worrying, mainlyWorrying: share.mainly },
    childVoice: record.child_voice ?? {},
    // A later toolkit met this one's review date, so "overdue" would be false on its sheet.
    prompts: findings.filter((f) => f.severity !== 'error' && !(supersededBy !== undefined && f.code === 'review-overdue')).map(({ severity, code, path, message }) => ({ severity, code, path, message })),
    plan: {
      analysis: summary.analysis,
      parentViews: summary.parent_views,
      leadConsulted: summary.lead_consulted,
      decision: summary.decision,
      decisionLabel: summary.decision ? template.decision(summary.decision)?.label : undefined,
      actions: summary.actions ?? [],
      nextReview: summary.next_review,
    },
    review: record.review,
    reviewQuestions: record.review ? template.template.review_questions.map(({ key, question }) => ({ key, question })) : undefined,
    ...(supersededBy !== undefined ? { supersededBy } : {}),
  };
}

/** Whole years between two ISO dates. */
export function ageOn(born: string, on: string): number {
  const [by, bm, bd] = born.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}

/** Whether an area has anything to show beyond the grid. */
export function areaHasContent(area: AreaSheet): boolean {
  return area.sections.some((s) => s.state !== 'not-assessed') || hasText(area.impact) || hasText(area.strengths) || hasText(area.concerns);
}
