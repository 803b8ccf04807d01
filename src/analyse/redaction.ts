import type { ToolkitRecord } from '../record/types.js';
import { findShaped, capitalisedAt, type FinderContext, type RedactionKind, type Span } from './redaction-finders.js';
import { foldText, foldWord, type FoldedText } from './redaction-fold.js';
import {
  everydayWords,
  functionWords,
  honorifics,
  isLexiconName,
  isLexiconSurname,
  isLexiconWord,
  isTaggedWord,
  monthWords,
  particles,
  titleWords,
  weakTitles,
} from './redaction-words.js';

export type { RedactionKind };

/**
 * Pseudonymisation for training packs. One Redactor serves one run over
 * many files, so the same real name, reference or household always gets the
 * same pseudonym and a child's reviews still read as one story.
 *
 * Every text is folded first (redaction-fold.ts), so a name or number is
 * found however it is typed: any case, with or without accents, decomposed
 * Unicode, curly apostrophes, any dash, non-breaking spaces.
 *
 * What it replaces:
 * - names in the name fields, and every mention of them in free text: the
 *   whole name, each of its words, the parts of hyphenated names, possessives
 *   and plurals, and nicknames given in quotes or brackets in the name field;
 * - names nobody listed: a word the name lexicon knows as a person's name,
 *   written with a capital ("her partner Dan"), and the words after a title
 *   or kinship word ("Mrs de Souza", "mrs brown", "Nurse Ratched", "Auntie
 *   Mandy"), unless they are ordinary words of the template or the records;
 * - child and family references, households and contributor ids that carry a
 *   name, in their fields and in free text, with or without separators;
 * - dates of birth (coarsened in the field; in free text in any common UK
 *   form), e-mail addresses, phone and NHS numbers, postcodes, street
 *   addresses, named houses and school names.
 *
 * What it is not sure of (a capitalised word it does not know, a long
 * number, a street named with ordinary words) it leaves and lists for review.
 */
export type RedactionCounts = Record<RedactionKind, number>;

/** A word or number left in a copy that may still identify someone: the trainer reads these instead of every line. */
export interface ReviewCandidate {
  /** Where in the record, e.g. assessment.background. */
  path: string;
  text: string;
  /** The words around it in the copy. */
  context: string;
  why: 'unknown-word' | 'number' | 'place' | 'after-title';
}

/** The longest a string at a path may be (the schema's maxLength), or undefined. */
export type StringBound = (path: readonly string[]) => number | undefined;

const givenNames = [
  'Alex', 'Sam', 'Jordan', 'Charlie', 'Robin', 'Jamie', 'Casey', 'Riley', 'Morgan', 'Taylor', 'Avery', 'Rowan',
  'Quinn', 'Ellis', 'Drew', 'Frankie', 'Harley', 'Remy', 'Kit', 'Sasha', 'Jesse', 'Dana', 'Lee', 'Toni',
  'Bailey', 'Reese', 'Skyler', 'Emery', 'Marley', 'Jody', 'Kai', 'Arden', 'Blair', 'Carey', 'Devon', 'Eden',
];
const surnames = [
  'Carter', 'Hughes', 'Patel', 'Walsh', 'Bennett', 'Okafor', 'Shaw', 'Fletcher', 'Kaur', 'Moss', 'Reid', 'Lowe',
  'Ashby', 'Barlow', 'Conway', 'Doyle', 'Ember', 'Farrow', 'Gale', 'Hartley', 'Irwin', 'Kemp', 'Lister', 'Marsh',
];

/** Keys whose values have a fixed form (dates, enums, ids) or that redact() replaces as a whole: never scanned as free text. */
const structuralKeys = new Set(['name', 'ref', 'household', 'format', 'template', 'born', 'front_door', 'type', 'previous', 'completed', 'date', 'by', 'id', 'lead_consulted', 'decision', 'next_review', 'done', 'seen_alone']);

const wordPattern = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
/** A contributor id that is a role code (dsl1, hv2, sw) rather than a name. */
const roleId = /^([a-z]{1,5})[-_.]?\d{0,3}$/;

interface Token {
  start: number;
  end: number;
  word: string;
}

interface RefEntry {
  by: string;
  kind: RedactionKind;
}

interface NameEntry {
  by: string;
}

export class Redactor {
  readonly counts: RedactionCounts = {
    name: 0, reference: 0, household: 0, identifier: 0, born: 0, birthDateInText: 0, email: 0, phone: 0, nhs: 0, postcode: 0, address: 0, school: 0,
  };
  /** Folded names, their words joined by one space, and their pseudonyms. */
  private readonly names = new Map<string, NameEntry>();
  private readonly fieldNames = new Map<string, string>();
  private maxNameWords = 1;
  private readonly refs = new Map<string, string>();
  private readonly households = new Map<string, string>();
  private readonly ids = new Map<string, string>();
  private readonly birthDates = new Set<string>();
  /** Folded words seen written with a capital anywhere in the run, or in a name field: a pseudonym is never one of them. */
  private readonly realWords = new Set<string>();
  /** Folded words the records write in lower case, and every word of the templates: ordinary words, not names. */
  private readonly vocabulary = new Set<string>();
  private readonly templateWords = new Set<string>();
  private readonly seenTemplates = new WeakSet<object>();
  private readonly pseudonymWords = new Set<string>();
  private nextGiven = 0;
  private nextSurname = 0;
  private refTable: { entries: Map<string, RefEntry>; prefixes: Set<string> } | null = null;

  /** First pass: learn every real name, reference and word of the run, so pseudonyms never collide with a real one. */
  learn(record: ToolkitRecord, template?: object): void {
    if (template && !this.seenTemplates.has(template)) {
      this.seenTemplates.add(template);
      walkStrings(template, (s) => {
        for (const m of foldText(s).folded.matchAll(wordPattern)) this.templateWords.add(m[0]);
      });
    }
    const nameFields = namesIn(record);
    for (const name of nameFields) for (const m of foldWord(name).matchAll(wordPattern)) this.realWords.add(m[0]);
    walkText(record, [], (text) => {
      const fold = foldText(text);
      for (const m of fold.folded.matchAll(wordPattern)) {
        if (capitalisedAt(fold, m.index)) this.realWords.add(m[0]);
        // A name typed in lower case ("her partner dan") is no evidence that the name is an ordinary word.
        else if (!/\d/u.test(m[0]) && !isLexiconName(m[0])) this.vocabulary.add(m[0]);
      }
    });
    for (const name of nameFields) this.learnName(name);
    this.refFor(record.child.ref);
    for (const member of record.child.family ?? []) if (member.ref) this.refFor(member.ref);
    if (record.child.household) this.numbered(this.households, 'H', record.child.household);
    for (const person of record.assessment.contributors ?? []) this.idFor(person.id);
    if (record.child.born) this.birthDates.add(record.child.born);
  }

  /** A pseudonymised copy of a record the run has learned. */
  redact(record: ToolkitRecord, bound?: StringBound): ToolkitRecord {
    return this.redactWithReview(record, bound).record;
  }

  /** The copy, and what in it the trainer should still read. */
  redactWithReview(record: ToolkitRecord, bound?: StringBound): { record: ToolkitRecord; review: ReviewCandidate[] } {
    const review: ReviewCandidate[] = [];
    const copy = this.redactValue(structuredClone(record), [], review, bound) as ToolkitRecord;
    const child = copy.child;
    child.ref = this.refFor(record.child.ref);
    this.counts.reference++;
    if (record.child.household !== undefined) {
      child.household = this.numbered(this.households, 'H', record.child.household);
      this.counts.household++;
    }
    if (record.child.born !== undefined) {
      child.born = coarsenBirthDate(record.child.born, record.assessment.completed);
      this.counts.born++;
    }
    const fit = (value: string, path: string[]): string => fitBound(value, bound?.(path));
    if (record.child.name !== undefined) child.name = fit(this.nameField(record.child.name), ['child', 'name']);
    (record.child.family ?? []).forEach((member, i) => {
      const out = child.family![i]!;
      out.name = fit(this.nameField(member.name), ['child', 'family', String(i), 'name']);
      if (member.ref !== undefined) {
        out.ref = this.refFor(member.ref);
        this.counts.reference++;
      }
    });
    (record.assessment.contributors ?? []).forEach((person, i) => {
      const out = copy.assessment.contributors![i]!;
      if (person.name !== undefined) out.name = fit(this.nameField(person.name), ['assessment', 'contributors', String(i), 'name']);
      out.id = this.idFor(person.id);
    });
    return { record: copy, review };
  }

  /** The pseudonymised reference, for naming output files. */
  refFor(ref: string): string {
    return this.numbered(this.refs, 'C', ref);
  }

  /** Free text with every known identifier and every contact detail replaced. */
  redactText(text: string): string {
    return this.redactString(text, '', []);
  }

  private redactString(text: string, path: string, review: ReviewCandidate[]): string {
    const fold = foldText(text);
    const uncertain: [number, number, ReviewCandidate['why']][] = [];
    const ctx: FinderContext = {
      fold,
      birthDates: this.birthDates,
      // Not the records' own lower-case words: a place typed in lower case ("greenfields primary school") is in them.
      isOrdinary: (w) => this.isOrdinaryName(w) || functionWords.has(w) || isTaggedWord(w),
      uncertain: (start, end) => void uncertain.push([start, end, 'place']),
    };
    const shaped = [...findShaped(ctx), ...this.referenceSpans(fold.folded)];
    const taken = resolveOverlaps(shaped);
    const tokens = [...fold.folded.matchAll(wordPattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
    const free = tokens.filter((t) => !overlapsAny(taken, t.start, t.end));
    const spans = resolveOverlaps([...taken, ...this.nameSpans(fold, free, uncertain)]);
    for (const span of spans) this.counts[span.kind]++;
    const { out, position } = rebuild(fold, spans);
    this.reviewOf(fold, free, spans, uncertain, out, position, path, review);
    return out;
  }

  /** Names among the words no shaped finder took: known names first, then titles, then the name lexicon. */
  private nameSpans(fold: FoldedText, tokens: Token[], uncertain: [number, number, ReviewCandidate['why']][]): Span[] {
    const spans: Span[] = [];
    const cap = (t: Token): boolean => capitalisedAt(fold, t.start);
    const joined = (i: number, j: number): boolean => /^[ -]{1,3}$/u.test(fold.folded.slice(tokens[i]!.end, tokens[j]!.start));
    let afterTitle = false;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const known = this.knownNameAt(fold, tokens, i, afterTitle);
      afterTitle = false;
      if (known) {
        spans.push(known.span);
        i = known.last;
        continue;
      }
      const word = token.word;
      if (honorifics.has(word) || titleWords.has(word)) {
        let j = i + 1;
        // The title's own full stop ("Mrs. Brown") is not a gap: the folded text keeps it, so look past it.
        const gapOk = (a: number, b: number): boolean => /^\.?[ -]{1,3}$/u.test(fold.folded.slice(tokens[a]!.end, tokens[b]!.start));
        if (j >= tokens.length || !gapOk(i, j)) continue;
        if (weakTitles.has(word) && !cap(token) && !cap(tokens[j]!)) continue;
        // "miss" and "master" in lower case are verbs and nouns ("don't miss golden time").
        if ((word === 'miss' || word === 'master') && !cap(token)) continue;
        const first = j;
        while (j < tokens.length - 1 && particles.has(tokens[j]!.word) && gapOk(j, j + 1)) j++;
        const next = tokens[j]!;
        if (this.names.has(next.word) || this.names.has(possessiveBase(next.word))) {
          afterTitle = true;
          i = j - 1;
          continue;
        }
        // An acronym after a title written in ordinary case is not a name: "Mum DOB 02/05/1990", "Dr GP letter".
        if (isAcronym(fold, next) && !isAcronym(fold, token)) continue;
        const nameLike = this.isNameAfterTitle(word, next, cap(next));
        if (nameLike === 'no') continue;
        if (nameLike === 'unsure') {
          uncertain.push([token.start, next.end, 'after-title']);
          continue;
        }
        let last = j;
        while (last + 1 < tokens.length && joined(last, last + 1) && this.isSurnameLike(tokens[last + 1]!, cap(tokens[last + 1]!))) last++;
        spans.push(this.unlistedSpan(fold, tokens, first, last, honorifics.has(word) ? 'surname' : 'given'));
        i = last;
        continue;
      }
      if (cap(token) && isLexiconName(word) && !this.isOrdinary(word)) {
        let first = i;
        // "Dympna Dixon": a capitalised unknown word just before a listed family name is its first name.
        if (i > 0 && joined(i - 1, i) && isLexiconSurname(word) && cap(tokens[i - 1]!) && !this.isOrdinary(tokens[i - 1]!.word) && !spans.some((s) => s.end > tokens[i - 1]!.start)) first = i - 1;
        let last = i;
        while (last + 1 < tokens.length && joined(last, last + 1) && this.isSurnameLike(tokens[last + 1]!, cap(tokens[last + 1]!))) last++;
        spans.push(this.unlistedSpan(fold, tokens, first, last, first === last && isLexiconSurname(word) && !isLexiconName(word) ? 'surname' : 'given'));
        i = last;
      }
    }
    return spans;
  }

  /** The longest listed name starting at token i ("Mary Jo" before "Mary"), with its possessive or plural left outside. */
  private knownNameAt(fold: FoldedText, tokens: Token[], i: number, afterTitle: boolean): { span: Span; last: number } | null {
    for (let n = Math.min(this.maxNameWords, tokens.length - i); n >= 1; n--) {
      const words: string[] = [];
      let ok = true;
      for (let k = 0; k < n; k++) {
        if (k > 0 && !/^\.?[ -]{1,3}$/u.test(fold.folded.slice(tokens[i + k - 1]!.end, tokens[i + k]!.start))) ok = false;
        words.push(tokens[i + k]!.word);
      }
      if (!ok) continue;
      const last = tokens[i + n - 1]!;
      const whole = words.join(' ');
      const stem = possessiveBase(words[n - 1]!);
      const forms: [string, number][] = [[whole, last.end]];
      if (stem !== words[n - 1]) forms.push([[...words.slice(0, n - 1), stem].join(' '), last.start + stem.length]);
      // Plurals ("the Smiths") only of names written with a capital, so "pats" and "wills" stay words.
      if (/s$/u.test(words[n - 1]!) && words[n - 1]!.length > 3 && capitalisedAt(fold, last.start)) forms.push([[...words.slice(0, n - 1), words[n - 1]!.slice(0, -1)].join(' '), last.end]);
      for (const [key, end] of forms) {
        const entry = this.names.get(key);
        if (!entry) continue;
        // A name that is also an everyday word counts only with a capital, or straight after a title ("nan pat").
        if (n === 1 && this.isOrdinaryName(key) && !afterTitle && !capitalisedAt(fold, tokens[i]!.start)) continue;
        return { span: { start: tokens[i]!.start, end, by: casedLike(fold, tokens[i]!.start, end, entry.by), kind: 'name' }, last: i + n - 1 };
      }
    }
    return null;
  }

  /** Whether the word after a title is a name: after Mr/Mrs/Ms any word but a function word is. */
  private isNameAfterTitle(title: string, next: Token, capitalised: boolean): 'yes' | 'no' | 'unsure' {
    const w = next.word;
    if (functionWords.has(w) || /\d/u.test(w) || titleWords.has(w) || honorifics.has(w)) return 'no';
    if (honorifics.has(title)) return 'yes';
    const ordinary = this.isOrdinary(w);
    if (capitalised && (!ordinary || isLexiconName(w))) return 'yes';
    if (!capitalised && isLexiconName(w) && !ordinary) return 'yes';
    return capitalised && !weakTitles.has(title) ? 'unsure' : 'no';
  }

  private isSurnameLike(token: Token, capitalised: boolean): boolean {
    if (!capitalised || functionWords.has(token.word) || /\d/u.test(token.word) || this.names.has(token.word)) return false;
    return isLexiconSurname(token.word) || !this.isOrdinary(token.word);
  }

  /** A name nobody listed, from token first to last: each word gets a pseudonym of its own, kept for the rest of the run. */
  private unlistedSpan(fold: FoldedText, tokens: Token[], first: number, last: number, lastIs: 'given' | 'surname'): Span {
    const words = tokens.slice(first, last + 1).map((t) => possessiveBase(t.word));
    const significant = words.filter((w) => !particles.has(w) || words.length === 1);
    const key = significant.join(' ');
    let entry = this.names.get(key);
    if (!entry) {
      const pseudo = significant.map((w, k) => {
        const own = this.names.get(w);
        if (own) return own.by;
        const by = this.nextName(k === significant.length - 1 && (lastIs === 'surname' || k > 0) ? surnames : givenNames, k === significant.length - 1 && (lastIs === 'surname' || k > 0) ? 'surname' : 'given');
        this.addName(w, by);
        return by;
      });
      entry = { by: pseudo.join(' ') };
      this.addName(key, entry.by);
    }
    const start = tokens[first]!.start;
    const lastToken = tokens[last]!;
    const end = lastToken.start + possessiveBase(lastToken.word).length;
    return { start, end, by: casedLike(fold, start, end, entry.by), kind: 'name' };
  }

  /** What is left that may identify someone: unknown capitalised words, long numbers, and what the finders were unsure of. */
  private reviewOf(
    fold: FoldedText,
    free: Token[],
    spans: Span[],
    uncertain: [number, number, ReviewCandidate['why']][],
    out: string,
    position: (folded: number) => number,
    path: string,
    review: ReviewCandidate[],
  ): void {
    // Each word once per text: the path is the text's own.
    const seen = new Set<string>();
    const add = (start: number, end: number, why: ReviewCandidate['why']): void => {
      if (overlapsAny(spans, start, end)) return;
      const from = position(start);
      const to = position(end);
      const text = out.slice(from, to);
      if (seen.has(text)) return;
      seen.add(text);
      review.push({ path, text, context: out.slice(Math.max(0, from - 40), Math.min(out.length, to + 40)).replace(/\s+/gu, ' '), why });
    };
    for (const [start, end, why] of uncertain) add(start, end, why);
    for (const t of free) {
      const w = t.word;
      const digits = w.replace(/\D/gu, '').length;
      if (digits >= 6 || (digits >= 3 && /\p{L}/u.test(w) && !/^\d+(?:st|nd|rd|th|am|pm|s|kg|g|ml|cm|mm|km)$/u.test(w))) add(t.start, t.end, 'number');
      else if (digits === 0 && capitalisedAt(fold, t.start) && !this.isOrdinary(possessiveBase(w)) && !this.pseudonymWords.has(w) && !isAcronym(fold, t) && !isTaggedWord(possessiveBase(w))) {
        add(t.start, t.end, 'unknown-word');
      }
    }
    // Digit groups split by spaces or dots ("0115 496", "123 456 78") that no finder recognised.
    for (const m of fold.folded.matchAll(/(?<![\p{N}])\d[\d .-]{4,18}\d(?![\p{N}])/gu)) {
      if (m[0].replace(/\D/gu, '').length >= 7 && !/^\d{4}-\d{2}-\d{2}$/u.test(m[0])) add(m.index, m.index + m[0].length, 'number');
    }
  }

  private isOrdinary(word: string): boolean {
    return this.vocabulary.has(word) || this.templateWords.has(word) || isLexiconWord(word) || everydayWords.has(word) || monthWords.has(word) || titleWords.has(word) || honorifics.has(word) || functionWords.has(word);
  }

  /** A listed name that is also an ordinary word must be written with a capital to count: "will", "may", "brown". */
  private isOrdinaryName(word: string): boolean {
    return everydayWords.has(word) || isLexiconWord(word) || this.templateWords.has(word) || monthWords.has(word);
  }

  private learnName(name: string): void {
    if (this.fieldNames.has(name.trim())) return;
    const nicknames: string[] = [];
    const rest = name.replace(/["“”«»]([^"“”«»]+)["“”«»]|[(\[]([^)\]]+)[)\]]|(?<!\p{L})['‘’]([^'‘’]+)['‘’](?!\p{L})/gu, (_m, a?: string, b?: string, c?: string) => {
      nicknames.push((a ?? b ?? c ?? '').trim());
      return ' ';
    });
    const words = rest.trim().split(/\s+/u).filter((w) => w !== '');
    // Titles, and particles after a first name, are kept as they are ("Mrs", "Ní"): they say nothing of who it is, and alone they would match ordinary text.
    const firstName = words.findIndex((w) => !isTitleWord(w));
    const isTitle = (w: string, i: number): boolean => isTitleWord(w) || (i > firstName && i < words.length - 1 && particles.has(foldWord(w)));
    const named = words.filter((w, i) => !isTitle(w, i));
    const parts = named.map((w, i) => {
      const folded = [...foldWord(w).matchAll(wordPattern)].map((m) => m[0]);
      const key = folded.join(' ');
      const existing = this.names.get(key);
      if (existing && key !== '') return existing.by;
      return this.nextName(i > 0 && i === named.length - 1 ? surnames : givenNames, i > 0 && i === named.length - 1 ? 'surname' : 'given');
    });
    named.forEach((w, i) => {
      const folded = [...foldWord(w).matchAll(wordPattern)].map((m) => m[0]);
      if (folded.length === 0) return;
      // Each word of a multi-word name stands for its part of the pseudonym ("Mary" of "Mary Jo"); initials do not, they would match "a".
      if (folded.join('').replace(/\d/gu, '').length >= 2) this.addName(folded.join(' '), parts[i]!);
      for (const part of folded) if (part.length >= 2 && !(particles.has(part) && folded.length > 1) && !functionWords.has(part)) this.addName(part, parts[i]!);
    });
    const whole = [...foldWord(named.join(' ')).matchAll(wordPattern)].map((m) => m[0]).join(' ');
    if (whole !== '') this.addName(whole, parts.join(' '));
    for (const nick of nicknames) {
      const key = [...foldWord(nick).matchAll(wordPattern)].map((m) => m[0]).join(' ');
      if (key.length >= 2) this.addName(key, parts[0] ?? this.nextName(givenNames, 'given'));
    }
    const pseudo = words.map((w, i) => (isTitle(w, i) ? w : parts[named.indexOf(w)]!)).join(' ');
    this.fieldNames.set(name.trim(), pseudo || this.nextName(givenNames, 'given'));
  }

  /** Registers a folded name key; an apostrophe name also under its other spellings (O'Brien, OBrien, O Brien). */
  private addName(key: string, by: string): void {
    const keys = key.includes("'") ? [key, key.replace(/'/gu, ''), key.replace(/'/gu, ' ')] : [key];
    for (const k of keys) {
      // A name of more than six words is found by its words: longer keys would make every word of the text a long lookup.
      if (this.names.has(k) || k.split(' ').length > 6) continue;
      this.names.set(k, { by });
      this.maxNameWords = Math.max(this.maxNameWords, k.split(' ').length);
    }
    for (const p of by.split(' ')) this.pseudonymWords.add(foldWord(p));
  }

  private nameField(name: string): string {
    this.counts.name++;
    if (!this.fieldNames.has(name.trim())) this.learnName(name);
    return this.fieldNames.get(name.trim())!;
  }

  private nextName(pool: readonly string[], which: 'given' | 'surname'): string {
    for (;;) {
      const n = which === 'given' ? this.nextGiven++ : this.nextSurname++;
      const base = pool[n % pool.length]!;
      const candidate = n < pool.length ? base : `${base}${Math.floor(n / pool.length) + 1}`;
      if (!this.realWords.has(candidate.toLowerCase())) return candidate;
    }
  }

  /** A contributor id that is a role code (dsl1, hv1) stays; one made of a name (aoife-ni-bhriain, pat2) becomes contributor-N. */
  private idFor(id: string): string {
    const known = this.ids.get(id);
    if (known) return known;
    const role = roleId.exec(id.toLowerCase());
    const keep = role !== null && !this.names.has(role[1]!) && !isLexiconName(role[1]!);
    const pseudo = keep ? id : `contributor-${[...this.ids.values()].filter((v) => v.startsWith('contributor-')).length + 1}`;
    this.ids.set(id, pseudo);
    this.refTable = null;
    return pseudo;
  }

  /** References keep a reference's shape: a letter, a dash and a number in order of first appearance. */
  private numbered(map: Map<string, string>, prefix: string, real: string): string {
    let pseudo = map.get(real);
    if (!pseudo) {
      pseudo = `${prefix}-${String(map.size + 1).padStart(3, '0')}`;
      map.set(real, pseudo);
      this.refTable = null;
    }
    return pseudo;
  }

  /**
   * References, households and named contributor ids in folded text, in any case and with or without
   * their separators (MJ-01, mj01, MJ 01, hmj): read character by character from each word's start
   * while what is read is the beginning of some reference, so the time does not grow with the
   * number of references in the run.
   */
  private referenceSpans(folded: string): Span[] {
    this.refTable ??= this.buildRefTable();
    const { entries, prefixes } = this.refTable;
    const spans: Span[] = [];
    const alnum = /[a-z0-9]/u;
    for (const m of folded.matchAll(/(?<![\p{L}\p{N}])[a-z0-9]/gu)) {
      let compact = '';
      let best: Span | null = null;
      for (let i = m.index; i < folded.length; ) {
        const ch = folded[i]!;
        if (alnum.test(ch)) {
          compact += ch;
          i++;
          if (!prefixes.has(compact)) break;
          const entry = entries.get(compact);
          if (entry && !/[\p{L}\p{N}]/u.test(folded.charAt(i))) best = { start: m.index, end: i, by: entry.by, kind: entry.kind };
        } else if (/[\s\-_./]/u.test(ch) && alnum.test(folded.charAt(i + 1))) i++;
        else break;
      }
      if (best) spans.push(best);
    }
    return spans;
  }

  private buildRefTable(): { entries: Map<string, RefEntry>; prefixes: Set<string> } {
    const entries = new Map<string, RefEntry>();
    const prefixes = new Set<string>();
    const add = (real: string, by: string, kind: RedactionKind): void => {
      const compact = (foldWord(real).match(/[a-z0-9]/gu) ?? []).join('');
      if (compact === '' || entries.has(compact)) return;
      entries.set(compact, { by, kind });
      for (let n = 1; n <= compact.length; n++) prefixes.add(compact.slice(0, n));
    };
    for (const [real, by] of this.refs) add(real, by, 'reference');
    for (const [real, by] of this.households) add(real, by, 'household');
    for (const [real, by] of this.ids) if (real !== by) add(real, by, 'identifier');
    return { entries, prefixes };
  }

  private redactValue(value: unknown, path: string[], review: ReviewCandidate[], bound: StringBound | undefined): unknown {
    if (typeof value === 'string') {
      const key = path[path.length - 1] ?? '';
      if (key === 'by' && this.ids.has(value)) return this.ids.get(value);
      if (structuralKeys.has(key)) return value;
      return fitBound(this.redactString(value, path.join('.'), review), bound?.(path));
    }
    if (Array.isArray(value)) return value.map((v, i) => this.redactValue(v, [...path, String(i)], review, bound));
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) (value as Record<string, unknown>)[k] = this.redactValue(v, [...path, k], review, bound);
    }
    return value;
  }
}

/** A title kept as it is in a pseudonymised name field ("Mrs", "Dr"): it says nothing of who it is. */
function isTitleWord(word: string): boolean {
  const f = foldWord(word).replace(/\.$/u, '');
  return honorifics.has(f) || (titleWords.has(f) && !weakTitles.has(f));
}

/** A word without its possessive or contraction: Kerry's, Kerry'll, I'm, they've. */
function possessiveBase(word: string): string {
  return word.replace(/'(?:s|d|ll|ve|re|m)$/u, '');
}

/** A pseudonym written the way the name it replaces was: all capitals stay capitals (NAN PAT -> NAN ALEX). */
function casedLike(fold: FoldedText, start: number, end: number, by: string): string {
  const original = fold.text.slice(fold.origin[start], fold.origin[end]);
  return /\p{L}{2}/u.test(original) && original === original.toUpperCase() ? by.toUpperCase() : by;
}

function isAcronym(fold: FoldedText, t: Token): boolean {
  const original = fold.text.slice(fold.origin[t.start], fold.origin[t.end]);
  return original.length <= 6 && original === original.toUpperCase();
}

/** Spans sorted by start, the longest first where two start together; a span overlapping one already kept is dropped. */
function resolveOverlaps(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of sorted) {
    const prev = kept[kept.length - 1];
    if (prev && span.start < prev.end) continue;
    kept.push(span);
  }
  return kept;
}

/** Whether [start, end) overlaps a span of a sorted, non-overlapping list (binary search: texts can be long). */
function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]!.start < end;
}

/** The text with its spans replaced, and where a position of the folded text lands in it. */
function rebuild(fold: FoldedText, spans: readonly Span[]): { out: string; position: (folded: number) => number } {
  const parts: string[] = [];
  const shifts: [number, number][] = [];
  let at = 0;
  let length = 0;
  for (const span of spans) {
    const from = fold.origin[span.start]!;
    const to = fold.origin[span.end]!;
    parts.push(fold.text.slice(at, from), span.by);
    length += from - at + span.by.length;
    shifts.push([span.end, length - to]);
    at = to;
  }
  parts.push(fold.text.slice(at));
  const position = (folded: number): number => {
    // The shift of the last span that ends at or before this position (binary search: a long text has many spans).
    let lo = 0;
    let hi = shifts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (shifts[mid]![0] <= folded) lo = mid + 1;
      else hi = mid;
    }
    return fold.origin[folded]! + (lo > 0 ? shifts[lo - 1]![1] : 0);
  };
  return { out: parts.join(''), position };
}

/** A string cut to the schema's bound (in characters, as the schema counts them), ending in an ellipsis. */
function fitBound(value: string, bound: number | undefined): string {
  if (bound === undefined) return value;
  const chars = [...value];
  return chars.length <= bound ? value : `${chars.slice(0, bound - 1).join('')}…`;
}

/** Every name in a record's name fields. */
function namesIn(record: ToolkitRecord): string[] {
  return [
    record.child.name,
    ...(record.child.family ?? []).map((m) => m.name),
    ...(record.assessment.contributors ?? []).map((c) => c.name),
  ].filter((n): n is string => n !== undefined && n.trim() !== '');
}

function walkStrings(value: unknown, visit: (s: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const v of value) walkStrings(v, visit);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) walkStrings(v, visit);
}

/** The free-text strings of a record (what redactValue scans). */
function walkText(value: unknown, path: string[], visit: (s: string) => void): void {
  if (typeof value === 'string') {
    if (!structuralKeys.has(path[path.length - 1] ?? '')) visit(value);
  } else if (Array.isArray(value)) for (const v of value) walkText(v, path, visit);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkText(v, [...path, k], visit);
}

/** 1 July of the birth year keeps ages right to within six months; 1 January when July would be after the assessment. */
export function coarsenBirthDate(born: string, completed: string): string {
  const year = born.slice(0, 4);
  const july = `${year}-07-01`;
  return july <= completed ? july : `${year}-01-01`;
}
