import type { RedactionKind, ReviewCandidate } from '../analyse/redaction.js';
import { terminalSafeLine } from './safe-text.js';

/** How `ntk redact` words a run on standard error: the review list and what was replaced, in the terminal's words. */

const why: Record<ReviewCandidate['why'], string> = {
  'unknown-word': 'a capitalised word that is neither a known word nor a name it knows',
  number: 'a number that may be an identifier',
  place: 'may be a street or house named with ordinary words',
  'after-title': 'an ordinary word after a title or kinship word',
};

/** The review list: each word or number left that may identify someone, with where it is and the words around it. */
export function renderReviewList(review: readonly (ReviewCandidate & { file: string })[]): string {
  if (review.length === 0) return 'review list: nothing left that looks like a name or a number\n';
  const lines = review.map((r) => `  ${terminalSafeLine(r.file)}  ${terminalSafeLine(r.path)}  "${terminalSafeLine(r.text)}": ${why[r.why]}\n      ...${terminalSafeLine(r.context)}...`);
  return `review list: ${review.length} word${review.length === 1 ? '' : 's'} or number${review.length === 1 ? '' : 's'} left as they were; check each before sharing:\n${lines.join('\n')}\n`;
}

/** What each kind of replacement is called, one and many, in the order the counts are printed; every kind has its line. */
const replaced: Record<RedactionKind, readonly [string, string]> = {
  name: ['name', 'names'],
  reference: ['child or family reference', 'child or family references'],
  household: ['household reference', 'household references'],
  identifier: ['contributor id made of a name', 'contributor ids made of a name'],
  born: ['date of birth coarsened', 'dates of birth coarsened'],
  birthDateInText: ['date of birth in the text', 'dates of birth in the text'],
  email: ['e-mail address', 'e-mail addresses'],
  phone: ['phone number', 'phone numbers'],
  nhs: ['NHS number', 'NHS numbers'],
  postcode: ['postcode', 'postcodes'],
  address: ['street address or named house', 'street addresses or named houses'],
  school: ['school or nursery name', 'school or nursery names'],
};

/** What was replaced, as counts only: the report itself must not carry an identifier. */
export function renderRedactionCounts(counts: Record<RedactionKind, number>, files: number, out: string): string {
  const lines = (Object.keys(replaced) as RedactionKind[]).map((kind) => {
    const [one, many] = replaced[kind];
    return `  ${String(counts[kind]).padStart(5)} ${counts[kind] === 1 ? one : many}`;
  });
  return `wrote ${files} pseudonymised record${files === 1 ? '' : 's'} to ${terminalSafeLine(out)}; replaced:\n${lines.join('\n')}`;
}
