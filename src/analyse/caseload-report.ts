import type { Decision } from '../record/types.js';
import { defaultTemplate, findTemplate, type TemplateIndex } from '../template/load-template.js';
import { daysBetween } from '../record/dates.js';
import type { Finding } from '../record/finding.js';
import { FINDING_CODES, findingCodes, type FindingCode, type ReportPromptCode } from '../record/finding-codes.js';
import { careCodes } from './caseload-care.js';
import { SharedPieces } from './shared-pieces.js';
import { areaFacts, type AreaFacts, type CaseloadFacts } from './caseload-facts.js';

/** The prompts a caseload view counts, in the registry's order: those it marks `report`. */
export const REPORT_PROMPTS = findingCodes.filter((code): code is ReportPromptCode => 'report' in FINDING_CODES[code]);

export type ReportSort = 'ref' | 'overdue' | 'score' | 'next-review';

export interface ReportFilters {
  overdue?: boolean;
  /** A decision, or 'none' for records without one. */
  decision?: Decision | 'none';
  /** Only children with a section at a worrying score in this area (and --min-score applies to it). */
  area?: string;
  /** Only children with a section at this score or worse (at least this where lower is better). */
  minScore?: number;
  sort: ReportSort;
}

/** One child: their latest valid record. */
export interface CaseloadRow {
  ref: string;
  household: string | null;
  file: string;
  /** The record's template: its scale is the one the row's scores are on. */
  template: string;
  completed: string;
  type: 'initial' | 'review';
  /** Per area of the record's template, the sections at worrying scores (3 or 4 of nscp-ncscp/2021's scale). */
  areas: { key: string; title: string; worrying: string[] }[];
  /** The worst section score (in --area when given): the highest where lower is better; null when nothing is scored. */
  highestScore: number | null;
  worryingCount: number;
  prompts: ReportPromptCode[];
  decision: Decision | null;
  nextReview: string | null;
  /** Days past the next review (0 when not yet due); null without a next review date. */
  daysOverdue: number | null;
}

export interface CaseloadTotals {
  children: number;
  overdue: number;
  /** Children per decision, in the order of the records' templates (the default template's when there are none); `none` for records without one. */
  byDecision: { decision: Decision | 'none'; children: number }[];
  /** Children with each prompt (REPORT_PROMPTS, in its order), so drift and differential care can be counted across a caseload. */
  byPrompt: { code: (typeof REPORT_PROMPTS)[number]; children: number }[];
  /** Sections at each score of the template's scale (best first) per area of each template, over the shown children's latest records. */
  scores: { key: string; title: string; template: string; counts: number[] }[];
}

export interface CaseloadReport {
  today: string;
  /** Files read, and those left out because they have errors (`ntk check` explains them). */
  files: number;
  skipped: string[];
  rows: CaseloadRow[];
  totals: CaseloadTotals;
}

export interface ReportInput {
  file: string;
  facts: CaseloadFacts | null;
  findings: readonly Finding[];
}

/**
 * The caseload: the latest valid record per child (by `child.ref`, then
 * `completed`), filtered and sorted, with totals over the children shown.
 * A file with any error is left out of the rows and listed in `skipped`.
 */
export function buildCaseloadReport(inputs: readonly ReportInput[], today: string, filters: ReportFilters): CaseloadReport {
  const skipped: string[] = [];
  const valid: CaseloadFacts[] = [];
  const latest = new Map<string, ReportInput & { facts: CaseloadFacts }>();
  for (const input of inputs) {
    if (!input.facts || input.findings.some((f) => f.severity === 'error')) {
      skipped.push(input.file);
      continue;
    }
    valid.push(input.facts);
    const known = latest.get(input.facts.ref);
    if (!known || input.facts.completed > known.facts.completed) latest.set(input.facts.ref, { ...input, facts: input.facts });
  }
  const care = careCodes(valid, today);
  // Worked out again for the totals rather than kept for every child between the two: a caseload's worth of small arrays is most of a report's memory.
  const areasOf = ({ facts }: { facts: CaseloadFacts }): AreaFacts[] => {
    const template = findTemplate(facts.template);
    return template ? areaFacts(facts.scores, template) : [];
  };
  // Each row's scores in steps of care on its own template's scale: "worse" and "at least" read the same whichever end is better.
  const rank = (row: CaseloadRow, score: number) => findTemplate(row.template)?.rank(score) ?? score;
  const rows = [...latest.values()].map((input) => toRow(input, areasOf(input), today, filters.area, care.get(input.facts.ref))).filter((row) => keep(row, filters, rank));
  rows.sort(comparators(rank)[filters.sort]);
  const templates = [...new Set([...latest.values()].map((i) => i.facts.template))].flatMap((id) => findTemplate(id) ?? []);
  const decisions = [...new Set((templates.length > 0 ? templates : [defaultTemplate()]).flatMap((t) => t.template.decisions.map((d) => d.key))), 'none'];
  return { today, files: inputs.length, skipped, rows, totals: totalsOf(rows, (row) => areasOf(latest.get(row.ref)!), decisions) };
}

/** The sections at worrying scores (3-4 of a 1-4 scale), area by area, e.g. ["5.2", "6.1"]. */
export function worryingSections(row: CaseloadRow): string[] {
  return row.areas.flatMap((a) => a.worrying);
}

/**
 * The words a report's headers and keys take from its templates: the scales
 * of the areas it counts (the default template's when it counts none), and
 * how their worrying scores are said ("3-4"; "worrying" when they differ).
 */
export function reportScale(report: CaseloadReport): {
  scores: number[];
  worrying: string;
  scoresOf(area: CaseloadTotals['scores'][number]): readonly number[];
  /** A template's scale, for drawing the scores of its rows and areas; the default template's for an id no longer known. */
  scaleOf(template: string): TemplateIndex;
  /** The scale the key under the counts draws (the first template's: a caseload is nearly always on one). */
  key: TemplateIndex;
} {
  const ids = [...new Set(report.totals.scores.map((a) => a.template))];
  const templates = ids.length > 0 ? ids.flatMap((id) => findTemplate(id) ?? []) : [defaultTemplate()];
  const ranges = [...new Set(templates.map((t) => t.worryingWords.range))];
  return {
    scores: [...new Set(templates.flatMap((t) => t.scores))].sort((a, b) => a - b),
    worrying: ranges.length === 1 ? ranges[0]! : 'worrying',
    scoresOf: (area) => findTemplate(area.template)?.scores ?? [],
    scaleOf: (id) => findTemplate(id) ?? defaultTemplate(),
    key: templates[0] ?? defaultTemplate(),
  };
}

function toRow(input: ReportInput & { facts: CaseloadFacts }, areas: readonly AreaFacts[], today: string, area: string | undefined, care: ReadonlySet<FindingCode> = new Set()): CaseloadRow {
  const { facts } = input;
  const template = findTemplate(facts.template);
  const considered = areas.filter((a) => area === undefined || a.key === area);
  const scores = template?.scores ?? [];
  const scored = considered.flatMap((a) => scores.filter((_s, i) => (a.counts[i] ?? 0) > 0));
  const highest = template?.worst(scored) ?? null;
  const codes = new Set([...input.findings.map((f) => f.code), ...care]);
  return {
    ref: facts.ref,
    household: facts.household,
    file: input.file,
    template: facts.template,
    completed: facts.completed,
    type: facts.type,
    areas: areas.map((a) => rowArea(facts.template, template, a)),
    highestScore: highest,
    worryingCount: considered.reduce((n, a) => n + a.worrying.length, 0),
    prompts: rowPrompts(codes),
    decision: facts.decision,
    nextReview: facts.nextReview,
    daysOverdue: facts.nextReview === null ? null : Math.max(0, daysBetween(facts.nextReview, today)),
  };
}

type RowRank = (row: CaseloadRow, score: number) => number;

function areaTitle(template: TemplateIndex | undefined, key: string): string {
  return template?.area(key)?.title ?? key;
}

/**
 * A row's area and its prompts, one of each for every row that has the same
 * (never changed once made): a caseload's rows hold a few hundred distinct
 * ones, and a list of its own in each row was a sixth of a report's memory.
 */
const rowPieces = new SharedPieces();
function rowArea(templateId: string, template: TemplateIndex | undefined, { key, worrying }: AreaFacts): CaseloadRow['areas'][number] {
  return rowPieces.get(`area\u0000${templateId}\u0000${key}\u0000${worrying.join(' ')}`, () => ({ key, title: areaTitle(template, key), worrying: [...worrying] }));
}
function rowPrompts(codes: ReadonlySet<FindingCode>): ReportPromptCode[] {
  const prompts = REPORT_PROMPTS.filter((code) => codes.has(code));
  return rowPieces.get(`prompts\u0000${prompts.join(' ')}`, () => prompts);
}

function keep(row: CaseloadRow, f: ReportFilters, rank: RowRank): boolean {
  if (f.overdue && !(row.daysOverdue !== null && row.daysOverdue > 0)) return false;
  if (f.decision !== undefined && (row.decision ?? 'none') !== f.decision) return false;
  if (f.area !== undefined && row.worryingCount === 0) return false;
  if (f.minScore !== undefined && (row.highestScore === null || rank(row, row.highestScore) < rank(row, f.minScore))) return false;
  return true;
}

const byRef = (a: CaseloadRow, b: CaseloadRow) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
/** Missing values sort last whatever the direction. */
const nullsLast = <T>(a: T | null, b: T | null, order: (x: T, y: T) => number) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : order(a, b));

const comparators = (rank: RowRank): Record<ReportSort, (a: CaseloadRow, b: CaseloadRow) => number> => ({
  ref: byRef,
  overdue: (a, b) => nullsLast(a.daysOverdue, b.daysOverdue, (x, y) => y - x) || byRef(a, b),
  score: (a, b) => nullsLast(a.highestScore === null ? null : rank(a, a.highestScore), b.highestScore === null ? null : rank(b, b.highestScore), (x, y) => y - x) || b.worryingCount - a.worryingCount || byRef(a, b),
  'next-review': (a, b) => nullsLast(a.nextReview, b.nextReview, (x, y) => (x < y ? -1 : x > y ? 1 : 0)) || byRef(a, b),
});

function totalsOf(rows: readonly CaseloadRow[], areasOf: (row: CaseloadRow) => AreaFacts[], decisions: readonly (Decision | 'none')[]): CaseloadTotals {
  const byDecision = new Map<Decision | 'none', number>(decisions.map((d) => [d, 0]));
  const scores = new Map<string, CaseloadTotals['scores'][number]>();
  for (const row of rows) {
    byDecision.set(row.decision ?? 'none', (byDecision.get(row.decision ?? 'none') ?? 0) + 1);
    const { template } = row;
    for (const area of areasOf(row)) {
      const title = row.areas.find((a) => a.key === area.key)?.title ?? area.key;
      // Two templates may share an area key but not a scale: each template's areas are counted apart.
      const total = scores.get(`${template}\u0000${area.key}`) ?? { key: area.key, title, template, counts: area.counts.map(() => 0) };
      area.counts.forEach((n, i) => (total.counts[i] = total.counts[i]! + n));
      scores.set(`${template}\u0000${area.key}`, total);
    }
  }
  return {
    children: rows.length,
    overdue: rows.filter((r) => r.daysOverdue !== null && r.daysOverdue > 0).length,
    byDecision: [...byDecision].map(([decision, children]) => ({ decision, children })),
    byPrompt: REPORT_PROMPTS.map((code) => ({ code, children: rows.filter((r) => r.prompts.includes(code)).length })),
    scores: [...scores.values()],
  };
}
