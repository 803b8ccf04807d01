import { hash } from 'node:crypto';
import { ownCopy } from '../text/own-copy.js';
import { SharedPieces } from './shared-pieces.js';
import type { Decision, ToolkitRecord } from '../record/types.js';
import type { TemplateIndex } from '../template/load-template.js';
import { AREA_TEXTS, CHILD_VOICE_TEXTS, normalise, SECTION_TEXTS, sectionChange, SUMMARY_TEXTS, type SectionChange } from './record-changes.js';

/** Where one version of a record came from: a file as it is now, or a git commit. */
export interface VersionSource {
  file: string;
  commit: string | null;
  author: string | null;
  /** Commit (author) date, YYYY-MM-DD; null for the file as it is now. */
  date: string | null;
  subject: string | null;
}

export interface RecordVersion {
  record: ToolkitRecord;
  template: TemplateIndex;
  source: VersionSource;
  /** Given when `record` is only what the timeline shows (timelineRecord); worked out from `record` otherwise. */
  facts?: VersionFacts;
}

/** A record's free texts that the review diff compares, where the record holds them; a whole record is one too. */
export interface RecordTexts {
  areas?: Record<string, { [F in (typeof AREA_TEXTS)[number]]?: string } & { sections?: Record<string, { [F in (typeof SECTION_TEXTS)[number]]?: string }> }>;
  child_voice?: { [F in (typeof CHILD_VOICE_TEXTS)[number]]?: string };
  summary?: { [F in (typeof SUMMARY_TEXTS)[number]]?: string };
}

/**
 * What the changes between two versions read of a record beyond its
 * timeline: its free texts (compared as the review diff compares them,
 * whitespace collapsed, only where they differ) and a digest of the whole
 * record. Git history holds a version per commit: these, and not the whole
 * record, are what is kept of each.
 */
export interface VersionFacts {
  texts: RecordTexts;
  /**
   * Only the file as it is now is compared whole, with its newest commit
   * (newestCommitted): a digest is worked out for those two, not for each
   * of a repository's thousands of committed contents.
   */
  digest?: string;
}

/**
 * How a score has moved across a child's toolkits, towards the better end of
 * the template's scale or away from it:
 * sustained - it improved and held (or kept improving) for at least one more toolkit;
 * improved - it improved at the latest toolkit, not yet tested by another;
 * slipped-back - it worsened after an improvement and has not recovered;
 * deteriorated - it worsened with no improvement before;
 * unchanged - every score the same; single - scored only once; not-scored - never scored.
 */
export type Trend = 'sustained' | 'improved' | 'slipped-back' | 'deteriorated' | 'unchanged' | 'single' | 'not-scored';

export interface HistoryPoint {
  completed: string;
  type: 'initial' | 'review';
  decision: Decision | null;
  source: VersionSource;
}

export interface SectionTimeline {
  area: string;
  section: string;
  title: string;
  /** One per point, null when the section was not scored in that toolkit. */
  scores: (number | null)[];
  trend: Trend;
}

export interface AreaTimeline {
  area: string;
  number: number;
  title: string;
  /**
   * The worst section score at each point (the highest where lower is better;
   * null: nothing scored). Scores are ordinal, so an area is read by its worst
   * and its pattern, never by a mean.
   */
  highest: (number | null)[];
  /** The pattern at each point: how many sections were scored, and how many at worrying scores (3 or 4 of nscp-ncscp/2021's scale). */
  pattern: { scored: number; worrying: number }[];
  /** From the worst score first, then from how many sections are at worrying scores. */
  trend: Trend;
  sections: SectionTimeline[];
}

/** One commit (or the uncommitted file) that changed a toolkit: who changed what and when. */
export interface RecordChange {
  source: VersionSource;
  completed: string;
  kind: 'added' | 'changed';
  /** When the file now holds a later toolkit (one file per child, rewritten at each review): the date of the one it replaced. */
  replaced: string | null;
  sections: { area: string; section: string; from: number | null; to: number | null; change: SectionChange }[];
  textChanged: number;
  decision: { from: Decision | null; to: Decision | null } | null;
}

export interface ChildHistory {
  ref: string;
  name: string | null;
  points: HistoryPoint[];
  areas: AreaTimeline[];
  changes: RecordChange[];
}

/** The trend of a series of scores in steps from the best care (a template's `rank`: larger is worse), from the scored points only. */
export function trendOf(series: readonly (number | null)[]): Trend {
  const s = series.filter((x): x is number => x !== null);
  if (s.length === 0) return 'not-scored';
  if (s.length === 1) return 'single';
  const last = s.length - 1;
  let lastWorse = 0;
  for (let i = 1; i <= last; i++) if (s[i]! > s[i - 1]!) lastWorse = i;
  let improvedSince = -1;
  for (let i = lastWorse + 1; i <= last; i++) if (s[i]! < s[i - 1]!) improvedSince = improvedSince < 0 ? i : improvedSince;
  if (improvedSince >= 0) return improvedSince < last ? 'sustained' : 'improved';
  if (lastWorse > 0) {
    for (let i = 1; i < lastWorse; i++) if (s[i]! < s[i - 1]!) return 'slipped-back';
    return 'deteriorated';
  }
  return 'unchanged';
}

/**
 * Every child's timeline from all the versions found (files and git
 * revisions). One point per toolkit (`completed` date): its newest version,
 * the file on disk before any commit. Versions of one file, oldest first,
 * give the changes: who changed which scores, and when.
 */
export function buildHistories(versions: readonly RecordVersion[]): ChildHistory[] {
  return [...eachHistory(versions)];
}

/**
 * The same timelines one child at a time, in order of child.ref: a caseload
 * of 50,000 records is written child by child, never holding every
 * timeline at once.
 */
export function* eachHistory(versions: readonly RecordVersion[]): Generator<ChildHistory> {
  const byChild = new Map<string, RecordVersion[]>();
  for (const v of versions) {
    const list = byChild.get(v.record.child.ref);
    if (list) list.push(v);
    else byChild.set(v.record.child.ref, [v]);
  }
  for (const [ref, vs] of [...byChild.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) yield childHistory(ref, vs);
}

/**
 * What the timeline reads of a record that is the only version of its file
 * (no git history to compare it with): the child, the date, type and
 * decision, and the scores - not its texts. Its strings are copied, so the
 * file's text they were read from is not kept alive with them, and the
 * pieces records have in common are shared (sharedTimeline).
 */
export function timelineRecord(record: ToolkitRecord): ToolkitRecord {
  const areas: NonNullable<ToolkitRecord['areas']> = {};
  // Here and below, `for...in` rather than Object.entries: these run once for each content read, mostly before they are optimised, where each key's entry and iterator result were garbage.
  for (const key in record.areas) {
    const from = record.areas[key]!.sections;
    const sections: NonNullable<(typeof areas)[string]['sections']> = {};
    for (const sectionKey in from) {
      const { score } = from[sectionKey]!;
      if (score !== undefined) sections[ownCopy(sectionKey)] = { score };
    }
    areas[ownCopy(key)] = { sections };
  }
  const decision = record.summary?.decision;
  return sharedTimeline({
    format: ownCopy(record.format),
    template: ownCopy(record.template),
    child: { ref: ownCopy(record.child.ref), ...(record.child.name !== undefined ? { name: ownCopy(record.child.name) } : {}) },
    assessment: { type: ownCopy(record.assessment.type), completed: ownCopy(record.assessment.completed) },
    areas,
    ...(decision !== undefined ? { summary: { decision: ownCopy(decision) } } : {}),
  } as ToolkitRecord);
}

/** An area's scores and a decision: 50,000 records have about 200 distinct ones. */
const timelinePieces = new SharedPieces();

/**
 * A timeline record (timelineRecord) whose areas and decision are the same
 * objects as every other record's that holds the same: a record a worker
 * thread sends arrives as copies of its own, 2.8 KB of small objects each,
 * where its own part (the child, the date) is a fifth of that.
 */
export function sharedTimeline(record: ToolkitRecord): ToolkitRecord {
  const areas: NonNullable<ToolkitRecord['areas']> = {};
  for (const key in record.areas) {
    const area = record.areas[key]!;
    const { sections } = area;
    // Area and section keys are as the schema allows them (kebab-case; digits and a dot): never a space or `=`.
    let id = `area ${key}`;
    for (const section in sections) id += ` ${section}=${sections[section]!.score}`;
    areas[key] = timelinePieces.get(id, () => area);
  }
  const decision = record.summary?.decision;
  return { ...record, areas, ...(decision !== undefined ? { summary: timelinePieces.get(`decision ${decision}`, () => ({ decision })) } : {}) };
}

/** The facts of a whole record, with its digest when `digest` says it may be compared whole. */
export function versionFacts(record: ToolkitRecord, digest: boolean): VersionFacts {
  const pick = <K extends string>(from: Partial<Record<K, string>> | undefined, fields: readonly K[]): Partial<Record<K, string>> => {
    const out: Partial<Record<K, string>> = {};
    if (from === undefined) return out;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      if (from[field] !== undefined) out[field] = from[field];
    }
    return out;
  };
  const areas: NonNullable<RecordTexts['areas']> = {};
  for (const areaKey in record.areas) {
    const area = record.areas[areaKey]!;
    const sections: NonNullable<NonNullable<RecordTexts['areas']>[string]['sections']> = {};
    for (const sectionKey in area.sections) sections[sectionKey] = pick(area.sections[sectionKey], SECTION_TEXTS);
    areas[areaKey] = { ...pick(area, AREA_TEXTS), sections };
  }
  const texts = { areas, child_voice: pick(record.child_voice, CHILD_VOICE_TEXTS), summary: pick(record.summary, SUMMARY_TEXTS) };
  return digest ? { texts, digest: digestOf(record) } : { texts };
}

function digestOf(record: ToolkitRecord): string {
  return hash('sha1', JSON.stringify(record), 'base64');
}

const factsOfWhole = new WeakMap<RecordVersion, VersionFacts>();
function factsOf(v: RecordVersion): VersionFacts {
  if (v.facts) return v.facts;
  let facts = factsOfWhole.get(v);
  if (!facts) {
    // A whole record holds its texts where RecordTexts looks for them.
    facts = { texts: v.record, digest: digestOf(v.record) };
    factsOfWhole.set(v, facts);
  }
  return facts;
}

/** How many free texts differ between two versions, as the review diff (diffRecords) counts them under `template`: a re-wrapped paragraph is the same text. */
function changedTexts(before: RecordTexts, after: RecordTexts, template: TemplateIndex): number {
  let changed = 0;
  // Indexed loops, here and in scoreChanges: each pair of contents a history compares is compared once, mostly before this is optimised, where for...of left an iterator's results for every field.
  const count = <F extends string>(a: { [K in F]?: string } | undefined, b: { [K in F]?: string } | undefined, fields: readonly F[]) => {
    for (let i = 0; i < fields.length; i++) {
      const x = a?.[fields[i]!];
      const y = b?.[fields[i]!];
      if (x !== y && normalise(x) !== normalise(y)) changed += 1;
    }
  };
  const { areas } = template.template;
  for (let i = 0; i < areas.length; i++) {
    const area = areas[i]!;
    const a = before.areas?.[area.key];
    const b = after.areas?.[area.key];
    for (let k = 0; k < area.sections.length; k++) count(a?.sections?.[area.sections[k]!.key], b?.sections?.[area.sections[k]!.key], SECTION_TEXTS);
    count(a, b, AREA_TEXTS);
  }
  count(before.child_voice, after.child_voice, CHILD_VOICE_TEXTS);
  count(before.summary, after.summary, SUMMARY_TEXTS);
  return changed;
}

/** The template's sections whose score differs between two records, in the template's order, as the review diff labels them. */
function scoreChanges(before: ToolkitRecord, after: ToolkitRecord, template: TemplateIndex): RecordChange['sections'] {
  const out: RecordChange['sections'] = [];
  const { areas } = template.template;
  for (let i = 0; i < areas.length; i++) {
    const area = areas[i]!;
    for (let k = 0; k < area.sections.length; k++) {
      const section = area.sections[k]!;
      const from = before.areas?.[area.key]?.sections?.[section.key]?.score ?? null;
      const to = after.areas?.[area.key]?.sections?.[section.key]?.score ?? null;
      const change = sectionChange(from, to, template.rank);
      if (change !== 'unchanged') out.push({ area: area.key, section: section.key, from, to, change });
    }
  }
  return out;
}

/**
 * Dates (YYYY-MM-DD, from git and from the schema) in order: as text, code
 * unit by code unit, which for these is the calendar's order and what
 * localeCompare gave, without its collation, the slowest part of ordering
 * a file's 1,600 commits.
 */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first: the file as it is now, then commits by date (git log order is kept for ties). */
function newestFirst(a: RecordVersion, b: RecordVersion): number {
  if (a.source.commit === null || b.source.commit === null) return a.source.commit === null ? (b.source.commit === null ? 0 : -1) : 1;
  return byText(b.source.date ?? '', a.source.date ?? '');
}

/**
 * The newest committed version among one file's versions: the one its file
 * as it is now is compared with. The first of the latest date, as newestFirst
 * orders them, found in one pass rather than by sorting the file's
 * thousands of commits.
 */
export function newestCommitted(versions: readonly RecordVersion[]): RecordVersion | undefined {
  let newest: RecordVersion | undefined;
  for (const v of versions) if (v.source.commit !== null && (newest === undefined || newestFirst(v, newest) < 0)) newest = v;
  return newest;
}

/** One child's toolkits, oldest first: for each `completed` date its newest version (the file on disk before any commit), the first as newestFirst orders them. */
export function currentToolkits(versions: readonly RecordVersion[]): RecordVersion[] {
  const current = new Map<string, RecordVersion>();
  for (const v of versions) {
    const before = current.get(v.record.assessment.completed);
    if (before === undefined || newestFirst(v, before) < 0) current.set(v.record.assessment.completed, v);
  }
  return [...current.values()].sort((a, b) => byText(a.record.assessment.completed, b.record.assessment.completed));
}

function childHistory(ref: string, versions: RecordVersion[]): ChildHistory {
  const chosen = currentToolkits(versions);
  const latest = chosen[chosen.length - 1]!;
  const template = latest.template;
  const points: HistoryPoint[] = chosen.map((v) => ({
    completed: v.record.assessment.completed,
    type: v.record.assessment.type,
    decision: v.record.summary?.decision ?? null,
    source: v.source,
  }));
  const areas: AreaTimeline[] = [];
  for (const tArea of template.template.areas) {
    const sections: SectionTimeline[] = tArea.sections.map((tSection) => {
      const scores = chosen.map((v) => v.record.areas?.[tArea.key]?.sections?.[tSection.key]?.score ?? null);
      return { area: tArea.key, section: tSection.key, title: tSection.title, scores, trend: trendOf(scores.map((s) => (s === null ? null : template.rank(s)))) };
    });
    if (sections.every((s) => s.trend === 'not-scored')) continue;
    const scoredAt = chosen.map((_v, i) => sections.map((s) => s.scores[i]).filter((x): x is number => x !== null && x !== undefined));
    const highest = scoredAt.map((scored) => template.worst(scored) ?? null);
    const pattern = scoredAt.map((scored) => ({ scored: scored.length, worrying: scored.filter((s) => template.isWorrying(s)).length }));
    // Worst first, then how many sections are worrying: an order on the pattern that never adds ordinal scores up.
    const order = highest.map((top, i) => (top === null ? null : template.rank(top) * 1000 + pattern[i]!.worrying));
    areas.push({ area: tArea.key, number: tArea.number, title: tArea.title, highest, pattern, trend: trendOf(order), sections: sections.filter((s) => s.trend !== 'not-scored') });
  }
  return { ref, name: latest.record.child.name ?? null, points, areas, changes: changes(versions) };
}

/** Consecutive versions of each file, oldest first, as changes. */
function changes(versions: readonly RecordVersion[]): RecordChange[] {
  const byFile = new Map<string, RecordVersion[]>();
  for (const v of versions) {
    const list = byFile.get(v.source.file);
    if (list) list.push(v);
    else byFile.set(v.source.file, [v]);
  }
  const out: RecordChange[] = [];
  // Versions of one content share their record: a file's commits go back and forth between far fewer contents than commits, so each pair is compared once.
  const compared = new Map<ToolkitRecord, Map<ToolkitRecord, Pick<RecordChange, 'sections' | 'textChanged'>>>();
  const compare = (before: RecordVersion, v: RecordVersion): Pick<RecordChange, 'sections' | 'textChanged'> => {
    let after = compared.get(before.record);
    if (!after) compared.set(before.record, (after = new Map()));
    let found = after.get(v.record);
    if (!found) after.set(v.record, (found = { sections: scoreChanges(before.record, v.record, v.template), textChanged: changedTexts(factsOf(before).texts, factsOf(v).texts, v.template) }));
    return found;
  };
  for (const vs of byFile.values()) {
    const ordered = [...vs].sort(newestFirst).reverse();
    ordered.forEach((v, i) => {
      const before = ordered[i - 1];
      if (!before) {
        if (v.source.commit !== null) out.push({ source: v.source, completed: v.record.assessment.completed, kind: 'added', replaced: null, sections: [], textChanged: 0, decision: null });
        return;
      }
      // What the review diff (diffRecords) would say of the two, from the scores and the texts' facts alone.
      const { sections, textChanged } = compare(before, v);
      const decisionFrom = before.record.summary?.decision ?? null;
      const decisionTo = v.record.summary?.decision ?? null;
      // The file on disk identical to its last commit is no change at all.
      if (v.source.commit === null && sections.length === 0 && textChanged === 0 && decisionFrom === decisionTo && factsOf(before).digest === factsOf(v).digest) return;
      out.push({
        source: v.source,
        completed: v.record.assessment.completed,
        kind: 'changed',
        replaced: before.record.assessment.completed !== v.record.assessment.completed ? before.record.assessment.completed : null,
        sections,
        textChanged,
        decision: decisionFrom !== decisionTo ? { from: decisionFrom, to: decisionTo } : null,
      });
    });
  }
  return out.sort((a, b) => byText(a.source.date ?? '9999', b.source.date ?? '9999'));
}
