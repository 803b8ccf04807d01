import type { Decision } from '../record/types.js';
import { DECISIONS } from '../record/vocabulary.js';
import { findTemplate } from '../template/load-template.js';
import { daysBetween } from '../validate/dates.js';
import type { Finding } from '../validate/finding.js';
import { FINDING_CODES, findingCodes, type FindingCode, type ReportPromptCode } from '../validate/finding-codes.js';
import { careCodes } from './caseload-care.js';
import type { CaseloadFacts } from './caseload-facts.js';

/** The prompts a caseload view counts, in the registry's order: those it marks `report`. */
export const REPORT_PROMPTS = findingCodes.filter((code): code is ReportPromptCode => 'report' in FINDING_CODES[code]);

export type ReportSort = 'ref' | 'overdue' | 'score' | 'next-review';

export interface ReportFilters {
  overdue?: boolean;
  /** A decision, or 'none' for records without one. */
  decision?: Decision | 'none';
  /** Only children with a section scored 3-4 in this area (and --min-score applies to it). */
  area?: string;
  minScore?: number;
  sort: ReportSort;
}

/** One child: their latest valid record. */
export interface CaseloadRow {
  ref: string;
  household: string | null;
  file: string;
  completed: string;
  type: 'initial' | 'review';
  /** Per area of the record's template, the sections scored 3 or 4. */
  areas: { key: string; title: string; worrying: string[] }[];
  /** Highest section score (in --area when given); null when nothing is scored. */
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
  /** Children per decision, in the guidance's order; `none` for records without one. */
  byDecision: { decision: Decision | 'none'; children: number }[];
  /** Children with each prompt (REPORT_PROMPTS, in its order), so drift and differential care can be counted across a caseload. */
  byPrompt: { code: ReportPromptCode; children: number }[];
  /** Sections scored 1-4 per area, over the shown children's latest records. */
  scores: { key: string; title: string; counts: [number, number, number, number] }[];
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

/** Decisions as the report counts them: the guidance's, then records without one. */
const DECISIONS_OR_NONE: (Decision | 'none')[] = [...DECISIONS, 'none'];

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
  const rows = [...latest.values()].map((input) => toRow(input, today, filters.area, care.get(input.facts.ref))).filter((row) => keep(row, filters));
  rows.sort(comparators[filters.sort]);
  const facts = new Map([...latest.values()].map((i) => [i.file, i.facts]));
  return { today, files: inputs.length, skipped, rows, totals: totalsOf(rows, facts) };
}

/** The sections scored 3-4, area by area, e.g. ["5.2", "6.1"]. */
export function worryingSections(row: CaseloadRow): string[] {
  return row.areas.flatMap((a) => a.worrying);
}

function toRow(input: ReportInput & { facts: CaseloadFacts }, today: string, area: string | undefined, care: ReadonlySet<FindingCode> = new Set()): CaseloadRow {
  const { facts } = input;
  const template = findTemplate(facts.template);
  const considered = facts.areas.filter((a) => area === undefined || a.key === area);
  let highest: number | null = null;
  for (const a of considered) for (let s = 4; s >= 1; s--) if (a.counts[s - 1]! > 0 && (highest === null || s > highest)) highest = s;
  const codes = new Set([...input.findings.map((f) => f.code), ...care]);
  return {
    ref: facts.ref,
    household: facts.household,
    file: input.file,
    completed: facts.completed,
    type: facts.type,
    areas: facts.areas.map((a) => ({ key: a.key, title: template?.area(a.key)?.title ?? a.key, worrying: a.worrying })),
    highestScore: highest,
    worryingCount: considered.reduce((n, a) => n + a.worrying.length, 0),
    prompts: REPORT_PROMPTS.filter((code) => codes.has(code)),
    decision: facts.decision,
    nextReview: facts.nextReview,
    daysOverdue: facts.nextReview === null ? null : Math.max(0, daysBetween(facts.nextReview, today)),
  };
}

function keep(row: CaseloadRow, f: ReportFilters): boolean {
  if (f.overdue && !(row.daysOverdue !== null && row.daysOverdue > 0)) return false;
  if (f.decision !== undefined && (row.decision ?? 'none') !== f.decision) return false;
  if (f.area !== undefined && row.worryingCount === 0) return false;
  if (f.minScore !== undefined && (row.highestScore === null || row.highestScore < f.minScore)) return false;
  return true;
}

const byRef = (a: CaseloadRow, b: CaseloadRow) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
/** Missing values sort last whatever the direction. */
const nullsLast = <T>(a: T | null, b: T | null, order: (x: T, y: T) => number) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : order(a, b));

const comparators: Record<ReportSort, (a: CaseloadRow, b: CaseloadRow) => number> = {
  ref: byRef,
  overdue: (a, b) => nullsLast(a.daysOverdue, b.daysOverdue, (x, y) => y - x) || byRef(a, b),
  score: (a, b) => nullsLast(a.highestScore, b.highestScore, (x, y) => y - x) || b.worryingCount - a.worryingCount || byRef(a, b),
  'next-review': (a, b) => nullsLast(a.nextReview, b.nextReview, (x, y) => (x < y ? -1 : x > y ? 1 : 0)) || byRef(a, b),
};

function totalsOf(rows: readonly CaseloadRow[], facts: Map<string, CaseloadFacts>): CaseloadTotals {
  const byDecision = new Map<Decision | 'none', number>(DECISIONS_OR_NONE.map((d) => [d, 0]));
  const scores = new Map<string, CaseloadTotals['scores'][number]>();
  for (const row of rows) {
    byDecision.set(row.decision ?? 'none', byDecision.get(row.decision ?? 'none')! + 1);
    for (const area of facts.get(row.file)!.areas) {
      const title = row.areas.find((a) => a.key === area.key)?.title ?? area.key;
      const total = scores.get(area.key) ?? { key: area.key, title, counts: [0, 0, 0, 0] };
      area.counts.forEach((n, i) => (total.counts[i] = total.counts[i]! + n));
      scores.set(area.key, total);
    }
  }
  return {
    children: rows.length,
    overdue: rows.filter((r) => r.daysOverdue !== null && r.daysOverdue > 0).length,
    byDecision: DECISIONS_OR_NONE.map((decision) => ({ decision, children: byDecision.get(decision)! })),
    byPrompt: REPORT_PROMPTS.map((code) => ({ code, children: rows.filter((r) => r.prompts.includes(code)).length })),
    scores: [...scores.values()],
  };
}
