import type { Area, Section, ToolkitRecord } from './types.js';

/** One section as it stands in a record, with the keys that locate it. */
export interface SectionEntry {
  areaKey: string;
  sectionKey: string;
  area: Area;
  section: Section;
}

export function sectionEntries(record: ToolkitRecord): SectionEntry[] {
  const out: SectionEntry[] = [];
  for (const [areaKey, area] of Object.entries(record.areas ?? {})) {
    for (const [sectionKey, section] of Object.entries(area.sections ?? {})) out.push({ areaKey, sectionKey, area, section });
  }
  return out;
}

export function scoredSections(record: ToolkitRecord): (SectionEntry & { score: number })[] {
  // One pass without spreading entries: the rules ask this of every record in a batch of thousands.
  const out: (SectionEntry & { score: number })[] = [];
  for (const [areaKey, area] of Object.entries(record.areas ?? {})) {
    for (const [sectionKey, section] of Object.entries(area.sections ?? {})) {
      if (section.score !== undefined) out.push({ areaKey, sectionKey, area, section, score: section.score });
    }
  }
  return out;
}

/** A record's section scores by section key (section keys are unique across a template's areas). */
export function scoresBySection(record: ToolkitRecord): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const e of scoredSections(record)) scores[e.sectionKey] = e.score;
  return scores;
}

/** The practitioner's scores in an area (the template's `worst` picks the one an area is read by). */
export function areaScores(area: Area): number[] {
  const scores: number[] = [];
  for (const s of Object.values(area.sections ?? {})) if (s.score !== undefined) scores.push(s.score);
  return scores;
}

/** Whether free text says something (not empty, not only spaces). */
export function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim().length > 0;
}

/**
 * "Mainly worrying" (3s and 4s of a 1-4 scale): more than half of the scored
 * sections at scores the template calls worrying. The guidance makes this,
 * with examples of impact, the cue to talk to the safeguarding lead.
 */
export function worryingShare(record: ToolkitRecord, isWorrying: (score: number) => boolean): { worrying: number; scored: number; mainly: boolean } {
  const scored = scoredSections(record);
  const worrying = scored.filter((s) => isWorrying(s.score)).length;
  return { worrying, scored: scored.length, mainly: scored.length > 0 && worrying * 2 > scored.length };
}
