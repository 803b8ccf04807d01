import { voiceGatheredLabels } from '../analyse/summary-sheet.js';
import { longDate } from '../record/dates.js';
import type { TemplateArea, TemplateIndex, TemplateSection } from '../template/load-template.js';
import type { ToolkitRecord } from '../record/types.js';
import { reminderRaised } from '../validate/practice-rules.js';
import { allChecks, dateCheck, lengthCheck, refCheck } from './answer-checks.js';
import { fieldQuestion, questionId, scopeRecord, scopeRecords, stepQuestion, type Scope } from './ask-field.js';
import { previousFor, siblingRecord, type Answer, type Draft } from './draft.js';
import { deletePath, getPath, isPlainObject, listAt, setPath, type PlainRecord } from '../record/plain-data.js';
import type { Choice, Question } from './question.js';

export interface WalkEnv {
  template: TemplateIndex;
  /** YYYY-MM-DD: no event the interview records can be after it. */
  today: string;
}

const TEXT_MAX = 20_000;
const SHORT_MAX = 200;
const longText = lengthCheck(TEXT_MAX);
const shortText = lengthCheck(SHORT_MAX);

/**
 * The whole interview as an ordered list of questions, worked out afresh
 * from the draft: answers decide what comes next (another session, a skipped
 * area, a second child). The next question is the first one not yet
 * answered, so a resumed draft continues exactly where it stopped.
 */
export function interviewQuestions(draft: Draft, env: WalkEnv): Question[] {
  if (draft.command === 'edit') return editQuestions(draft, env);
  const out: Question[] = [];
  out.push(...childDetails(draft, env));
  out.push(...assessmentQuestions(draft, env));
  if (draft.household && draft.records.length > 1) out.push(...householdSectionQuestions(draft, env));
  draft.records.forEach((_, i) => {
    for (const area of env.template.template.areas) out.push(...areaQuestions(draft, env, i, area));
    // Asked once, after the first child's areas: by then what was seen and what was said are both in mind.
    if (i === 0) out.push(...explanationQuestions(draft));
    out.push(...childVoiceQuestions(draft, i));
    if (draft.command === 'review') out.push(...reviewQuestions(draft, env, i));
    out.push(...summaryQuestions(draft, env, i));
  });
  return out;
}

export function nextQuestion(draft: Draft, env: WalkEnv): Question | undefined {
  return interviewQuestions(draft, env).find((q) => !q.given && !Object.hasOwn(draft.answers, q.id));
}

/** The draft after one answer: a new value, never a change to the old one. */
export function applyAnswer(draft: Draft, question: Question, answer: Answer): Draft {
  const next = structuredClone(draft);
  delete next.partial;
  if (next.later) delete next.later[question.id];
  if (next.undone) delete next.undone[question.id];
  next.answers[question.id] = answer;
  question.apply(next, answer);
  return next;
}

// ---- child details -------------------------------------------------------

function childLabel(draft: Draft, i: number): string {
  const child = scopeRecord(draft, i).child;
  const name = getPath(child, ['name']) ?? getPath(child, ['ref']);
  return typeof name === 'string' ? name : `child ${i + 1}`;
}

/** "[Tyler] " in a household, where every per-child question must say whose it is. */
function whose(draft: Draft, scope: Scope): string {
  return draft.household && scope !== 'all' ? `[${childLabel(draft, scope)}] ` : '';
}

function childDetails(draft: Draft, env: WalkEnv): Question[] {
  const out: Question[] = [
    fieldQuestion(draft, 'all', ['child', 'household'], {
      kind: 'text',
      message: draft.household
        ? 'Household reference (the same for every child in the home, e.g. H-2020-07):'
        : 'Household reference, if siblings have toolkits too (e.g. H-2020-07; empty if none):',
      required: draft.household,
      check: refCheck('a household reference'),
    }),
    fieldQuestion(draft, 'all', ['child', 'front_door'], {
      kind: 'select',
      message: 'Which Early Help / safeguarding front door serves the family\'s address?',
      choices: [...env.template.template.front_doors.map(({ key, label }) => ({ value: key, name: label })), { value: '', name: 'Not known yet' }],
    }),
  ];
  const familyShared = draft.answers['household/shared/family'] === true;
  draft.records.forEach((_, i) => {
    // A household review changes a shared family list once, in every child's file (a new interview shares it after the first child's).
    const familyScope: Scope = draft.command === 'review' && familyShared ? 'all' : i;
    const others = draft.records.filter((__, j) => j !== i).map((r) => getPath(r, ['child', 'ref']));
    const label = draft.household ? `child ${i + 1}: ` : '';
    out.push(
      fieldQuestion(draft, i, ['child', 'ref'], {
        kind: 'text',
        message: `${label}The child's case reference (e.g. MJ-2020-01):`,
        required: true,
        check: allChecks(refCheck('a case reference'), (v) => (others.includes(v) ? `${v} is another child's reference in this household` : null)),
      }),
      fieldQuestion(draft, i, ['child', 'name'], { kind: 'text', message: `${whose(draft, i)}The child's name as the family uses it (optional):`, check: shortText }),
      fieldQuestion(draft, i, ['child', 'born'], {
        kind: 'date',
        message: `${whose(draft, i)}Date of birth (optional; e.g. 14/05/2016):`,
        check: dateCheck({ today: env.today, past: true }),
      }),
      // The people the notes will name: the summary sheet lists them, and `ntk redact` can only
      // find a name in free text if it was recorded here.
      ...(i > 0 && familyShared ? [] : listQuestions(draft, familyScope, ['child', 'family'], {
        more: (n) =>
          n === 0
            ? `${whose(draft, familyScope)}Add the people in the child's life the notes will name (parents, carers, brothers and sisters)?`
            : `${whose(draft, familyScope)}Add another person?`,
        moreDefault: () => false,
        items: (j) => familyMemberQuestions(draft, familyScope, j),
      })),
    );
    if (draft.command === 'review' && !(i > 0 && familyShared)) out.splice(out.length - 1, 0, ...familyChangeQuestions(draft, env, familyScope));
    if (draft.household && i === 0 && draft.command === 'new') out.push(sharedAnswerQuestion(draft, 'family', ['child', 'family'], 'Are these the same people, with the same relationships, for every child in the home? (then they are asked once)'));
    if (draft.household && draft.command === 'new') {
      const hasNext = draft.records.length > i + 1;
      out.push(
        stepQuestion(`household/more/${i + 1}`, {
          kind: 'confirm',
          message: 'Add another child from this household?',
          default: i === 0,
          fallback: false,
          given: hasNext,
          apply: (d, answer) => {
            if (answer === true) d.records.push(siblingRecord(d.records[0] ?? {}, d.answers['household/shared/family'] === true));
          },
        }),
      );
    }
  });
  return out;
}

function familyMemberQuestions(draft: Draft, scope: Scope, j: number): Question[] {
  const base = ['child', 'family', j];
  return [
    fieldQuestion(draft, scope, [...base, 'name'], {
      kind: 'text',
      message: `Person ${j + 1}: their name as the notes use it (removed by \`ntk redact\`):`,
      required: true,
      check: shortText,
    }),
    fieldQuestion(draft, scope, [...base, 'relationship'], {
      kind: 'text',
      message: "Who they are to the child (e.g. mother, mother's partner, half-brother, grandmother):",
      required: true,
      check: shortText,
    }),
    fieldQuestion(draft, scope, [...base, 'lives_with_child'], { kind: 'confirm', message: "Do they live in the child's home most of the time?", default: true }),
  ];
}

// ---- when, who and how ---------------------------------------------------

function completedOf(draft: Draft): string | undefined {
  const value = getPath(scopeRecord(draft, 'all'), ['assessment', 'completed']);
  return typeof value === 'string' ? value : undefined;
}

function contributorChoices(draft: Draft): Choice[] {
  return listAt(scopeRecord(draft, 'all'), ['assessment', 'contributors']).flatMap((c) =>
    typeof c.id === 'string' ? [{ value: c.id, name: [c.id, c.role, c.agency].filter((x) => typeof x === 'string').join(' - ') }] : [],
  );
}

function assessmentQuestions(draft: Draft, env: WalkEnv): Question[] {
  const previous = getPath(draft.previous, ['assessment', 'completed']);
  const born = draft.records.map((r) => getPath(r, ['child', 'born'])).filter((b): b is string => typeof b === 'string').sort()[0];
  const out: Question[] = [
    fieldQuestion(draft, 'all', ['assessment', 'completed'], {
      kind: 'date',
      message: 'Date the toolkit is completed - the date the scores describe:',
      required: true,
      default: env.today,
      check: (v) => {
        const reason = dateCheck({ today: env.today, past: true, after: typeof previous === 'string' ? { date: previous, what: 'the toolkit this one reviews' } : undefined })(v);
        if (reason) return reason;
        return born !== undefined && v < born ? `this is before the child was born (${born})` : null;
      },
    }),
  ];
  out.push(...contributorQuestions(draft));
  out.push(...listQuestions(draft, 'all', ['assessment', 'sessions'], {
    more: (n) => (n === 0 ? 'Add a session (a visit, meeting, call or observation the evidence comes from)?' : 'Add another session?'),
    moreDefault: (n) => n === 0,
    items: (j) => sessionQuestions(draft, env, j),
  }));
  out.push(
    fieldQuestion(draft, 'all', ['assessment', 'involvement'], {
      kind: 'long',
      message: 'How did the family take part, and how was the toolkit shared with them?',
      check: longText,
      ...keepFromPrevious(draft, ['assessment', 'involvement']),
    }),
    fieldQuestion(draft, 'all', ['assessment', 'background'], {
      kind: 'long',
      message: 'Background factors allowed for (e.g. a recent bereavement, loss of a job):',
      check: longText,
      ...keepFromPrevious(draft, ['assessment', 'background']),
    }),
  );
  return out;
}

function contributorQuestions(draft: Draft): Question[] {
  return listQuestions(draft, 'all', ['assessment', 'contributors'], {
    more: (n) => (n === 0 ? 'Add the practitioners who contribute (you first)?' : 'Add another contributor?'),
    moreDefault: (n) => n === 0,
    items: (j) => contributorItemQuestions(draft, 'all', j),
  });
}

export function contributorItemQuestions(draft: Draft, scope: Scope, j: number): Question[] {
  const base = ['assessment', 'contributors', j];
  const taken = listAt(scopeRecord(draft, scope), ['assessment', 'contributors'])
    .filter((_, k) => k !== j)
    .map((c) => c.id);
  return [
    fieldQuestion(draft, scope, [...base, 'id'], {
      kind: 'text',
      message: `Contributor ${j + 1}: a short id that sections and sessions refer to (e.g. hv1, teacher1):`,
      required: true,
      check: allChecks(refCheck('a contributor id'), (v) => (taken.includes(v) ? `${v} is already another contributor's id` : null)),
    }),
    fieldQuestion(draft, scope, [...base, 'role'], { kind: 'text', message: 'Their role (e.g. Health visitor, Class teacher):', check: shortText }),
    fieldQuestion(draft, scope, [...base, 'agency'], { kind: 'text', message: 'Their agency or service (e.g. Community health, Primary school):', check: shortText }),
    fieldQuestion(draft, scope, [...base, 'name'], { kind: 'text', message: 'Their name (optional; removed by `ntk redact`):', check: shortText }),
  ];
}

function sessionQuestions(draft: Draft, env: WalkEnv, j: number): Question[] {
  const base = ['assessment', 'sessions', j];
  const completed = completedOf(draft);
  const people = contributorChoices(draft);
  const out: Question[] = [
    fieldQuestion(draft, 'all', [...base, 'date'], {
      kind: 'date',
      message: `Session ${j + 1}: date:`,
      required: true,
      check: dateCheck({ today: env.today, past: true, notAfter: [{ date: completed, what: 'the date the toolkit is completed' }] }),
    }),
    fieldQuestion(draft, 'all', [...base, 'type'], {
      kind: 'select',
      message: 'What kind of contact was it?',
      required: true,
      choices: [
        { value: 'announced-visit', name: 'Announced home visit' },
        { value: 'unannounced-visit', name: 'Unannounced home visit' },
        { value: 'meeting', name: 'Meeting' },
        { value: 'phone', name: 'Phone or video call' },
        { value: 'observation', name: 'Observation (e.g. in school or nursery)' },
        { value: 'other', name: 'Other' },
      ],
    }),
  ];
  if (people.length > 0) {
    out.push(fieldQuestion(draft, 'all', [...base, 'by'], { kind: 'select', message: 'Who led it?', choices: [...people, { value: '', name: 'Someone not listed' }] }));
  }
  if (draft.household && draft.records.length > 1) {
    // Each child's file says whether that child was seen, and seen alone: a baby not seen alone must never inherit her brother's answer.
    draft.records.forEach((_, i) => {
      const name = childLabel(draft, i);
      out.push(fieldQuestion(draft, i, [...base, 'seen'], { kind: 'confirm', message: `${whose(draft, i)}Was ${name} seen in this session?`, default: true }));
      if (getPath(scopeRecord(draft, i), [...base, 'seen']) === true) {
        out.push(fieldQuestion(draft, i, [...base, 'seen_alone'], { kind: 'confirm', message: `${whose(draft, i)}Was ${name} seen on their own?`, default: false }));
      }
    });
  } else {
    out.push(fieldQuestion(draft, 'all', [...base, 'seen_alone'], { kind: 'confirm', message: 'Was the child seen on their own?', default: false }));
  }
  out.push(fieldQuestion(draft, 'all', [...base, 'note'], { kind: 'long', message: 'Who was there and what was seen (optional):', check: longText }));
  return out;
}

interface ListSpec {
  more: (count: number) => string;
  moreDefault: (count: number) => boolean;
  items: (index: number) => Question[];
}

/**
 * A list the practitioner builds one item at a time: the questions of each
 * item, then "add another?". Answering yes adds an empty item whose fields
 * are the next questions.
 */
function listQuestions(draft: Draft, scope: Scope, path: (string | number)[], spec: ListSpec): Question[] {
  const items = listAt(scopeRecord(draft, scope), path);
  const out = items.flatMap((_, j) => {
    const questions = spec.items(j);
    // An item that came in whole (answers file, carried forward from the last toolkit) is taken as it is,
    // short of what it must have; only items built in this interview ask for the optional details.
    const key = questions[0];
    const fromOutside = key !== undefined && key.given && !Object.hasOwn(draft.answers, key.id);
    return fromOutside ? questions.filter((q) => q.required) : questions;
  });
  const n = items.length;
  out.push(
    stepQuestion(`${questionId(scope, path)}/more/${n}`, {
      kind: 'confirm',
      message: spec.more(n),
      default: spec.moreDefault(n),
      fallback: false,
      apply: (d, answer) => {
        if (answer !== true) return;
        for (const record of scopeRecords(d, scope)) setPath(record, [...path, listAt(record, path).length], {});
      },
    }),
  );
  return out;
}

/** What a practitioner types, alone, to clear a text carried forward on purpose (an empty answer keeps it). */
export const CLEAR_TEXT = '-';

/** edit and review: long text already there is shown, an empty answer keeps it, and `-` alone clears it. */
function keepFromPrevious(draft: Draft, path: (string | number)[], scope: Scope = 'all'): { keep?: string; fallback?: Answer; context?: string[]; store?: (answer: string | boolean) => unknown } {
  if (draft.command === 'new') return {};
  const value = getPath(previousFor(draft, scope), path);
  if (typeof value !== 'string' || value.trim() === '') return {};
  return {
    keep: value,
    fallback: value,
    context: [`Last time: ${value}`, `(an empty answer keeps it; type ${CLEAR_TEXT} on its own to clear it)`],
    store: (answer) => (typeof answer === 'string' && answer.trim() === CLEAR_TEXT ? undefined : answer),
  };
}

// ---- areas and sections --------------------------------------------------

const scoreWords = (template: TemplateIndex, n: number) => template.template.scale.find((s) => s.score === n)?.label ?? '';

function scoreText(env: WalkEnv, section: unknown): string {
  if (!isPlainObject(section)) return 'not assessed';
  if (typeof section.score === 'number') {
    const parent = typeof section.parent_score === 'number' ? ` (parent: ${section.parent_score})` : '';
    return `${section.score} ${scoreWords(env.template, section.score)}${parent}`;
  }
  if (typeof section.not_relevant === 'string') return `not relevant: ${section.not_relevant}`;
  return 'not assessed';
}

/** Sections scored once for the whole home in a household interview: single sections, or every section of an area. */
export function sharedSectionKeys(draft: Draft, template: TemplateIndex): Set<string> {
  const keys = new Set<string>();
  for (const [id, a] of Object.entries(draft.answers)) {
    if (a !== true) continue;
    const section = id.startsWith('household/shared/') ? template.section(id.slice('household/shared/'.length)) : undefined;
    if (section) keys.add(section.section.key);
    if (id.startsWith('household/shared-area/')) for (const s of template.area(id.slice('household/shared-area/'.length))?.sections ?? []) keys.add(s.key);
  }
  return keys;
}

/**
 * What is the same for every child in the home is asked once: any area
 * (e.g. family and relationships, where 5.1-5.3 are about the adults), or a
 * section the template marks as usually household-wide (home conditions).
 * Its strengths and concerns are the home's; the impact stays per child.
 */
function householdSectionQuestions(draft: Draft, env: WalkEnv): Question[] {
  const out: Question[] = [];
  // A review shares again what the household's last toolkits shared (reviewDraft), without asking.
  const review = draft.command === 'review';
  const sharedBefore = review ? sharedSectionKeys(draft, env.template) : new Set<string>();
  for (const area of env.template.template.areas) {
    const areaId = `household/shared-area/${area.key}`;
    const areaShared = review ? area.sections.every((s) => sharedBefore.has(s.key)) : draft.answers[areaId] === true;
    if (!review) out.push(
      stepQuestion(areaId, {
        kind: 'confirm',
        message: `Is ${area.title} the same for every child in the home? Score its sections once for all of them?`,
        context: [`Area ${area.number}: ${area.title}: ${area.sections.map((s) => `${s.key} ${s.title}`).join(', ')}`],
        default: false,
        fallback: false,
      }),
    );
    if (areaShared) {
      out.push(...sectionWalk(draft, env, 'all', area, area.sections));
      if (isPlainObject(getPath(scopeRecord(draft, 'all'), ['areas', area.key]))) {
        for (const [key, message] of [
          ['strengths', `${area.title} (every child): strengths in the care the children get:`],
          ['concerns', `${area.title} (every child): concerns about the care:`],
        ] as const) {
          out.push(fieldQuestion(draft, 'all', ['areas', area.key, key], { kind: 'long', message, check: longText, ...keepFromPrevious(draft, ['areas', area.key, key]) }));
        }
      }
      continue;
    }
    for (const section of area.sections) {
      const id = `household/shared/${section.key}`;
      if (review) {
        if (sharedBefore.has(section.key)) out.push(...sectionWalk(draft, env, 'all', area, [section]));
        continue;
      }
      if (!section.household_wide) continue;
      out.push(
        stepQuestion(id, {
          kind: 'confirm',
          message: `${section.key} ${section.title} is usually the same for every child in the home. Score it once for all the children?`,
          context: [section.description],
          default: true,
          fallback: false,
        }),
      );
      if (draft.answers[id] === true) out.push(...sectionWalk(draft, env, 'all', area, [section]));
    }
  }
  return out;
}

function areaQuestions(draft: Draft, env: WalkEnv, i: number, area: TemplateArea): Question[] {
  const shared = draft.household ? sharedSectionKeys(draft, env.template) : new Set<string>();
  const own = area.sections.filter((s) => !shared.has(s.key));
  if (own.length === 0) {
    // Scored once for the home; what it means for this child is still this child's own.
    if (!isPlainObject(getPath(scopeRecord(draft, i), ['areas', area.key]))) return [];
    return [
      fieldQuestion(draft, i, ['areas', area.key, 'impact'], {
        kind: 'long',
        message: `${whose(draft, i)}${area.title}: examples of the impact on ${childLabel(draft, i)} - the heart of the summary sheet:`,
        check: longText,
        ...keepFromPrevious(draft, ['areas', area.key, 'impact'], i),
      }),
    ];
  }
  const gateId = questionId(i, ['areas', area.key]);
  const record = scopeRecord(draft, i);
  const areaNow = getPath(record, ['areas', area.key]);
  const before = getPath(previousFor(draft, i), ['areas', area.key]);
  const review = draft.command === 'review' && isPlainObject(before);
  const ownContent = isPlainObject(areaNow) && Object.keys(areaNow).some((k) => k !== 'sections' || own.some((s) => getPath(areaNow, ['sections', s.key]) !== undefined));
  const context = [
    `Area ${area.number}: ${area.title}${area.description ? ` - ${area.description}` : ''}`,
    ...own.map((s) => `  ${s.key} ${s.title}${review ? `: last time ${scoreText(env, getPath(before, ['sections', s.key]))}` : ''}`),
  ];
  const gate = stepQuestion(gateId, {
    kind: 'select',
    field: `areas.${area.key}`,
    message: `${whose(draft, i)}${review ? `What changed in ${area.title}?` : `Assess ${area.title}?`}`,
    context,
    choices: review
      ? [
          { value: 'unchanged', name: 'Nothing changed - keep every score and note' },
          { value: 'assess', name: 'Go through it section by section' },
          { value: 'skip', name: 'Not assessed this time' },
        ]
      : [
          { value: 'assess', name: 'Yes, go through its sections' },
          { value: 'skip', name: 'Skip - I do not know this area' },
        ],
    default: review ? 'unchanged' : 'assess',
    fallback: review ? 'unchanged' : 'skip',
    given: ownContent,
    apply: (d, answer) => {
      if (answer !== 'unchanged' || !isPlainObject(before)) return;
      for (const r of scopeRecords(d, i)) {
        // A section the household scored once this time keeps that score, not this child's last one.
        const sharedNow = area.sections.filter((s) => shared.has(s.key)).map((s) => [s.key, getPath(r, ['areas', area.key, 'sections', s.key])] as const);
        setPath(r, ['areas', area.key], structuredClone(before));
        for (const [key, value] of sharedNow) {
          if (value === undefined) deletePath(r, ['areas', area.key, 'sections', key]);
          else setPath(r, ['areas', area.key, 'sections', key], value);
        }
      }
    },
  });
  const out = [gate];
  // An area kept as it was ("nothing changed") keeps every score and note: nothing more of it is asked, not even what was never recorded.
  if (draft.answers[gateId] === 'unchanged') return out;
  const decided = ownContent || draft.answers[gateId] === 'assess';
  if (!decided) return out;
  out.push(...sectionWalk(draft, env, i, area, own));
  if (isPlainObject(getPath(record, ['areas', area.key]))) {
    const texts: [string, string][] = [
      ['strengths', `${whose(draft, i)}${area.title}: strengths in the care the child gets:`],
      ['concerns', `${whose(draft, i)}${area.title}: concerns about the care:`],
      ['impact', `${whose(draft, i)}${area.title}: examples of the impact on the child - the heart of the summary sheet:`],
    ];
    for (const [key, message] of texts) {
      out.push(fieldQuestion(draft, i, ['areas', area.key, key], { kind: 'long', message, check: longText, ...keepFromPrevious(draft, ['areas', area.key, key], i) }));
    }
  }
  return out;
}

/** Who scored an area: asked once per area when more than one practitioner contributes. */
function scorerQuestion(draft: Draft, scope: Scope, area: TemplateArea): { question?: Question; by: string | undefined } {
  const people = contributorChoices(draft);
  if (draft.command === 'edit') return { by: editorId(draft) };
  if (people.length === 1) return { by: people[0]?.value };
  if (people.length === 0) return { by: undefined };
  const id = questionId(scope, ['areas', area.key, 'by']);
  const answer = draft.answers[id];
  return {
    question: stepQuestion(id, { kind: 'select', field: `areas.${area.key}.sections.*.by`, message: `${whose(draft, scope)}Who is scoring ${area.title}?`, choices: people }),
    by: typeof answer === 'string' ? answer : undefined,
  };
}

function sectionWalk(draft: Draft, env: WalkEnv, scope: Scope, area: TemplateArea, sections: TemplateSection[]): Question[] {
  const scorer = scorerQuestion(draft, scope, area);
  const questions = sections.flatMap((s) => sectionQuestions(draft, env, scope, area, s, scorer.by));
  const needsScorer = scorer.question && questions.some((q) => q.id.endsWith('/score') && !q.given && !Object.hasOwn(draft.answers, q.id));
  return needsScorer && scorer.question ? [scorer.question, ...questions] : questions;
}

function sectionQuestions(draft: Draft, env: WalkEnv, scope: Scope, area: TemplateArea, section: TemplateSection, by: string | undefined): Question[] {
  const base = ['areas', area.key, 'sections', section.key];
  const now = getPath(scopeRecord(draft, scope), base);
  const before = getPath(previousFor(draft, scope), base);
  const scoreId = questionId(scope, [...base, 'score']);
  const chosen = draft.answers[scoreId];
  const review = draft.command === 'review' && isPlainObject(before);
  const edit = draft.command === 'edit';
  const lastEvidence = isPlainObject(before) && typeof before.evidence === 'string' && before.evidence.trim() !== '' ? [`Evidence then: ${before.evidence}`] : [];
  const lastTime = review ? [`Last time: ${scoreText(env, before)}`, ...lastEvidence] : edit && isPlainObject(before) ? [`Now: ${scoreText(env, before)}`, ...lastEvidence] : [];
  const scale = env.template.template.scale;
  // The scores are listed 1 to 4 with nothing chosen, and their digit keys pick them: "unchanged" comes after, never first.
  const choices: Choice[] = [
    ...scale.map((p) => ({ value: String(p.score), name: `${p.score}  ${p.label}` })),
    ...(review ? [{ value: 'unchanged', name: `Unchanged (${scoreText(env, before)})` }] : []),
    { value: 'not-assessed', name: 'Not assessed' },
    { value: 'not-relevant', name: 'Not relevant (say why)' },
  ];
  const current = edit ? currentChoice(before) : undefined;
  const score: Question = {
    ...fieldQuestion(draft, scope, [...base, 'score'], { kind: 'score', message: '', choices }),
    id: scoreId,
    message: `${whose(draft, scope)}${section.key} ${section.title}: where would you place the child's care?`,
    context: [`${section.key} ${section.title} - ${section.description}`, ...lastTime],
    details: descriptorsOf(env, section),
    // Without a terminal a review keeps last time's score; nothing else ever stands in for a score not chosen.
    ...(review ? { fallback: 'unchanged' } : current ? { default: current, fallback: current } : { fallback: 'not-assessed' }),
    given: isPlainObject(now) && (now.score !== undefined || now.not_relevant !== undefined),
    apply(d, answer) {
      for (const record of scopeRecords(d, scope)) {
        if (answer === 'unchanged' && isPlainObject(before)) setPath(record, base, structuredClone(before));
        else if (typeof answer === 'string' && /^\d+$/.test(answer)) setPath(record, base, by === undefined ? { score: Number(answer) } : { score: Number(answer), by });
        else if (answer === 'not-relevant') setPath(record, base, {});
        else deletePath(record, base);
      }
    },
  };
  delete score.givenProblem;
  const out = [score];
  // Before the home is judged (the template marks its section usual_state), the guidance asks what it is usually like and whether it just changed, and what help shaped what was seen.
  // Only when the home is scored in this interview: a score carried forward unchanged, or given in an answers file, asks nothing more.
  if (section.usual_state && typeof chosen === 'string' && /^\d+$/.test(chosen) && !edit) out.push(...homeQuestions(draft, scope));
  if (chosen === 'not-relevant' || (isPlainObject(now) && now.not_relevant !== undefined)) {
    out.push(
      fieldQuestion(draft, scope, [...base, 'not_relevant'], {
        kind: 'text',
        message: `Why does ${section.key} ${section.title} not apply to this child or carer?`,
        required: true,
        check: allChecks((v) => (v.trim() === '' ? 'say why it does not apply' : null), longText),
        ...(edit && isPlainObject(before) && typeof before.not_relevant === 'string' ? { default: before.not_relevant, fallback: before.not_relevant } : {}),
      }),
    );
  }
  if (chosen !== 'unchanged' && isPlainObject(now) && typeof now.score === 'number') {
    const parentBefore = edit && isPlainObject(before) && typeof before.parent_score === 'number' ? String(before.parent_score) : undefined;
    const carers = carersOf(draft, scope);
    // An edit keeps the record's own way of holding the parents' views: one score stays one score.
    const perCarer = carers.length >= 2 && (!edit || (isPlainObject(before) && before.carer_scores !== undefined));
    if (perCarer) out.push(...carerQuestions(draft, env, scope, base, section, carers));
    else out.push(
      fieldQuestion(draft, scope, [...base, 'parent_score'], {
        kind: 'score',
        message: `${section.key} ${section.title}: where does the parent or carer place themselves?`,
        context: [`${section.key} ${section.title} - ${section.description}`],
        choices: [...scale.map((p) => ({ value: String(p.score), name: `${p.score}  ${p.label}` })), { value: '', name: 'Not asked / no answer' }],
        details: descriptorsOf(env, section),
        store: (a) => Number(a),
        ...(parentBefore ? { default: parentBefore, fallback: parentBefore } : {}),
      }),
    );
    out.push(
      fieldQuestion(draft, scope, [...base, 'evidence'], {
        kind: 'long',
        message: `${section.key} ${section.title}: the evidence - what was seen, heard and told, with dates:`,
        check: longText,
        ...(edit ? keepFromPrevious(draft, [...base, 'evidence'], scope) : {}),
      }),
    );
    // Once the section's reminder is raised (5.2: look for domestic abuse) by what this interview recorded, what was
    // done about it can be recorded; a section carried forward unchanged is not asked about again.
    const recordedNow = (typeof chosen === 'string' && /^\d+$/.test(chosen)) || Object.hasOwn(draft.answers, questionId(scope, [...base, 'evidence']));
    if (recordedNow && reminderRaised(scopeRecord(draft, scope) as unknown as ToolkitRecord, area.key, section, env.template.rank) !== null) {
      out.push(
        fieldQuestion(draft, scope, [...base, 'reminder_response'], {
          kind: 'long',
          message: `${section.key} ${section.title}: what was done about the reminder above (optional; e.g. indicators looked for, a DASH RIC completed or why not, who was told)?`,
          check: longText,
          ...(edit || review ? keepFromPrevious(draft, [...base, 'reminder_response'], scope) : {}),
        }),
      );
    }
  }
  return out;
}

/** Brothers, sisters and other children at home are not asked where they place their carers' care. */
const childRelationship = /\b(brother|sister|sibling|son|daughter|cousin|baby|twin)\b/i;

/**
 * The adults the child lives with, as the family list names them: each is
 * asked for their own view. "Not asked / no answer" leaves anyone out.
 */
function carersOf(draft: Draft, scope: Scope): { name: string; relationship: string }[] {
  return listAt(scopeRecord(draft, scope), ['child', 'family']).flatMap((p) => {
    const relationship = typeof p.relationship === 'string' ? p.relationship : '';
    return p.lives_with_child === true && typeof p.name === 'string' && !childRelationship.test(relationship) ? [{ name: p.name, relationship }] : [];
  });
}

/**
 * With two or more carers at home, each is asked where they place
 * themselves: two carers often see the same care differently, and the
 * guidance asks for the views of "the parents/carers". Two or more answers
 * are kept side by side (carer_scores); one is the parent's score.
 */
function carerQuestions(draft: Draft, env: WalkEnv, scope: Scope, base: string[], section: TemplateSection, carers: { name: string; relationship: string }[]): Question[] {
  const now = getPath(scopeRecord(draft, scope), base);
  const before = draft.command === 'edit' ? getPath(draft.previous, base) : undefined;
  const ids = carers.map((_, k) => `${questionId(scope, base)}/carer/${k}`);
  const fromOutside = isPlainObject(now) && (now.parent_score !== undefined || now.carer_scores !== undefined) && !ids.some((id) => Object.hasOwn(draft.answers, id));
  const scale = env.template.template.scale;
  return carers.map((carer, k) =>
    stepQuestion(ids[k] ?? '', {
      kind: 'score',
      field: `${base.join('.')}.carer_scores`,
      message: `${section.key} ${section.title}: where does ${carer.name}${carer.relationship ? ` (${carer.relationship})` : ''} place themselves?`,
      context: [`${section.key} ${section.title} - ${section.description}`],
      choices: [...scale.map((p) => ({ value: String(p.score), name: `${p.score}  ${p.label}` })), { value: '', name: 'Not asked / no answer' }],
      details: descriptorsOf(env, section),
      ...carerBefore(before, carer.name),
      given: fromOutside,
      apply: (d) => {
        const views = carers.flatMap((c, j) => {
          const answer = d.answers[ids[j] ?? ''];
          return typeof answer === 'string' && /^\d+$/.test(answer) ? [{ carer: c.name, score: Number(answer) }] : [];
        });
        for (const record of scopeRecords(d, scope)) {
          deletePath(record, [...base, 'carer_scores']);
          deletePath(record, [...base, 'parent_score']);
          if (views.length >= 2) setPath(record, [...base, 'carer_scores'], views);
          else if (views[0]) setPath(record, [...base, 'parent_score'], views[0].score);
        }
      },
    }),
  );
}

/** edit: the score this carer gave before, offered again. */
function carerBefore(before: unknown, name: string): { default?: string; fallback?: string } {
  const views = isPlainObject(before) && Array.isArray(before.carer_scores) ? before.carer_scores : [];
  const mine = views.find((v) => isPlainObject(v) && v.carer === name);
  return isPlainObject(mine) && typeof mine.score === 'number' ? { default: String(mine.score), fallback: String(mine.score) } : {};
}

/** "1 Needs consistently met: ..." for each score, by score: what the practitioner and the parent place the care against. */
function descriptorsOf(env: WalkEnv, section: TemplateSection): Record<string, string> {
  return Object.fromEntries(env.template.template.scale.map((p) => [String(p.score), `${p.score} ${p.label}: ${section.descriptors[String(p.score) as '1' | '2' | '3' | '4']}`]));
}

function currentChoice(section: unknown): string | undefined {
  if (!isPlainObject(section)) return undefined;
  if (typeof section.score === 'number') return String(section.score);
  if (typeof section.not_relevant === 'string') return 'not-relevant';
  return undefined;
}

function homeQuestions(draft: Draft, scope: Scope): Question[] {
  const base = ['assessment', 'home'];
  // The home is the household's: one answer for every child.
  const where: Scope = draft.household ? 'all' : scope;
  const change = getPath(scopeRecord(draft, where), [...base, 'recent_change']);
  return [
    fieldQuestion(draft, where, [...base, 'usual'], {
      kind: 'long',
      message: 'What is the home usually like - over several visits and as others describe it, not only on the day?',
      check: longText,
    }),
    fieldQuestion(draft, where, [...base, 'recent_change'], {
      kind: 'select',
      message: 'Has the home recently improved or deteriorated?',
      choices: [
        { value: 'unchanged', name: 'Neither - it is as it usually is' },
        { value: 'improved', name: 'Recently improved' },
        { value: 'deteriorated', name: 'Recently deteriorated' },
        { value: '', name: 'Not known' },
      ],
    }),
    ...(change === 'improved' || change === 'deteriorated'
      ? [fieldQuestion(draft, where, [...base, 'change_note'], { kind: 'long', message: 'What changed, and why?', check: longText })]
      : []),
    fieldQuestion(draft, where, ['assessment', 'outside_help'], {
      kind: 'long',
      message: "Did help from outside the family shape what you saw (e.g. a support worker cleared the house)? It is not credited to the parents' own care (empty if none):",
      check: longText,
    }),
  ];
}

/** Explanations that did not match what was seen: asked once, each becomes a prompt to look again. */
function explanationQuestions(draft: Draft): Question[] {
  return listQuestions(draft, 'all', ['assessment', 'explanations'], {
    more: (n) => (n === 0 ? 'Was an explanation given that did not match what you saw? (each becomes a prompt to look again)' : 'Another explanation that did not match?'),
    moreDefault: () => false,
    items: (j) => [
      fieldQuestion(draft, 'all', ['assessment', 'explanations', j, 'said'], {
        kind: 'long',
        message: `Explanation ${j + 1}: what was said, and by whom?`,
        required: true,
        check: allChecks((v) => (v.trim() === '' ? 'say what explanation was given' : null), longText),
      }),
      fieldQuestion(draft, 'all', ['assessment', 'explanations', j, 'observed'], { kind: 'long', message: 'What was seen or heard that did not match it?', check: longText }),
    ],
  });
}

// ---- the child's voice, review questions and plan -------------------------

/** How the child was heard: their words, or for a child who cannot say, play and observation. */
function voiceGatheredQuestion(draft: Draft, i: number): Question {
  const name = childLabel(draft, i);
  const path = ['child_voice', 'gathered'];
  return stepQuestion(questionId(i, path), {
    kind: 'select',
    field: path.join('.'),
    message: `How was ${name}'s voice gathered?`,
    context: ['A child who cannot say in words is still heard: through play, drawing, observation, or someone who knows them well.'],
    choices: [...Object.entries(voiceGatheredLabels).map(([value, label]) => ({ value, name: label.charAt(0).toUpperCase() + label.slice(1) })), { value: '', name: 'Not recorded' }],
    given: getPath(scopeRecord(draft, i), path) !== undefined,
    apply: (d, answer) => {
      for (const r of scopeRecords(d, i)) {
        if (typeof answer === 'string' && answer !== '') setPath(r, path, [answer]);
        else deletePath(r, path);
      }
    },
  });
}

function childVoiceQuestions(draft: Draft, i: number): Question[] {
  const name = childLabel(draft, i);
  const asks: [string, string][] = [
    ['working_well', `${name}'s own words: what is working well?`],
    ['worried_about', `${name}'s own words: what worries them?`],
    ['needs_to_happen', `${name}'s own words: what needs to happen?`],
  ];
  return [voiceGatheredQuestion(draft, i), ...asks.map(([key, message]) => {
    const last = getPath(previousFor(draft, i), ['child_voice', key]);
    return fieldQuestion(draft, i, ['child_voice', key], {
      kind: 'long',
      message,
      check: longText,
      ...(typeof last === 'string' ? { context: [`Last time: ${last}`] } : {}),
    });
  })];
}

/**
 * The template's review questions, in its words. One it marks required must
 * be answered (whether there is any indication of significant harm); those it
 * marks with_improvements are asked with what improved in front of the
 * practitioner (whether progress held and was celebrated).
 */
function reviewQuestions(draft: Draft, env: WalkEnv, i: number): Question[] {
  const improved = improvedSections(draft, env, i);
  const shown = improved.length > 0 ? [`Improved since the last toolkit: ${improved.join('; ')}`] : ['No section scored better than at the last toolkit.'];
  return env.template.template.review_questions.map(({ key, question, required, with_improvements }) =>
    fieldQuestion(draft, i, ['review', key], {
      kind: 'long',
      message: `${whose(draft, i)}Review: ${question}`,
      check: required === true ? allChecks((v) => (v.trim() === '' ? 'answer this one, if only to say there is nothing to report' : null), longText) : longText,
      ...(required === true ? { required: true } : {}),
      ...(with_improvements === true ? { context: shown } : {}),
    }),
  );
}

/** "1.1 Food and feeding 4 -> 2": the sections this child's review scores better than the toolkit it reviews. */
function improvedSections(draft: Draft, env: WalkEnv, i: number): string[] {
  const record = scopeRecord(draft, i);
  return env.template.sections().flatMap(({ area, section }) => {
    const path = ['areas', area.key, 'sections', section.key, 'score'];
    const was = getPath(previousFor(draft, i), path);
    const now = getPath(record, path);
    return typeof was === 'number' && typeof now === 'number' && now < was ? [`${section.key} ${section.title} ${was} -> ${now}`] : [];
  });
}

function summaryQuestions(draft: Draft, env: WalkEnv, i: number): Question[] {
  const completed = completedOf(draft);
  const who = whose(draft, i);
  const decisionBefore = getPath(previousFor(draft, i), ['summary', 'decision']);
  const out: Question[] = [
    fieldQuestion(draft, i, ['summary', 'analysis'], { kind: 'long', message: `${who}Your analysis of the child's lived experience across the areas:`, check: longText }),
    ...(draft.household && i === 0 && draft.records.length > 1
      ? [sharedAnswerQuestion(draft, 'analysis', ['summary', 'analysis'], 'Is this analysis the same for every child in the home? (then it is asked once)')]
      : []),
    fieldQuestion(draft, i, ['summary', 'parent_views'], { kind: 'long', message: `${who}What the parents or carers said about the toolkit and where they place themselves:`, check: longText }),
    fieldQuestion(draft, i, ['summary', 'lead_consulted'], {
      kind: 'date',
      message: `${who}When was it discussed with your safeguarding lead or manager? (a date; empty if not yet)`,
      check: dateCheck({ today: env.today, past: true }),
    }),
    fieldQuestion(draft, i, ['summary', 'decision'], {
      kind: 'select',
      message: `${who}What was decided with your safeguarding lead or manager?`,
      context: ['The toolkit informs this decision; it never makes it.'],
      choices: [...env.template.template.decisions.map(({ key, label }) => ({ value: key, name: label })), { value: '', name: 'Not decided yet' }],
      ...(typeof decisionBefore === 'string' ? { default: decisionBefore } : {}),
    }),
  ];
  if (draft.command === 'review') out.push(...carriedActionQuestions(draft, env, i));
  out.push(
    ...listQuestions(draft, i, ['summary', 'actions'], {
      more: (n) => `${who}${n === 0 ? 'Add an action to the plan?' : 'Add another action?'}`,
      moreDefault: (n) => n === 0,
      items: (j) => {
        const base = ['summary', 'actions', j];
        return [
          fieldQuestion(draft, i, [...base, 'action'], {
            kind: 'text',
            message: `Action ${j + 1}: what will be done?`,
            required: true,
            check: allChecks((v) => (v.trim() === '' ? 'say what will be done' : null), longText),
          }),
          fieldQuestion(draft, i, [...base, 'who'], { kind: 'text', message: 'Who will do it?', check: shortText }),
          fieldQuestion(draft, i, [...base, 'by'], { kind: 'date', message: 'By when? (a date, optional)', check: dateCheck({ today: env.today }) }),
          ...(draft.household && draft.records.length > 1 && getPath(scopeRecord(draft, i), [...base, 'household']) === undefined
            ? [householdActionQuestion(i, j)]
            : []),
        ];
      },
    }),
    fieldQuestion(draft, i, ['summary', 'next_review'], {
      kind: 'date',
      message: `${who}When will the toolkit next be reviewed with the family? (a date)`,
      check: dateCheck({ today: env.today, after: { date: completed, what: 'the date the toolkit is completed' } }),
    }),
  );
  return out;
}

// ---- a review: the plan and the family as they are now ---------------------

/**
 * Each action still open from the last toolkit: still open, done (when),
 * changed (how and why) or dropped (why). A dropped action stays in the plan
 * marked `dropped` with its reason, so the review diff can say what happened to it.
 */
function carriedActionQuestions(draft: Draft, env: WalkEnv, i: number): Question[] {
  const out: Question[] = [];
  const list = ['summary', 'actions'];
  carriedItems(draft, i, list).forEach(({ now: action, was, j }) => {
    if (was.done !== undefined || was.dropped !== undefined) return;
    // A household action is settled once, with the first child, for every child's plan.
    if (askedForFirstChild(draft, i, list, (a) => sameHouseholdAction(a, was))) return;
    const also = (q: Question): Question => alsoForSiblings(q, list, j, i === 0 ? sameInSiblings(draft, list, (a) => sameHouseholdAction(a, was)) : [], ['action', 'done', 'dropped', 'reason']);
    const base = ['summary', 'actions', j];
    const statusId = questionId(i, [...base, 'status']);
    const settled = action.done !== undefined || action.dropped !== undefined || action.action !== was.action;
    out.push(
      also(stepQuestion(statusId, {
        kind: 'select',
        field: `summary.actions.${j}`,
        message: `${whose(draft, i)}${was.household === true && draft.household ? 'Household action' : 'Action'} from last time: "${String(was.action ?? '')}"${typeof was.by === 'string' ? ` (by ${longDate(was.by)})` : ''} - what happened to it?`,
        choices: [
          { value: 'open', name: 'Still open - keep it in the plan' },
          { value: 'done', name: 'Done' },
          { value: 'changed', name: 'Changed - reword it and say why' },
          { value: 'dropped', name: 'Dropped from the plan - say why' },
        ],
        default: 'open',
        fallback: 'open',
        given: settled,
        apply: (d, answer) => {
          const completed = completedOf(d);
          if (answer === 'dropped' && completed !== undefined) for (const r of scopeRecords(d, i)) setPath(r, [...base, 'dropped'], completed);
        },
      })),
    );
    const status = draft.answers[statusId];
    if (status === 'done' || action.done !== undefined) {
      out.push(also(fieldQuestion(draft, i, [...base, 'done'], { kind: 'date', message: 'The date it was done:', required: true, check: dateCheck({ today: env.today, past: true }) })));
    }
    if (status === 'changed') {
      const rewordId = questionId(i, [...base, 'reworded']);
      out.push(
        also(stepQuestion(rewordId, {
          kind: 'text',
          message: 'The action as it now stands:',
          required: true,
          check: allChecks((v) => (v.trim() === '' ? 'say what will be done now' : null), longText),
          apply: (d, answer) => {
            if (typeof answer === 'string') for (const r of scopeRecords(d, i)) setPath(r, [...base, 'action'], answer);
          },
        })),
      );
    }
    if (status === 'changed' || status === 'dropped' || action.dropped !== undefined) {
      out.push(
        also(
          fieldQuestion(draft, i, [...base, 'reason'], {
            kind: 'text',
            message: status === 'changed' ? 'Why it changed:' : 'Why it was dropped:',
            required: status === 'dropped' || action.dropped !== undefined,
            check: longText,
          }),
        ),
      );
    }
  });
  return out;
}

/** The items of a list carried forward from the toolkit a review reviews, as they are now and as they were. */
function carriedItems(draft: Draft, scope: Scope, path: string[]): { now: PlainRecord; was: PlainRecord; j: number }[] {
  const before = listAt(previousFor(draft, scope), path);
  return listAt(scopeRecord(draft, scope), path).flatMap((now, j) => {
    const was = before[j];
    return was === undefined ? [] : [{ now, was, j }];
  });
}

/**
 * At a review, whether each person still lives with the child (a partner who
 * moved out, a grandparent who moved in) and since when; a new baby is added
 * like any other person. In a household review a person on the first child's
 * list is asked about once: the answer goes to the same person (by name, living
 * where they lived) on each sibling's list too.
 */
function familyChangeQuestions(draft: Draft, env: WalkEnv, scope: Scope): Question[] {
  const out: Question[] = [];
  carriedItems(draft, scope, ['child', 'family']).forEach(({ now: person, was, j }) => {
    if (typeof was.name !== 'string') return;
    if (askedForFirstChild(draft, scope, ['child', 'family'], (p) => samePerson(p, was))) return;
    const base = ['child', 'family', j];
    const livedWith = was.lives_with_child !== false;
    const also = (q: Question): Question => alsoForSiblings(q, ['child', 'family'], j, scope === 0 ? sameInSiblings(draft, ['child', 'family'], (p) => samePerson(p, was)) : [], ['lives_with_child', 'since']);
    const id = questionId(scope, [...base, 'still']);
    out.push(
      also(stepQuestion(id, {
        kind: 'confirm',
        message: `${whose(draft, scope)}${was.name} (${String(was.relationship ?? '')}): ${livedWith ? "still living in the child's home?" : "still living away from the child's home?"}`,
        default: true,
        fallback: true,
        given: person.lives_with_child !== was.lives_with_child,
        apply: (d, answer) => {
          if (answer === false) for (const r of scopeRecords(d, scope)) setPath(r, [...base, 'lives_with_child'], !livedWith);
        },
      })),
    );
    if (draft.answers[id] === false || person.since !== was.since) {
      out.push(
        also(
          fieldQuestion(draft, scope, [...base, 'since'], {
            kind: 'date',
            message: `Since when has ${was.name} ${livedWith ? 'lived away from' : 'lived in'} the child's home? (YYYY-MM-DD, optional)`,
            check: dateCheck({ today: env.today, past: true }),
          }),
        ),
      );
    }
  });
  return out;
}

/** The same person on two children's lists: the same name, living where they lived. */
function samePerson(a: PlainRecord, b: PlainRecord): boolean {
  return a.name === b.name && (a.lives_with_child !== false) === (b.lives_with_child !== false);
}

/** The same household action ("chase the landlord") in two children's plans, still open. */
function sameHouseholdAction(a: PlainRecord, b: PlainRecord): boolean {
  return a.household === true && b.household === true && a.action === b.action && a.done === undefined && a.dropped === undefined;
}

/** In a household review, whether the first child's last toolkit holds this item of a sibling's: then it is asked about once, there. */
function askedForFirstChild(draft: Draft, scope: Scope, list: string[], same: (item: PlainRecord) => boolean): boolean {
  return draft.command === 'review' && typeof scope === 'number' && scope > 0 && listAt(previousFor(draft, 0), list).some(same);
}

/** [sibling, index]: where an item of the first child's last toolkit stands in each sibling's. */
function sameInSiblings(draft: Draft, list: string[], same: (item: PlainRecord) => boolean): [number, number][] {
  if (draft.command !== 'review') return [];
  return draft.records.flatMap((_, k) => {
    const jk = k > 0 ? listAt(previousFor(draft, k), list).findIndex(same) : -1;
    return jk < 0 ? [] : [[k, jk] as [number, number]];
  });
}

/**
 * A question about an item the first child shares with siblings (a person on
 * each list, a household action): once its answer is applied to the first
 * child's item, the fields it may change are copied into each sibling's.
 */
function alsoForSiblings(question: Question, list: string[], j: number, matches: [number, number][], keys: readonly string[]): Question {
  if (matches.length === 0) return question;
  return {
    ...question,
    apply: (d, answer) => {
      question.apply(d, answer);
      for (const key of keys) {
        const value = getPath(d.records[0], [...list, j, key]);
        for (const [k, jk] of matches) {
          const sibling = d.records[k];
          if (!sibling) continue;
          if (value === undefined) deletePath(sibling, [...list, jk, key]);
          else setPath(sibling, [...list, jk, key], structuredClone(value));
        }
      }
    },
  };
}

// ---- a household: asked once for every child ------------------------------

/**
 * "The same for every child?" after the first child's answer: yes copies it
 * into each sibling's file, so their question is already answered, and the
 * record lists it under assessment.household_shared.
 */
function sharedAnswerQuestion(draft: Draft, what: 'family' | 'analysis', path: (string | number)[], message: string): Question {
  return stepQuestion(`household/shared/${what}`, {
    kind: 'confirm',
    message,
    default: false,
    fallback: false,
    // Only once there is something to share; a sibling added later copies it (siblingRecord).
    given: getPath(scopeRecord(draft, 0), path) === undefined,
    apply: (d, answer) => {
      const value = getPath(d.records[0], path);
      if (answer === true && value !== undefined) for (const r of d.records.slice(1)) setPath(r, path, structuredClone(value));
    },
  });
}

/** An action for the whole home ("chase the landlord") goes into every sibling's plan once; their own plans keep their own actions. */
function householdActionQuestion(i: number, j: number): Question {
  return stepQuestion(questionId(i, ['summary', 'actions', j, 'household']), {
    kind: 'confirm',
    message: 'Is this an action for the whole household (the same in every child\'s plan)?',
    default: false,
    fallback: false,
    apply: (d, answer) => {
      if (answer !== true) return;
      const action = getPath(d.records[i], ['summary', 'actions', j]);
      if (!isPlainObject(action)) return;
      action.household = true;
      d.records.forEach((r, k) => {
        if (k !== i) setPath(r, ['summary', 'actions', listAt(r, ['summary', 'actions']).length], structuredClone(action));
      });
    },
  });
}

// ---- edit -----------------------------------------------------------------

export function editorId(draft: Draft): string | undefined {
  const chosen = draft.answers['edit/editor'];
  if (typeof chosen === 'string' && chosen !== '+new') return chosen;
  if (chosen !== '+new') return undefined;
  const added = listAt(scopeRecord(draft, 0), ['assessment', 'contributors'])[listAt(draft.previous, ['assessment', 'contributors']).length];
  return typeof added?.id === 'string' ? added.id : undefined;
}

function editQuestions(draft: Draft, env: WalkEnv): Question[] {
  const known = listAt(draft.previous, ['assessment', 'contributors']).length;
  const out: Question[] = [
    stepQuestion('edit/editor', {
      kind: 'select',
      field: 'editor (--by ID)',
      message: 'Who is making these changes? They are recorded as the contributor on what they score.',
      choices: [...contributorChoices({ ...draft, records: [draft.previous ?? {}] }), { value: '+new', name: 'Someone not listed yet' }],
      required: true,
      apply: (d, answer) => {
        if (answer === '+new') for (const r of d.records) setPath(r, ['assessment', 'contributors', known], {});
      },
    }),
  ];
  if (draft.answers['edit/editor'] === '+new') out.push(...contributorItemQuestions(draft, 0, known));
  // Another agency's evidence needs its own visits and contacts behind it, dated by the toolkit's completion.
  out.push(
    ...listQuestions(draft, 'all', ['assessment', 'sessions'], {
      more: () => 'Add a session of yours (a visit, meeting, call or observation your evidence comes from)?',
      moreDefault: () => false,
      items: (j) => sessionQuestions(draft, env, j),
    }),
  );
  for (const area of env.template.template.areas) {
    const gateId = questionId(0, ['areas', area.key]);
    const listed = draft.editAreas ?? [];
    if (listed.length === 0) {
      out.push(
        stepQuestion(gateId, {
          kind: 'select',
          field: `areas.${area.key}`,
          message: `${area.title}: ${isPlainObject(getPath(draft.previous, ['areas', area.key])) ? 'keep it as it is, or edit it?' : 'not assessed yet - add it?'}`,
          choices: [
            { value: 'keep', name: 'Keep as it is' },
            { value: 'edit', name: 'Edit' },
          ],
          default: 'keep',
          fallback: 'keep',
          apply: (d, answer) => {
            if (answer === 'edit') for (const r of d.records) deletePath(r, ['areas', area.key]);
          },
        }),
      );
    }
    if (draft.answers[gateId] !== 'edit') continue;
    out.push(...sectionWalk(draft, env, 0, area, area.sections));
    if (!isPlainObject(getPath(scopeRecord(draft, 0), ['areas', area.key]))) continue;
    for (const [key, message] of [
      ['strengths', `${area.title}: strengths in the care the child gets:`],
      ['concerns', `${area.title}: concerns about the care:`],
      ['impact', `${area.title}: examples of the impact on the child:`],
    ] as const) {
      out.push(fieldQuestion(draft, 0, ['areas', area.key, key], { kind: 'long', message, check: longText, ...keepFromPrevious(draft, ['areas', area.key, key]) }));
    }
  }
  return out;
}
