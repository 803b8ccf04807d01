/* Generated from schemas/template.schema.json by scripts/gen-record-types.mjs - do not edit by hand; run `npm run gen:types`. */

export type Text = string

/**
 * A toolkit template as data: its scoring scale, its areas of need (each with numbered sections, a short description and a descriptor for every score), the decisions a practitioner may record, the front doors that serve a child's address and the questions asked at a review. Records name the template they use by its id; the code holds no toolkit's words.
 */
export interface ToolkitTemplate {
/**
 * Id and version of the template, as records name it in `template:`, e.g. nscp-ncscp/2021.
 */
id: string
/**
 * The toolkit's name as shown to practitioners and families.
 */
title: string
/**
 * The safeguarding partnership or partnerships that publish the toolkit.
 */
partnership?: string
/**
 * Which end of the scale is the better care: lower (1 needs consistently met, 4 most essential needs unmet, as in nscp-ncscp/2021) or higher (e.g. a 0-10 scale where 10 is the best care). Every view that says a score improved, got worse, held or slipped back reads it from here. Omitted, lower.
 */
better?: ("lower" | "higher")
/**
 * The scoring scale, one entry per score, in the order of the scores (the lowest first), e.g. 1 (needs consistently met) to 4 (most essential needs unmet). Scores are consecutive whole numbers; `better` says which end is the better care. At least one score is marked worrying, and the worrying scores are the worst of the scale.
 * 
 * @minItems 2
 * @maxItems 11
 */
scale: [ScalePoint, ScalePoint, ...(ScalePoint)[]]
/**
 * The areas of need, in the order the toolkit presents them.
 * 
 * @minItems 1
 * @maxItems 20
 */
areas: [Area, ...(Area)[]]
/**
 * What a practitioner may record as decided with the safeguarding lead or manager (a record's `summary.decision`), from the least to the most intervention. The toolkit informs the decision; it never makes it.
 * 
 * @minItems 1
 * @maxItems 20
 */
decisions: [Decision, ...(Decision)[]]
/**
 * The Early Help / safeguarding front doors a child's address may be served by (a record's `child.front_door`).
 * 
 * @minItems 1
 * @maxItems 20
 */
front_doors: [FrontDoor, ...(FrontDoor)[]]
/**
 * The questions answered at a review (a record's `review:`), in the order they are asked and shown.
 * 
 * @minItems 1
 * @maxItems 30
 */
review_questions: [ReviewQuestion, ...(ReviewQuestion)[]]
}
/**
 * One point on the scoring scale.
 */
export interface ScalePoint {
/**
 * The score this entry describes, a whole number from 0 to 10.
 */
score: number
/**
 * A short label for the score, a few words, e.g. Needs consistently met.
 */
label: string
/**
 * One sentence on what the score means for the child.
 */
meaning: string
/**
 * True for the scores the guidance calls worrying care (e.g. 3 and 4 of a 1-4 scale where lower is better; 0 to 3 of a 0-10 scale where higher is better): they count towards "mainly worrying", raise reminders and are picked out in reports. They are the worst scores of the scale. Omit otherwise.
 */
worrying?: boolean
}
/**
 * One area of need and its sections.
 */
export interface Area {
/**
 * The area's kebab-case key, as used under `areas:` in records, e.g. physical-care.
 */
key: string
/**
 * The area's number in the toolkit; its sections are numbered from it (area 5 holds 5.1, 5.2, ...).
 */
number: number
/**
 * The area's title, first word capitalised, e.g. Physical care.
 */
title: string
/**
 * One line on what this area looks at.
 */
description?: string
/**
 * The area's sections, in order.
 * 
 * @minItems 1
 * @maxItems 50
 */
sections: [Section, ...(Section)[]]
}
/**
 * One section of an area: what it asks about and what care looks like at each score.
 */
export interface Section {
/**
 * The toolkit's own number for the section, quoted in YAML, e.g. "5.2".
 */
key: string
/**
 * The section's title, first word capitalised, e.g. Food and feeding.
 */
title: string
/**
 * One line: the question the practitioner keeps in mind for this section.
 */
description: string
/**
 * True when this section is normally the same for every child in the home (e.g. home conditions), so siblings' scores can be compared and shared. Omit otherwise.
 */
household_wide?: boolean
/**
 * True when the guidance asks, before this section is scored, what it is usually like over several visits and whether it recently changed, and what help from outside the family shaped what was seen (home conditions). Omit otherwise.
 */
usual_state?: boolean
/**
 * What care looks like at each score of the scale for this section, keyed by score (every score of the scale, no other). Plain English for practitioners and parents.
 */
descriptors: {
[k: string]: Text
}
reminder?: Reminder
}
/**
 * A practice reminder shown when this section scores high or its text mentions certain words (at least one of the two triggers besides the code and the text). It reminds; it never decides.
 */
export interface Reminder {
/**
 * The finding code the reminder is raised with, kebab-case, e.g. domestic-abuse-reminder: scripts and the caseload report count it by this code.
 */
code: string
/**
 * Show the reminder when the section's score is this or worse (a score of the scale; at least this on a scale where lower is better, at most this where higher is better).
 */
when_score_at_least?: number
/**
 * Show the reminder when the recorded text mentions any of these lower-case word stems (e.g. argu for argue, arguing, argument).
 * 
 * @minItems 1
 * @maxItems 100
 */
when_text_mentions?: [string, ...(string)[]]
/**
 * The reminder shown to the practitioner.
 */
text: string
}
/**
 * One decision a practitioner may record.
 */
export interface Decision {
/**
 * The decision's kebab-case key, as records hold it in `summary.decision`, e.g. early-help.
 */
key: string
/**
 * What the decision means, in the words of the guidance, as every view shows it.
 */
label: string
/**
 * The service or route the decision leads to, a few words, e.g. Early Help or MASH.
 */
pathway: string
}
/**
 * One front door.
 */
export interface FrontDoor {
/**
 * The front door's kebab-case key, as records hold it in `child.front_door`, e.g. city.
 */
key: string
/**
 * The front door's name as shown, e.g. Nottingham City.
 */
label: string
}
/**
 * One review question.
 */
export interface ReviewQuestion {
/**
 * The question's snake_case key, as records hold the answer under `review:`, e.g. support_working.
 */
key: string
/**
 * The question as asked and shown, e.g. Is the support working and making a difference to the child?
 */
question: string
/**
 * True when the question must be answered at every review, e.g. whether there is any indication of significant harm: the interview does not go on, and a review written from answers is refused, without it. Omit otherwise.
 */
required?: boolean
/**
 * True when the question is asked with what improved since the last toolkit in front of the practitioner, e.g. whether progress held and was celebrated. Omit otherwise.
 */
with_improvements?: boolean
}
