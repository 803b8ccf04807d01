import type { ToolkitRecord } from '../record/types.js';
import type { TemplateIndex } from '../template/load-template.js';
import { closest, describeValue } from './schema-messages.js';
import { impossibleDateReason } from '../record/dates.js';
import type { FindingCode } from '../record/finding-codes.js';
import type { RuleFinding } from './rule-finding.js';

/**
 * The errors of record-format.md "Rules beyond the schema": things the
 * schema cannot say because they depend on the template, on other fields or
 * on the calendar. Each is an error: the record is wrong, not the practice.
 */
export function recordRuleErrors(record: ToolkitRecord, template: TemplateIndex): RuleFinding[] {
  const out: RuleFinding[] = [];
  templateErrors(record, template, out);
  sectionErrors(record, out);
  dateErrors(record, out);
  contributorErrors(record, out);
  return out;
}

/*
 * The rules below walk every area and section of every record a batch or a
 * history reads, nearly always finding nothing: they loop with `for...in`
 * and make a finding's path only for a finding. Object.entries and for...of
 * made two arrays and an iterator's results for each key, about 40 KB of
 * garbage a record (a 1,600-commit history reads 92 distinct records, each
 * once, in code that has not yet been optimised).
 */

/**
 * The values the template's vocabulary allows, which the schema leaves to it:
 * scores on its scale, its decisions, front doors and review questions. They
 * are worded as the schema's own errors are, because they are the same kind
 * of mistake: a record that says something its toolkit has no word for.
 */
export function vocabularyErrors(record: ToolkitRecord, template: TemplateIndex): RuleFinding[] {
  const out: RuleFinding[] = [];
  const { scores } = template;
  // The path is made only for a score off the scale: every section of every record in a batch is asked.
  const offScale = (score: number | undefined, areaKey: string, sectionKey: string, ...rest: (string | number)[]) => {
    if (score !== undefined && !scores.includes(score)) out.push(error('score-range', ['areas', areaKey, 'sections', sectionKey, ...rest], `must be ${template.worryingWords.span} (got ${score})`));
  };
  for (const areaKey in record.areas) {
    const sections = record.areas[areaKey]!.sections;
    for (const sectionKey in sections) {
      const section = sections[sectionKey]!;
      offScale(section.score, areaKey, sectionKey, 'score');
      offScale(section.parent_score, areaKey, sectionKey, 'parent_score');
      section.carer_scores?.forEach((c, i) => offScale(c.score, areaKey, sectionKey, 'carer_scores', i, 'score'));
    }
  }
  // Looked up in the template's index; the list of its words is made only for a value it has no word for.
  const notOneOf = (path: RuleFinding['path'], value: string | undefined, known: (key: string) => unknown, keys: () => string[]) => {
    if (value !== undefined && !known(value)) out.push(error('not-allowed-value', path, `must be one of ${keys().join(', ')} (got ${describeValue(value)})`));
  };
  notOneOf(['child', 'front_door'], record.child.front_door, (k) => template.frontDoor(k), () => template.template.front_doors.map((d) => d.key));
  notOneOf(['summary', 'decision'], record.summary?.decision, (k) => template.decision(k), () => template.template.decisions.map((d) => d.key));
  if (record.review === undefined) return out;
  const questions = template.template.review_questions.map((q) => q.key);
  for (const key of Object.keys(record.review)) {
    if (questions.includes(key)) continue;
    const guess = closest(key, questions);
    out.push(error('unknown-field', ['review', key], `\`${key}\` is not a field in review${guess ? `; did you mean \`${guess}\`?` : `; the fields here are ${questions.join(', ')}`}`, 'key'));
  }
  return out;
}

function error(code: FindingCode, path: RuleFinding['path'], message: string, part: 'key' | 'value' = 'value'): RuleFinding {
  return { code, path, part, message };
}

function templateErrors(record: ToolkitRecord, template: TemplateIndex, out: RuleFinding[]): void {
  for (const areaKey in record.areas) {
    const area = record.areas[areaKey]!;
    const known = template.area(areaKey);
    if (!known) {
      const areaKeys = template.template.areas.map((a) => a.key);
      const guess = closest(areaKey, areaKeys);
      out.push(
        error(
          'unknown-area',
          ['areas', areaKey],
          `\`${areaKey}\` is not an area of the ${template.template.id} toolkit; ${guess ? `did you mean \`${guess}\`?` : `its areas are ${areaKeys.join(', ')}`}`,
          'key',
        ),
      );
      continue;
    }
    for (const sectionKey in area.sections) {
      if (known.sections.some((s) => s.key === sectionKey)) continue;
      const elsewhere = template.section(sectionKey);
      const own = known.sections.map((s) => s.key).join(', ');
      out.push(
        error(
          'unknown-section',
          ['areas', areaKey, 'sections', sectionKey],
          elsewhere
            ? `section ${sectionKey} belongs to ${elsewhere.area.title} (\`${elsewhere.area.key}\`), not to ${known.title}, whose sections are ${own}`
            : `${known.title} has no section ${sectionKey}; its sections are ${own}`,
          'key',
        ),
      );
    }
  }
}

function sectionErrors(record: ToolkitRecord, out: RuleFinding[]): void {
  for (const areaKey in record.areas) {
    const sections = record.areas[areaKey]!.sections;
    for (const sectionKey in sections) {
      const section = sections[sectionKey]!;
      if (section.score !== undefined && section.not_relevant !== undefined) {
        out.push(
          error(
            'score-and-not-relevant',
            ['areas', areaKey, 'sections', sectionKey, 'not_relevant'],
            `section ${sectionKey} has both a score and a reason it is not relevant; keep one`,
            'key',
          ),
        );
      }
    }
  }
}

/** Every date field in a record, with its path. */
export function datesOf(record: ToolkitRecord): { path: RuleFinding['path']; value: string }[] {
  const dates: { path: RuleFinding['path']; value: string }[] = [];
  const add = (path: RuleFinding['path'], value: string | undefined) => {
    if (value !== undefined) dates.push({ path, value });
  };
  add(['child', 'born'], record.child.born);
  record.child.family?.forEach((m, i) => add(['child', 'family', i, 'since'], m.since));
  record.assessment.contributors?.forEach((c, i) => add(['assessment', 'contributors', i, 'last_edit', 'date'], c.last_edit?.date));
  add(['assessment', 'previous'], record.assessment.previous);
  add(['assessment', 'completed'], record.assessment.completed);
  record.assessment.sessions?.forEach((s, i) => add(['assessment', 'sessions', i, 'date'], s.date));
  add(['summary', 'lead_consulted'], record.summary?.lead_consulted);
  record.summary?.actions?.forEach((a, i) => {
    add(['summary', 'actions', i, 'by'], a.by);
    add(['summary', 'actions', i, 'done'], a.done);
    add(['summary', 'actions', i, 'dropped'], a.dropped);
  });
  add(['summary', 'next_review'], record.summary?.next_review);
  return dates;
}

function dateErrors(record: ToolkitRecord, out: RuleFinding[]): void {
  let allReal = true;
  for (const { path, value } of datesOf(record)) {
    const reason = impossibleDateReason(value);
    if (reason) {
      allReal = false;
      out.push(error('impossible-date', path, reason));
    }
  }
  // Order rules compare dates; comparing an impossible one would only add noise.
  if (!allReal) return;
  const { completed, previous } = record.assessment;
  if (previous !== undefined && previous >= completed) {
    out.push(error('previous-not-before-completed', ['assessment', 'previous'], `the previous toolkit (${previous}) must be before this one was completed (${completed})`));
  }
  record.assessment.sessions?.forEach((s, i) => {
    if (s.date > completed) {
      out.push(error('session-after-completed', ['assessment', 'sessions', i, 'date'], `session on ${s.date} is after the toolkit was completed (${completed}); the scores can only draw on what came before`));
    }
  });
  if (record.child.born !== undefined && record.child.born > completed) {
    out.push(error('born-after-completed', ['child', 'born'], `date of birth ${record.child.born} is after the toolkit was completed (${completed})`));
  }
  const review = record.summary?.next_review;
  if (review !== undefined && review <= completed) {
    out.push(error('next-review-not-after-completed', ['summary', 'next_review'], `the next review (${review}) must be after this toolkit was completed (${completed})`));
  }
}

function contributorErrors(record: ToolkitRecord, out: RuleFinding[]): void {
  const ids = new Set<string>();
  record.assessment.contributors?.forEach((c, i) => {
    if (ids.has(c.id)) out.push(error('duplicate-contributor', ['assessment', 'contributors', i, 'id'], `contributor id \`${c.id}\` is used twice; each contributor needs their own id`));
    ids.add(c.id);
  });
  const check = (by: string | undefined, path: () => RuleFinding['path']) => {
    if (by === undefined || ids.has(by)) return;
    const known = [...ids];
    const guess = closest(by, known);
    out.push(
      error(
        'unknown-contributor',
        path(),
        `\`${by}\` is not one of the contributors${known.length ? ` (${known.join(', ')})` : ' (none are listed under assessment.contributors)'}${guess ? `; did you mean \`${guess}\`?` : ''}`,
      ),
    );
  };
  record.assessment.sessions?.forEach((s, i) => check(s.by, () => ['assessment', 'sessions', i, 'by']));
  for (const areaKey in record.areas) {
    const sections = record.areas[areaKey]!.sections;
    for (const sectionKey in sections) check(sections[sectionKey]!.by, () => ['areas', areaKey, 'sections', sectionKey, 'by']);
  }
}
