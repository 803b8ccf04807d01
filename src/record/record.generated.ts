/* Generated from schemas/toolkit.schema.json by scripts/gen-record-types.mjs - do not edit by hand; run `npm run gen:types`. */

/**
 * One child's neglect toolkit as completed on one date: an initial assessment or one review. A later review is a new file; the folder of a child's files, kept in git, is the audit trail.
 */
export interface ToolkitRecord {
/**
 * The record format and its version. Always exactly neglect-toolkit/1.
 */
format: "neglect-toolkit/1"
/**
 * Id and version of the toolkit template the areas and sections come from (a file in templates/), e.g. nscp-ncscp/2021.
 */
template: string
child: Child
assessment: Assessment
child_voice?: ChildVoice
/**
 * The areas of need that were assessed, keyed by the template's area key (e.g. physical-care). Any subset: a practitioner fills the areas they know.
 */
areas?: {
[k: string]: Area
}
summary?: Summary
review?: ReviewAnswers
}
/**
 * The child this toolkit is about. Each child has their own toolkit, even when siblings are assessed together.
 */
export interface Child {
/**
 * Case reference, unique per child, e.g. MJ-2020-01. Letters, digits, dots, dashes and underscores; starts with a letter or digit.
 */
ref: string
/**
 * The child's name as the family uses it. Removed by `ntk redact`.
 */
name?: string
/**
 * Date of birth, YYYY-MM-DD. Coarsened by `ntk redact`.
 */
born?: string
/**
 * Household reference: the same value links siblings' toolkits, e.g. H-2020-07.
 */
household?: string
/**
 * Which Early Help / safeguarding front door serves the child's address: a key of the template's `front_doors`, e.g. city (Nottingham City) or county (Nottinghamshire) in nscp-ncscp/2021.
 */
front_door?: string
/**
 * The people in the child's life whom the toolkit talks about: parents, carers, siblings, others. Names are removed by `ntk redact`.
 * 
 * @maxItems 50
 */
family?: FamilyMember[]
}
/**
 * One person in the child's life.
 */
export interface FamilyMember {
/**
 * The person's name as used in the notes.
 */
name: string
/**
 * Who they are to the child, e.g. mother, mother's partner, half-brother, grandmother.
 */
relationship: string
/**
 * The person's own case reference, if they have one (e.g. a sibling's child ref).
 */
ref?: string
/**
 * Whether they live in the child's home most of the time.
 */
lives_with_child?: boolean
/**
 * Since when `lives_with_child` holds (the date they moved in or out, or were born), YYYY-MM-DD; recorded when a review updates the family.
 */
since?: string
}
/**
 * When and how the toolkit was completed, and who contributed.
 */
export interface Assessment {
/**
 * initial for the first toolkit, review for each later one.
 */
type: ("initial" | "review")
/**
 * Reviews only: the `completed` date of the toolkit this one reviews.
 */
previous?: string
/**
 * The date the scores describe, YYYY-MM-DD.
 */
completed: string
/**
 * When and how the evidence was gathered: the toolkit should be completed over several sessions, announced and unannounced.
 * 
 * @maxItems 200
 */
sessions?: Session[]
/**
 * Who contributed: several agencies may each fill the areas they know.
 * 
 * @maxItems 100
 */
contributors?: Contributor[]
/**
 * How the family took part and how the toolkit was shared with them.
 */
involvement?: string
/**
 * Background factors allowed for, e.g. a recent bereavement or loss of a job.
 */
background?: string
/**
 * Household toolkits only: what was assessed once for all the children of the household and is the same in each sibling's file - section numbers (e.g. "1.2"), `family` (the family list), `analysis` (the summary's analysis). A household edit or review updates these in every sibling's file.
 * 
 * @maxItems 100
 */
household_shared?: string[]
home?: HomeConditions
/**
 * Help from outside the family that shaped what was seen (e.g. a support worker cleared the house the day before) and so is not credited to the parents' own care.
 */
outside_help?: string
/**
 * Explanations given that did not match what was observed. Each is a prompt to look again, never a finding of fact.
 * 
 * @maxItems 100
 */
explanations?: UnmatchedExplanation[]
}
/**
 * One visit, meeting, call or observation.
 */
export interface Session {
/**
 * When it happened, YYYY-MM-DD; not after `completed`.
 */
date: string
/**
 * What kind of contact it was.
 */
type: ("announced-visit" | "unannounced-visit" | "meeting" | "phone" | "observation" | "other")
/**
 * Id of the contributor who led it (see assessment.contributors).
 */
by?: string
/**
 * Whether this child was seen in this session. Each child's file says it for that child: in a household, a session shared by siblings can have the brother seen and the baby not.
 */
seen?: boolean
/**
 * Whether this child was seen on their own. Each child's file says it for that child: in a household, only the children actually seen alone have true.
 */
seen_alone?: boolean
/**
 * Who was there and what was seen.
 */
note?: string
}
/**
 * One practitioner who contributed.
 */
export interface Contributor {
/**
 * A short id, unique in this file, that `by` fields refer to, e.g. hv1.
 */
id: string
/**
 * The practitioner's name. Removed by `ntk redact`.
 */
name?: string
/**
 * Their role, e.g. Health visitor, Class teacher.
 */
role?: string
/**
 * Their agency or service, e.g. Community health, Primary school.
 */
agency?: string
last_edit?: LastEdit
}
/**
 * What this contributor last changed with `ntk edit` or `ntk review` and when (git keeps the full history).
 */
export interface LastEdit {
/**
 * When they last changed the record, YYYY-MM-DD.
 */
date: string
/**
 * The sections whose score or evidence they changed, by number (e.g. "1.1").
 * 
 * @maxItems 100
 */
sections?: string[]
}
/**
 * What the home is usually like, not only on the day of a visit, and whether it recently changed: the guidance asks both before home conditions are scored.
 */
export interface HomeConditions {
/**
 * The usual state of the home, as seen over several visits and as others describe it.
 */
usual?: string
/**
 * Whether the home recently improved or deteriorated, or stayed as it usually is.
 */
recent_change?: ("improved" | "deteriorated" | "unchanged")
/**
 * What changed recently and why, if it did.
 */
change_note?: string
}
/**
 * One explanation and what was observed instead.
 */
export interface UnmatchedExplanation {
/**
 * The explanation given, and by whom (e.g. Mum: the fridge is empty because shopping comes tomorrow).
 */
said: string
/**
 * What was seen or heard that did not match it.
 */
observed?: string
}
/**
 * The child's own voice, gathered for this child on their own: their words, or for a child who cannot say, what was seen in play and observation.
 */
export interface ChildVoice {
/**
 * What the child says is working well.
 */
working_well?: string
/**
 * What the child says worries them.
 */
worried_about?: string
/**
 * What the child says needs to happen.
 */
needs_to_happen?: string
/**
 * How the child's voice was gathered: their own words, play, drawing, observation of a child who cannot say (a baby, a child with little speech), or what someone who knows them well says.
 * 
 * @maxItems 5
 */
gathered?: ("words" | "play" | "drawing" | "observation" | "someone-who-knows-them")[]
/**
 * How the child was heard, in more detail (e.g. watched at play with the health visitor; mostly single words).
 */
gathered_note?: string
}
/**
 * One area of need: its sections and the practitioner's strengths, concerns and impact on the child.
 */
export interface Area {
/**
 * The sections assessed in this area, keyed by the toolkit's own number, quoted (e.g. "1.1").
 */
sections?: {
[k: string]: Section
}
/**
 * Strengths in the care given in this area.
 */
strengths?: string
/**
 * Concerns about the care given in this area.
 */
concerns?: string
/**
 * Examples of the impact on the child - the heart of the summary sheet.
 */
impact?: string
}
/**
 * One section: the practitioner's score and evidence, or why it does not apply.
 */
export interface Section {
/**
 * The practitioner's score on the template's scale, e.g. in nscp-ncscp/2021, where lower is better care: 1 needs consistently met, 2 mostly met, 3 some essential needs unmet, 4 most essential needs unmet with clear harm.
 */
score?: number
/**
 * Where the parent or carer places themselves on the same scale as the practitioner's score (the record's template's).
 */
parent_score?: number
/**
 * Where each parent or carer who took part places themselves, when two or more gave their own view: one entry per carer, shown side by side with the practitioner's score. Optional; a single carer's view is parent_score.
 * 
 * @minItems 2
 */
carer_scores?: [CarerScore, CarerScore, ...(CarerScore)[]]
/**
 * What was seen, heard and told, with dates.
 */
evidence?: string
/**
 * What was done about the template's practice reminder for this section when it was raised (for 5.2: whether indicators of domestic abuse were looked for, a DASH RIC completed or why not, who was told). Optional; the reminder is still shown, since the guidance asks it at every contact.
 */
reminder_response?: string
/**
 * Id of the contributor who scored this section (see assessment.contributors).
 */
by?: string
/**
 * Why this section does not apply to this child or carer (instead of a score, never with one).
 */
not_relevant?: string
}
/**
 * One carer's own view of the care in a section.
 */
export interface CarerScore {
/**
 * Who: their name as child.family gives it (removed by `ntk redact`), or who they are to the child (e.g. mother, stepfather).
 */
carer: string
/**
 * Where this carer places themselves on the same scale as the practitioner's score (the record's template's).
 */
score: number
}
/**
 * The summary sheet: analysis, discussion with the safeguarding lead, decision and plan.
 */
export interface Summary {
/**
 * The practitioner's analysis of the child's lived experience across the areas.
 */
analysis?: string
/**
 * What the parents or carers said about the toolkit and where they place themselves.
 */
parent_views?: string
/**
 * When this was discussed with the safeguarding lead or manager, YYYY-MM-DD.
 */
lead_consulted?: string
/**
 * What was decided with the safeguarding lead or manager: a key of the template's `decisions`, e.g. early-help in nscp-ncscp/2021. The toolkit informs this decision; it never makes it.
 */
decision?: string
/**
 * The plan: who does what by when.
 * 
 * @maxItems 200
 */
actions?: Action[]
/**
 * When the toolkit will next be reviewed with the family, YYYY-MM-DD.
 */
next_review?: string
}
/**
 * One action in the plan.
 */
export interface Action {
/**
 * What will be done.
 */
action: string
/**
 * Who will do it.
 */
who?: string
/**
 * When it should be done by, YYYY-MM-DD.
 */
by?: string
/**
 * When it was done, YYYY-MM-DD (left out while still open).
 */
done?: string
/**
 * An action for the whole household (e.g. chase the landlord about the damp): the same in each sibling's file, and updated in all of them at a review.
 */
household?: boolean
/**
 * When the action was taken out of the plan without being done, YYYY-MM-DD (with `reason`).
 */
dropped?: string
/**
 * Why the action was changed or dropped at a review.
 */
reason?: string
}
/**
 * Reviews only: the answers to the template's `review_questions`, keyed by question (the nscp-ncscp/2021 keys are listed here).
 */
export interface ReviewAnswers {
/**
 * Is the support in place working, and is it making a positive difference to the child?
 */
support_working?: string
/**
 * Have the circumstances that originally caused concern changed?
 */
circumstances_changed?: string
/**
 * Have the needs increased, or failed to improve, so that other services are now needed?
 */
needs_increased?: string
/**
 * Is there any indication that the child is at risk of significant harm?
 */
significant_harm?: string
/**
 * If care has improved, has it been sustained over time, and can the support be reduced?
 */
improvement_sustained?: string
/**
 * How progress was celebrated with the family, where it was made and held.
 */
celebrated?: string
/**
 * The answer to another of the template's review questions.
 */
[k: string]: string | undefined
}
