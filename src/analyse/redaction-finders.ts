import type { FoldedText } from './redaction-fold.js';
import { functionWords } from './redaction-words.js';

/**
 * The finders of identifiers that have a shape rather than a list: e-mail
 * addresses, phone and NHS numbers, postcodes, dates of birth, street
 * addresses, named houses and schools. Each runs over the folded text (so
 * case, accents, dash and space forms do not matter) with patterns that have
 * no nested repetition, so time stays linear in the length of the text.
 */
export type RedactionKind =
  | 'name'
  | 'reference'
  | 'household'
  | 'identifier'
  | 'born'
  | 'birthDateInText'
  | 'email'
  | 'phone'
  | 'nhs'
  | 'postcode'
  | 'address'
  | 'school';

/** A stretch of the folded text to replace. */
export interface Span {
  start: number;
  end: number;
  by: string;
  kind: RedactionKind;
}

/** What a finder may ask about the text beyond its folded form. */
export interface FinderContext {
  fold: FoldedText;
  /** Dates of birth of the run, as YYYY-MM-DD. */
  birthDates: ReadonlySet<string>;
  /** A folded word that is ordinary English, not a name (the lexicon, the template, the records' own lower-case words). */
  isOrdinary(word: string): boolean;
  /** A stretch that may identify someone but was left as it is: it goes on the review list. */
  uncertain(start: number, end: number): void;
}

export function capitalisedAt(fold: FoldedText, index: number): boolean {
  const ch = fold.text.charAt(fold.origin[index]!);
  return ch !== ch.toLowerCase();
}

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

function emails(ctx: FinderContext): Span[] {
  return [...ctx.fold.folded.matchAll(emailPattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, by: '[email]', kind: 'email' }));
}

/** NHS numbers: ten digits as 3-3-4 (spaced, dashed or run together) whose check digit is right, or any ten digits after "NHS". */
const nhsPattern = /(?<![\p{N}])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\p{N}])/gu;

export function nhsChecksumValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  return (check === 11 ? 0 : check) === Number(digits[9]) && check !== 10;
}

function nhsNumbers(ctx: FinderContext): Span[] {
  const spans: Span[] = [];
  const text = ctx.fold.folded;
  for (const m of text.matchAll(nhsPattern)) {
    const digits = m[1]! + m[2]! + m[3]!;
    if (nhsChecksumValid(digits) || /nhs[^\n\d]{0,20}$/.test(text.slice(Math.max(0, m.index - 24), m.index))) {
      spans.push({ start: m.index, end: m.index + m[0].length, by: '[NHS number]', kind: 'nhs' });
    }
  }
  return spans;
}

/**
 * UK phone numbers: a 0, +44, 0044 or (+44) (0) start, then the digits with any
 * of space, dot, dash, slash or brackets between them, as people write them.
 * A national number has 10 or 11 digits with its 0, 9 or 10 after 44.
 */
const phoneStart = /(?<![\p{N}+])(?:(?:\+|00)\s?\(?44\)?|\(?0(?=[\s().\-/]*[1-9]))/gu;
const phoneSeparator = /[\s().\-/]/u;

function phones(ctx: FinderContext): Span[] {
  const text = ctx.fold.folded;
  const spans: Span[] = [];
  for (const m of text.matchAll(phoneStart)) {
    const international = m[0] !== '0' && m[0] !== '(0';
    let digits = international ? 0 : 1;
    let i = m.index + m[0].length;
    let best = -1;
    let separators = 0;
    let leadingZero = international;
    // Walk the digits a few separators at a time; 40 characters bound the walk, so the scan stays linear.
    for (; i < text.length && i < m.index + 40; i++) {
      const ch = text[i]!;
      if (ch >= '0' && ch <= '9') {
        separators = 0;
        if (leadingZero && ch === '0' && digits === 0) {
          leadingZero = false;
          continue;
        }
        leadingZero = false;
        digits++;
        const ok = international ? digits === 9 || digits === 10 : digits === 10 || digits === 11;
        if (ok) best = i + 1;
        if (digits >= (international ? 10 : 11)) break;
      } else if (phoneSeparator.test(ch) && ++separators <= 3) {
        continue;
      } else break;
    }
    if (best > 0 && !/[\p{N}]/u.test(text.charAt(best))) {
      const end = text.charAt(best) === ')' ? best + 1 : best;
      spans.push({ start: m.index, end, by: '[phone]', kind: 'phone' });
    }
  }
  return spans;
}

const postcodePattern = /(?<![\p{L}\p{N}])[a-z]{1,2}\d[a-z\d]?[ ]{0,2}\d[a-z]{2}(?![\p{L}\p{N}])/gu;

function postcodes(ctx: FinderContext): Span[] {
  return [...ctx.fold.folded.matchAll(postcodePattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, by: '[postcode]', kind: 'postcode' }));
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthWord = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const ordinal = '(?:st|nd|rd|th)?';
const sep = '[\\s,./-]{0,3}';
/** Dates with a month name, day first or month first, with or without a year; and numeric dates, any order, any separator. */
const dayMonth = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})${ordinal}${sep}(?:of\\s+)?${monthWord}(?:${sep}(\\d{4}|'?\\d{2}))?(?![\\p{L}\\p{N}])`, 'gu');
const monthDay = new RegExp(`(?<![\\p{L}\\p{N}])${monthWord}${sep}(?:the\\s+)?(\\d{1,2})${ordinal}(?:${sep}(\\d{4}|'?\\d{2}))?(?![\\p{L}\\p{N}])`, 'gu');
const numericDate = /(?<![\p{N}./-])(\d{1,4})\s?([/.\- ])\s?(\d{1,2})\s?\2\s?(\d{1,4})(?![\p{N}]|[./-]\d)/gu;
/** Words after which a date is a date of birth whoever's it is. */
const birthCue = /(?:\bdob|\bd\.o\.b|date of birth|\bborn(?: on)?|\bbirthday(?: is)?|\bb\.)\W{0,4}$/u;

function yearsOf(written: string): number[] {
  const y = written.replace("'", '');
  if (y.length === 4) return [Number(y)];
  return [1900 + Number(y), 2000 + Number(y)];
}

function birthDates(ctx: FinderContext): Span[] {
  const text = ctx.fold.folded;
  const spans: Span[] = [];
  const isBirth = (start: number, end: number, candidates: [number | null, number, number][]): void => {
    const cued = birthCue.test(text.slice(Math.max(0, start - 24), start));
    const pad = (n: number): string => String(n).padStart(2, '0');
    const known = candidates.some(([y, m, d]) =>
      // Day and month without a year are a birthday only where the text says so.
      y === null ? cued && [...ctx.birthDates].some((born) => born.endsWith(`-${pad(m)}-${pad(d)}`)) : ctx.birthDates.has(`${y}-${pad(m)}-${pad(d)}`),
    );
    const plausible = candidates.some(([y, m, d]) => m >= 1 && m <= 12 && d >= 1 && d <= 31 && y !== null);
    if (known || (cued && plausible)) spans.push({ start, end, by: '[date of birth]', kind: 'birthDateInText' });
  };
  const named = (day: string, month: string, year: string | undefined): [number | null, number, number][] => {
    const m = months.indexOf(month.slice(0, 3)) + 1;
    return year === undefined ? [[null, m, Number(day)]] : yearsOf(year).map((y) => [y, m, Number(day)]);
  };
  for (const m of text.matchAll(dayMonth)) isBirth(m.index, m.index + m[0].length, named(m[1]!, m[2]!, m[3]));
  for (const m of text.matchAll(monthDay)) isBirth(m.index, m.index + m[0].length, named(m[2]!, m[1]!, m[3]));
  for (const m of text.matchAll(numericDate)) {
    const [a, b, c] = [m[1]!, m[3]!, m[4]!];
    // Year first (2012/03/14) or last (14.3.12, 3/14/2012, day or month first).
    if (a.length === 4 ? c.length > 2 : a.length > 2 || (c.length !== 2 && c.length !== 4)) continue;
    const candidates: [number | null, number, number][] =
      a.length === 4
        ? [[Number(a), Number(b), Number(c)]]
        : yearsOf(c).flatMap((y): [number, number, number][] => [
            [y, Number(b), Number(a)],
            [y, Number(a), Number(b)],
          ]);
    isBirth(m.index, m.index + m[0].length, candidates);
  }
  return spans;
}

/** Street types that are a street whatever word comes before them. */
const streetTypes = 'road|rd|street|st|avenue|ave|lane|ln|crescent|cres|terrace|gardens|gdns|mews|boulevard|drive|dr|close|grove';
/** Street types that are also everyday nouns ("a five minute walk", "Family Court"): a street only with a number or a name-like word before them. */
const looseStreetTypes = 'way|walk|court|ct|place|pl|rise|hill|square|sq|row|view|green|parade|park|vale|fields|meadow|croft|chase|heights';
const houseTypes = 'cottage|cottages|house|farm|farmhouse|lodge|barn|manor|villa|bungalow|mill|hall|grange|croft|cabin';
const addressWord = "[\\p{L}][\\p{L}'-]*";
const numbered = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:flat|apartment|apt|unit)\\.?\\s*\\d{1,4}[a-z]?,?\\s+)?\\d{1,4}[a-z]?,?\\s+((?:${addressWord}\\s+){1,3})(${streetTypes}|${looseStreetTypes})(?![\\p{L}\\p{N}])\\.?`,
  'gu',
);
const unnumbered = new RegExp(`(?<![\\p{L}\\p{N}'-])((?:${addressWord}\\s+){1,3})(${streetTypes}|${looseStreetTypes}|${houseTypes})(?![\\p{L}\\p{N}])\\.?`, 'gu');
const streetTypeSet = new Set(streetTypes.split('|'));
const houseTypeSet = new Set(houseTypes.split('|'));
const schoolPattern = new RegExp(
  `(?<![\\p{L}\\p{N}'-])((?:${addressWord}\\s+){1,4}?)((?:(?:primary|infants?|juniors?|secondary|high|grammar|church of england|c of e|cofe|catholic|rc|ce|community|special|free|church|methodist|day)\\s+)*(?:school|academy|nursery|college|pre-school|preschool|children's centre|childrens centre|primary|infants|juniors))(?![\\p{L}\\p{N}])`,
  'gu',
);
const schoolQualifiers = new Set(['primary', 'infant', 'infants', 'junior', 'juniors', 'secondary', 'high', 'grammar', 'catholic', 'rc', 'ce', 'community', 'special', 'free', 'church', 'methodist', 'day', 'nursery', 'local', 'new', 'old', 'village', 'previous', 'current', 'former']);

/**
 * The words of a match before its street, house or school word that are part
 * of a place's name: the last of them, back to the first that is not.
 * Capitalised words count (Acacia, Forest Fields); a lower-case word counts
 * only when it is not ordinary English ("acacia avenue", not "main road").
 */
function nameWordsBefore(ctx: FinderContext, wordsStart: number, words: string, extraStop: ReadonlySet<string>): number {
  const parts = [...words.matchAll(/\S+/gu)];
  let start = -1;
  for (let k = parts.length - 1; k >= 0; k--) {
    const w = parts[k]![0];
    const at = wordsStart + parts[k]!.index;
    if (functionWords.has(w) || extraStop.has(w) || /\d/u.test(w)) break;
    if (!capitalisedAt(ctx.fold, at) && ctx.isOrdinary(w)) break;
    start = at;
  }
  return start;
}

const noStop = new Set<string>();

function addresses(ctx: FinderContext): Span[] {
  const text = ctx.fold.folded;
  const spans: Span[] = [];
  const add = (start: number, end: number): void => void spans.push({ start, end, by: '[address]', kind: 'address' });
  for (const m of text.matchAll(numbered)) {
    const words = m[1]!;
    const wordsStart = m.index + m[0].lastIndexOf(words);
    const named = nameWordsBefore(ctx, wordsStart, words, noStop);
    const plain = [...words.matchAll(/\S+/gu)].every((w) => !functionWords.has(w[0]));
    // "17 mansfield road" is an address in any case; "3 hours on the way" is not, and "3 Mill Walk" is.
    if (streetTypeSet.has(m[2]!) ? plain : named === wordsStart) add(m.index, m.index + m[0].length);
  }
  const pattern = new RegExp(unnumbered.source, 'gu');
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const words = m[1]!;
    const type = m[2]!;
    const named = nameWordsBefore(ctx, m.index, words, noStop);
    // A street word can also be the first word of a name ("Auntie May of Park View"): look again from it.
    if (named < 0) {
      pattern.lastIndex = m.index + words.length;
      continue;
    }
    const nameWords = text.slice(named, m.index + words.length).trim().split(/\s+/u);
    const capitalised = capitalisedAt(ctx.fold, named) && capitalisedAt(ctx.fold, m.index + words.length);
    const nameLike = nameWords.some((w) => !ctx.isOrdinary(w));
    const end = m.index + m[0].length;
    if (streetTypeSet.has(type) ? capitalised || nameLike : capitalised && (nameLike || houseTypeSet.has(type))) add(named, end);
    // "Mill Walk", "Park View": a street named with ordinary words looks like ordinary words; the trainer is asked.
    else if (capitalised) ctx.uncertain(named, end);
  }
  return spans;
}

function schools(ctx: FinderContext): Span[] {
  const spans: Span[] = [];
  for (const m of ctx.fold.folded.matchAll(schoolPattern)) {
    const named = nameWordsBefore(ctx, m.index, m[1]!, schoolQualifiers);
    const noun = m.index + m[0].search(/\S+$/u);
    // "Mary Jo's school" is whose school, not its name; "St Mary's School" is a name.
    if (/'s\s+$/u.test(m[1]!) && !capitalisedAt(ctx.fold, noun)) continue;
    // With "school" in lower case a capital may only be a sentence's ("Funded nursery place"): a name-like word must be there.
    const nameLike = named >= 0 && (capitalisedAt(ctx.fold, noun) || m[1]!.slice(named - m.index).trim().split(/\s+/u).some((w) => !ctx.isOrdinary(w)));
    if (nameLike) spans.push({ start: named, end: m.index + m[0].length, by: '[school]', kind: 'school' });
  }
  return spans;
}

/** Every shaped identifier in the text; spans may overlap (the caller keeps the first and longest). */
export function findShaped(ctx: FinderContext): Span[] {
  return [...emails(ctx), ...nhsNumbers(ctx), ...phones(ctx), ...postcodes(ctx), ...birthDates(ctx), ...addresses(ctx), ...schools(ctx)];
}

