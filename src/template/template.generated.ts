/* Generated from schemas/template.schema.json by scripts/gen-record-types.mjs - do not edit by hand; run `npm run gen:types`. */

/**
 * A toolkit template as data: its scoring scale and its areas of need, each with numbered sections, a short description and a descriptor for every score. Records name the template they use by its id.
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
 * The scoring scale, one entry per score from 1 (needs consistently met) to 4 (most essential needs unmet, clear ongoing harm).
 * 
 * @minItems 4
 * @maxItems 4
 */
scale: [ScalePoint, ScalePoint, ScalePoint, ScalePoint, ...(ScalePoint)[]]
/**
 * The areas of need, in the order the toolkit presents them.
 * 
 * @minItems 1
 * @maxItems 20
 */
areas: [Area, ...(Area)[]]
}
/**
 * One point on the scoring scale.
 */
export interface ScalePoint {
/**
 * The score this entry describes, 1 to 4.
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
 * What care looks like at each score for this section, keyed 1 to 4. Plain English for practitioners and parents.
 */
descriptors: {
/**
 * Score 1: needs consistently met, the child comes first, clear strengths.
 */
"1": string
/**
 * Score 2: needs mostly met, small gaps, no real impact on the child.
 */
"2": string
/**
 * Score 3: some essential needs unmet or inconsistent, adult and child needs compete, some impact on the child.
 */
"3": string
/**
 * Score 4: most essential needs unmet, adults' needs come first, clear ongoing harm.
 */
"4": string
}
reminder?: Reminder
}
/**
 * A practice reminder shown when this section scores high or its text mentions certain words (at least one of the two triggers besides the text). It reminds; it never decides.
 */
export interface Reminder {
/**
 * Show the reminder when the section's score is at least this (1 to 4).
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
