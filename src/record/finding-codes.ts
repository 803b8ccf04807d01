import type { Severity } from './finding.js';

/** What ntk knows about one kind of finding, whatever record it is found in. */
export interface FindingCodeInfo {
  /** error: the record is wrong; warning: practice the guidance asks for is missing; prompt: a conversation to have. */
  severity: Severity;
  /** What the rule checks, in a line (SARIF's rule description, the README's table). */
  title: string;
  /** Why it matters, in the guidance's words where it has them. */
  help: string;
  /** Counted per child by the caseload report (`ntk report`), in this list's order. */
  report?: true;
  /** Needs several records (siblings, a child's toolkits over time): given by compare, chronology and report, not by `ntk check`. */
  acrossRecords?: true;
}

/**
 * The closed list of finding codes. Words about scores are the template's, so
 * a title or help says them as placeholders - {worrying-or} ("3 or 4"),
 * {worrying-plural} ("3s and 4s"), {worrying-range} ("3-4"), {scale} ("1-4")
 * on nscp-ncscp/2021's scale - that `scaleWorded` fills for a template. A rule reports a code from here and the
 * facts of its place; its severity, title and help are read from here, so the
 * README's rule table, SARIF's rules and the caseload report's prompts cannot
 * drift apart. Order matters: it is the order of the README's table and of the
 * caseload report's prompt counts.
 */
export const FINDING_CODES = {
  // Reading the file: before YAML.
  'empty-file': { severity: 'error', title: 'The file is empty.', help: 'A toolkit record starts with `format: neglect-toolkit/1`.' },
  'file-too-large': { severity: 'error', title: 'A record is at most 2 MB.', help: 'A child’s toolkit is a few kilobytes; a bigger file is something else, and reading it would slow every check.' },
  'binary-file': { severity: 'error', title: 'A record is a text file, not binary data.', help: 'Records are YAML text a practitioner can read and git can compare.' },
  'not-utf8': { severity: 'error', title: 'A record is UTF-8 text.', help: 'Saved in another encoding, names and quotes would be read wrong; save the file as UTF-8.' },
  'not-a-file': { severity: 'error', title: 'A record is an ordinary file, not a pipe, socket or device.', help: 'Reading a pipe or device could wait for ever.' },
  'unreadable-file': { severity: 'error', title: 'The file cannot be read.', help: 'The file is missing or its permissions do not let ntk read it.' },
  'unreadable-folder': { severity: 'error', title: 'A folder given to ntk cannot be read.', help: 'The records in it were not checked: an error, never "0 files checked".' },
  'file-changed': { severity: 'error', title: 'The file changed while it was being read.', help: 'What was checked may not be what is on disk now: check it again.' },
  'merge-conflict': { severity: 'error', title: 'An unresolved merge conflict: both branches changed the same part of the record.', help: 'A half-merged record says two things at once; keep one side, then check it again.' },
  // Reading YAML.
  'yaml-syntax': { severity: 'error', title: 'The file is not valid YAML.', help: 'A record is YAML 1.2; the position shows where reading stopped.' },
  'yaml-too-deep': { severity: 'error', title: 'Nesting deeper than 64 levels is refused.', help: 'No record needs it, and very deep nesting is a way to exhaust a reader.' },
  'yaml-tag': { severity: 'error', title: 'YAML tags are refused.', help: 'Tags can turn text into other kinds of value; a record holds plain text, numbers, dates and lists.' },
  'yaml-alias': { severity: 'error', title: 'YAML aliases and anchors are refused.', help: 'An alias repeats another part of the file unseen, and aliases can multiply a small file into a huge one.' },
  'yaml-merge-key': { severity: 'error', title: 'YAML merge keys (<<) are refused.', help: 'A merge key copies fields from elsewhere: what the record says should be written where it is read.' },
  'duplicate-key': { severity: 'error', title: 'A key may appear only once in a mapping.', help: 'With a key twice, one of the two values would silently be lost.' },
  'forbidden-key': { severity: 'error', title: 'Keys such as __proto__ and constructor are refused.', help: 'These names have a meaning to the programs that read records.' },
  // The schema (the record format).
  'not-a-record': { severity: 'error', title: 'The file is YAML but not a toolkit record.', help: 'A record has fields such as `format: neglect-toolkit/1`, `child` and `assessment`.' },
  'wrong-format': { severity: 'error', title: 'The record format and version must be exactly neglect-toolkit/1.', help: 'The format line says which rules a record is read by.' },
  'unknown-template': { severity: 'error', title: 'The record names a template ntk does not have.', help: 'The template gives the areas, sections and scale a record is checked against.' },
  'missing-field': { severity: 'error', title: 'A field the record format requires is missing.', help: 'Without it the record cannot be read as a toolkit.' },
  'unknown-field': { severity: 'error', title: 'A field the record format does not have.', help: 'Often a misspelt field: what is written there would otherwise be ignored.' },
  'wrong-type': { severity: 'error', title: 'A value of the wrong kind (text, number, list...).', help: 'Each field holds one kind of value.' },
  'not-allowed-value': { severity: 'error', title: 'The value is not one of those the record format allows.', help: 'Fields such as the decision or the session type take one of a fixed list.' },
  'date-format': { severity: 'error', title: 'Dates are written YYYY-MM-DD.', help: 'One way of writing dates, so 03/04 is never read as the wrong month.' },
  'bad-reference': { severity: 'error', title: 'A reference (child, household, contributor) must be letters, digits, dots, dashes and underscores.', help: 'References name files and link records; they are not names.' },
  'bad-value': { severity: 'error', title: 'A value the record format does not allow here.', help: 'The value is not in the form the field expects.' },
  'score-range': { severity: 'error', title: 'A score is on the template’s scale ({scale}).', help: 'Each section is scored on the toolkit’s scale.' },
  'out-of-range': { severity: 'error', title: 'A number outside the range the record format allows.', help: 'The number is below or above what the field allows.' },
  'empty-text': { severity: 'error', title: 'A text field must not be empty.', help: 'Leave the field out rather than empty.' },
  'too-long': { severity: 'error', title: 'A text longer than the record format allows.', help: 'Limits keep every record readable and every check fast.' },
  'too-many': { severity: 'error', title: 'More items than the record format allows.', help: 'Limits keep every record readable and every check fast.' },
  'bad-key': { severity: 'error', title: 'A key that cannot be used in a record.', help: 'The key is not in the form the record format uses here.' },
  'bad-area-key': { severity: 'error', title: 'An area key must be one of the template’s areas, written in kebab-case.', help: 'Area keys are written like physical-care.' },
  'bad-section-key': { severity: 'error', title: 'A section key must be one of the template’s section numbers, quoted ("1.1").', help: 'Unquoted, 1.10 would be read as the number 1.1.' },
  schema: { severity: 'error', title: 'The record does not match the schema.', help: 'A rule of the record format not described more precisely.' },
  'too-many-problems': { severity: 'error', title: 'More problems of the schema than are listed.', help: 'The first 1,000 are listed and the rest counted, so any file is checked in near-linear time.' },
  // Rules beyond the schema: the template, other fields, the calendar.
  'unknown-area': { severity: 'error', title: 'An area must be one of the template’s areas.', help: 'The toolkit assesses its own areas of need; another area would be left out of every view.' },
  'unknown-section': { severity: 'error', title: 'A section must belong to its area in the template.', help: 'A section under the wrong area would be scored against the wrong descriptors.' },
  'score-and-not-relevant': { severity: 'error', title: 'A section has a score or a reason it is not relevant, not both.', help: 'The two say opposite things; keep one.' },
  'impossible-date': { severity: 'error', title: 'A date must exist in the calendar.', help: '2019-02-30 is no day: the date was mistyped.' },
  'previous-not-before-completed': { severity: 'error', title: 'A review’s previous toolkit must be before this one.', help: 'A review looks back at the toolkit before it.' },
  'session-after-completed': { severity: 'error', title: 'A session cannot be after the toolkit was completed.', help: 'The scores can only draw on what came before.' },
  'born-after-completed': { severity: 'error', title: 'The child’s date of birth must be before the toolkit was completed.', help: 'One of the two dates is mistyped.' },
  'next-review-not-after-completed': { severity: 'error', title: 'The next review must be after the toolkit was completed.', help: 'The toolkit should be reviewed regularly with the family to look at what changes have taken place.' },
  'duplicate-contributor': { severity: 'error', title: 'Each contributor id is used once in a record.', help: 'A `by` must name one contributor.' },
  'unknown-contributor': { severity: 'error', title: 'A `by` names one of the record’s contributors.', help: 'Who gathered the evidence is part of the evidence.' },
  'duplicate-record': { severity: 'error', title: 'One record per child and completion date in a batch.', help: 'Two files for the same toolkit would be counted twice and could disagree.' },
  'completed-in-future': {
    severity: 'error',
    title: 'The completion date must not be after today.',
    help: 'A toolkit is recorded once it is completed; a typo such as 2202 would make this the child’s latest record and hide an overdue review.',
  },
  // Practice the guidance asks for, and the conversations it asks for.
  'discuss-with-lead': {
    severity: 'prompt',
    title: 'Mainly {worrying-plural} with impact: discuss with the safeguarding lead as soon as possible.',
    help: 'If there are mainly {worrying-plural} and there are detailed examples of the negative impact on the child, this is cause for concern and should be discussed with the relevant safeguarding lead or manager, as soon as possible, so that a clear plan of support can be agreed. The trigger is professional judgement, not a score. Once `lead_consulted` is recorded the prompt has done its work.',
    report: true,
  },
  'domestic-abuse-reminder': {
    severity: 'prompt',
    title: 'Parental conflict scored {worrying-range} or described: look for indicators of domestic abuse; consider a DASH RIC where safe.',
    help: 'When discussing parental conflict (section 5.2), practitioners should be vigilant and confident there are no indicators of domestic abuse, including fear, imbalance of power and controlling behaviour; this may require urgent actions such as a DASH RIC, if it is safe to do so.',
    report: true,
  },
  'lead-not-consulted': {
    severity: 'warning',
    title: 'Mainly {worrying-plural}: record when the safeguarding lead was consulted.',
    help: 'Mainly {worrying-plural} should be discussed with the safeguarding lead or manager; recording when (summary.lead_consulted) shows it was.',
    report: true,
  },
  'parent-score-differs': {
    severity: 'prompt',
    title: 'The parent’s own score differs from the practitioner’s by 2 or more: a conversation to have.',
    help: 'Ask the parents/carers to give their views and where they would place themselves in the descriptors; views 2 or more apart are worth talking through side by side.',
  },
  'impact-missing': { severity: 'warning', title: 'An area scored {worrying-or} should record the impact on the child.', help: 'The impact on the child is the heart of the summary sheet: scores alone do not say what the child lives with.' },
  'no-sessions': { severity: 'warning', title: 'The toolkit should record the sessions the evidence came from.', help: 'Because care of children can fluctuate over time, the toolkit should be undertaken over several sessions.' },
  'no-unannounced-visit': { severity: 'warning', title: 'The sessions should include an unannounced visit.', help: 'To avoid results being distorted, the toolkit should be undertaken through announced and unannounced visits.' },
  'child-not-seen-alone': { severity: 'warning', title: 'The child should be seen on their own in at least one session.', help: 'Speak to the child to inform your completion of the toolkit: their lived experience is what it assesses.' },
  'review-without-previous': { severity: 'warning', title: 'A review should name the toolkit it reviews.', help: 'A review looks at what changes have taken place since the toolkit before it (assessment.previous).' },
  'section-not-scored': { severity: 'warning', title: 'A section should have a score or a reason it is not relevant.', help: 'Score it or leave it out, so a blank is never read as a score.' },
  'no-areas': { severity: 'warning', title: 'A toolkit should assess at least one area of need.', help: 'Score at least the areas you know; under `--strict` an incomplete toolkit fails.' },
  'child-voice-missing': {
    severity: 'warning',
    title: 'The child’s voice should be recorded.',
    help: 'Speak to the child to inform your completion of the toolkit: what is working well, what worries them and what needs to happen, in their words or, for a child who cannot say, what play and observation showed.',
  },
  'decision-missing': { severity: 'warning', title: 'A finished toolkit records the decision made with the safeguarding lead or manager.', help: 'It is important to clearly record decisions made and regularly review.' },
  'next-review-missing': { severity: 'warning', title: 'A finished toolkit sets a date for the next review.', help: 'The neglect toolkit should be reviewed regularly with the family to look at what changes have taken place in response to the support offered.' },
  'review-overdue': { severity: 'warning', title: 'The next review date has passed.', help: 'The toolkit should be reviewed regularly with the family; checked on a child’s latest record only.' },
  'explanation-mismatch': {
    severity: 'prompt',
    title: 'An explanation did not match what was seen: look again.',
    help: 'An explanation that does not fit what was seen is a conversation to have again with the family, never a conclusion.',
  },
  // Across records: siblings of a home, and a child's toolkits over time.
  'differential-care': {
    severity: 'prompt',
    title: 'Two children of a home scored apart in an area.',
    help: 'A section 2 or more apart, or one child scored better throughout the area by 2 or more in all: there may be differences in the love and care provided to individual children.',
    report: true,
    acrossRecords: true,
  },
  'household-wide-differs': {
    severity: 'prompt',
    title: 'A section usually the same for every child in the home scored differently for siblings.',
    help: 'The template marks sections such as home conditions, carer wellbeing, parental conflict and support network as `household_wide`: poor housing conditions are likely to impact all of the children.',
    report: true,
    acrossRecords: true,
  },
  'drift-action-overdue': {
    severity: 'prompt',
    title: 'An action of the child’s latest plan is past its date and not recorded as done.',
    help: 'A plan of support helps only when it is carried out; an action left undone is drift.',
    report: true,
    acrossRecords: true,
  },
  'drift-review-late': {
    severity: 'prompt',
    title: 'A review held later than the toolkit before it planned, or not yet held.',
    help: 'Your safeguarding lead or manager will advise on how often review should happen, in line with the level of the child’s need.',
    report: true,
    acrossRecords: true,
  },
  'drift-no-improvement': {
    severity: 'prompt',
    title: 'The same section scored {worrying-or} at three or more toolkits in a row, never better.',
    help: 'The toolkit can be used to track where the child’s situation is getting worse, or failing to improve.',
    report: true,
    acrossRecords: true,
  },
} as const satisfies Record<string, FindingCodeInfo>;

/**
 * The words a registry text's placeholders take: a template's (its
 * `worryingWords`, which template/scale-facts.ts makes), or words for any
 * scale. Declared here, below the templates, so the registry needs nothing
 * from the layers above it.
 */
export interface RegistryWords {
  /** The worrying scores: "3 or 4" on nscp-ncscp/2021's scale. */
  or: string;
  /** "3s and 4s". */
  plural: string;
  /** "3-4". */
  range: string;
  /** The whole scale, lowest to highest: "1-4". */
  span: string;
}

/** For a rule described apart from any record (SARIF's rule list): words that fit every template's scale. */
export const ANY_SCALE: RegistryWords = { or: 'at a worrying score', plural: 'worrying scores', range: 'at a worrying score', span: 'a whole number from 0 to 10 at most' };

/** A registry title or help with its placeholders filled from a scale's words. */
export function scaleWorded(text: string, words: RegistryWords): string {
  return text.replace(/\{(worrying-or|worrying-plural|worrying-range|scale)\}/g, (_m, name: string) =>
    name === 'worrying-or' ? words.or : name === 'worrying-plural' ? words.plural : name === 'worrying-range' ? words.range : words.span,
  );
}

/** Every code a finding can have: a code outside the registry does not compile. */
export type FindingCode = keyof typeof FINDING_CODES;

/** The codes the caseload report counts per child, in the registry's order. */
export type ReportPromptCode = { [C in FindingCode]: (typeof FINDING_CODES)[C] extends { report: true } ? C : never }[FindingCode];

export const findingCodes = Object.keys(FINDING_CODES) as FindingCode[];

export function findingCodeInfo(code: FindingCode): FindingCodeInfo {
  return FINDING_CODES[code];
}

/** A code's severity: rules name the code, the registry says how serious it is. */
export function severityOf(code: FindingCode): Severity {
  return FINDING_CODES[code].severity;
}

/** Whether a string read back (a cache, a script's input) is one of the codes. */
export function isFindingCode(code: unknown): code is FindingCode {
  return typeof code === 'string' && Object.hasOwn(FINDING_CODES, code);
}
