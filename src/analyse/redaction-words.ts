import nlp from 'compromise';

/**
 * What redaction knows about words: which are people's names and which are
 * ordinary English. The names come from compromise's lexicon (the word lists
 * its people detection is built on: about 4,000 first and family names, with
 * the honorifics); the ordinary words from the same lexicon, from the template
 * and from the records themselves. compromise is loaded only by `ntk redact`.
 */
const nameTags = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person']);

let lexicon: Record<string, string | string[]> | null = null;

function lexiconTags(word: string): string[] {
  lexicon ??= (nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one.lexicon;
  const tags = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}

/** A folded word the lexicon knows only as a person's name (Dan, Mandy, Dixon). */
export function isLexiconName(word: string): boolean {
  const tags = lexiconTags(word);
  return tags.length > 0 && tags.every((t) => nameTags.has(t));
}

/** A family name in the lexicon (Dixon, Jones): what may follow a first name. */
export function isLexiconSurname(word: string): boolean {
  return lexiconTags(word).includes('LastName');
}

/** A folded word the lexicon knows as something other than a name (brown, checked, neighbour). */
export function isLexiconWord(word: string): boolean {
  const tags = lexiconTags(word);
  return tags.length > 0 && !tags.every((t) => nameTags.has(t));
}

const taggedCache = new Map<string, boolean>();

/**
 * Whether compromise's tagger reads a folded word it has no entry for as an
 * adjective, verb or adverb by its form (designated, postnatal, eligible):
 * an ordinary word, not a name, for the review list. Not used to decide
 * what is a name: family names can look like verbs ("Ratched").
 */
export function isTaggedWord(word: string): boolean {
  const cached = taggedCache.get(word);
  if (cached !== undefined) return cached;
  const tags = ((nlp(word).json() as { terms?: { tags?: string[] }[] }[])[0]?.terms?.[0]?.tags ?? []);
  const known = !tags.some((t) => nameTags.has(t) || t === 'ProperNoun') && tags.some((t) => ['Adjective', 'Verb', 'Adverb'].includes(t));
  if (taggedCache.size < 100_000) taggedCache.set(word, known);
  return known;
}

/** Names that are also everyday words, whatever the lexicon says: a name only when written with a capital. */
export const everydayWords = new Set([
  'will', 'may', 'pat', 'rose', 'grace', 'faith', 'hope', 'joy', 'mark', 'bill', 'sue', 'jack', 'art', 'dawn', 'summer',
  'april', 'june', 'august', 'ray', 'guy', 'rich', 'frank', 'eve', 'sky', 'amber', 'ruby', 'holly', 'ivy', 'lily', 'rob',
  'don', 'ken', 'kit', 'bob', 'carol', 'robin', 'drew', 'lee', 'dean', 'ben', 'max', 'gene', 'penny', 'sunny', 'mo',
  'christian', 'chase', 'hunter', 'cliff', 'brook', 'dale', 'glen', 'heather', 'iris', 'jade', 'pearl', 'violet', 'hazel',
  'miles', 'norman', 'page', 'wade', 'young', 'white', 'black', 'green', 'brown', 'hill', 'wood', 'king', 'baker', 'long',
  'none', 'christmas', 'easter', 'eid', 'diwali', 'ramadan', 'hanukkah', 'halloween', 'bonfire',
]);

/** Words that stand before a name and say who the person is: honorifics are always followed by a name. */
export const honorifics = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'mstr', 'master']);
/** Titles, roles and kinship words that are followed by a name when the next word is not an ordinary word. */
export const titleWords = new Set([
  'dr', 'doctor', 'nurse', 'pc', 'wpc', 'dc', 'ds', 'di', 'sgt', 'sergeant', 'insp', 'inspector', 'cllr', 'councillor', 'rev', 'revd',
  'reverend', 'fr', 'father', 'prof', 'professor', 'sister', 'matron', 'judge', 'auntie', 'aunty', 'aunt', 'uncle', 'nan',
  'nana', 'nanna', 'nanny', 'gran', 'granny', 'grandma', 'grandad', 'granddad', 'grandpa', 'grandmother', 'grandfather', 'cousin',
  'great-nan', 'great-gran', 'stepdad', 'stepmum', 'mum', 'mam', 'dad', 'brother', 'partner', 'neighbour', 'friend', 'boyfriend',
  'girlfriend', 'teacher', 'sir',
]);
/** Kinship and role words among the title words: written lower case they are ordinary words. */
export const weakTitles = new Set(['sister', 'father', 'mum', 'mam', 'dad', 'brother', 'partner', 'neighbour', 'friend', 'boyfriend', 'girlfriend', 'teacher', 'sir', 'judge', 'doctor', 'nurse']);
/** Particles inside family names: de Souza, van Dijk, bin Rashid, Ní Bhriain. */
export const particles = new Set(['de', 'da', 'das', 'do', 'dos', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'le', 'la', 'du', 'st', 'ten', 'ter', 'bin', 'bint', 'ibn', 'al', 'el', 'ben', 'mac', 'mc', 'ni', 'nic', 'o', 'ua', 'ap']);

/** Words that never stand for a name after a title ("Mrs in the kitchen", "the dr said"). */
export const functionWords = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'is', 'was', 'are', 'were',
  'be', 'been', 'has', 'had', 'have', 'he', 'she', 'it', 'they', 'we', 'you', 'i', 'her', 'his', 'their', 'our', 'my', 'your', 'its',
  'this', 'that', 'these', 'those', 'who', 'which', 'what', 'when', 'where', 'not', 'no', 'so', 'if', 'then', 'than', 'too', 'very',
  'said', 'says', 'came', 'went', 'will', 'would', 'could', 'should', 'can', 'did', 'does', 'do', 'also', 'about', 'after', 'before',
  'again', 'all', 'both', 'each', 'up', 'out', 'there', 'here', 'now', 'still', 'just', 's',
]);

export const monthWords = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);
