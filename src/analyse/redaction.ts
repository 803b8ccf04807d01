import type { ToolkitRecord } from '../record/types.js';

/**
 * Pseudonymisation for training packs. One Redactor serves one run over
 * many files, so the same real name, reference or household always gets the
 * same pseudonym and a child's reviews still read as one story.
 *
 * What it replaces:
 * - names in the name fields (child.name, child.family[].name,
 *   assessment.contributors[].name), and every mention of those names, or
 *   of any word of them, in free text (case-insensitive whole words, so
 *   "Kerry's" becomes "Alex's"); a title with a surname ("Mrs Brown") is
 *   replaced even when the name is not recorded anywhere;
 * - child and family references (MJ-01 -> C-001) and households (H-MJ -> H-001),
 *   in their fields and in free text;
 * - dates of birth, coarsened to 1 July of the birth year (1 January when
 *   July would fall after the assessment), and removed where free text
 *   repeats them ([date of birth]);
 * - e-mail addresses, UK phone numbers, UK postcodes and street addresses
 *   in free text, replaced by [email], [phone], [postcode], [address].
 *
 * Its limit: a name that appears only in free text, never in a name field
 * and without a title, cannot be recognised and stays.
 */
export type RedactionKind = 'name' | 'reference' | 'household' | 'born' | 'birthDateInText' | 'email' | 'phone' | 'postcode' | 'address';

export type RedactionCounts = Record<RedactionKind, number>;

const givenNames = [
  'Alex', 'Sam', 'Jordan', 'Charlie', 'Robin', 'Jamie', 'Casey', 'Riley', 'Morgan', 'Taylor', 'Avery', 'Rowan',
  'Quinn', 'Ellis', 'Drew', 'Frankie', 'Harley', 'Remy', 'Kit', 'Sasha', 'Jesse', 'Dana', 'Lee', 'Toni',
];
const surnames = ['Carter', 'Hughes', 'Patel', 'Walsh', 'Bennett', 'Okafor', 'Shaw', 'Fletcher', 'Kaur', 'Moss', 'Reid', 'Lowe'];

/** Name words that are also everyday words: replaced in free text only when capitalised, so "will" and "may" survive. */
const everydayWords = new Set([
  'will', 'may', 'pat', 'rose', 'grace', 'faith', 'hope', 'joy', 'mark', 'bill', 'sue', 'jack', 'art', 'dawn', 'summer',
  'april', 'june', 'august', 'ray', 'guy', 'rich', 'frank', 'eve', 'sky', 'amber', 'ruby', 'holly', 'ivy', 'lily', 'rob',
  'don', 'ken', 'kit', 'bob', 'carol', 'robin', 'drew', 'lee', 'dean', 'ben', 'max', 'gene', 'penny', 'sunny', 'mo',
]);

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// UK numbers: 0 or +44 then 9-10 more digits, allowing spaces, dashes and brackets the way people write them.
const phonePattern = /(?<![\p{N}+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d(?:[\s)-]{0,2}\d){8,9}(?!\p{N})/gu;
const postcodePattern = /(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}(?![\p{L}\p{N}])/giu;
const streetWords =
  'Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Court|Ct|Grove|Place|Pl|Terrace|Gardens|Walk|Rise|Hill|Square|Row|Mews|View|Green|Parade|Boulevard';
const addressPattern = new RegExp(
  `(?:(?:Flat|Apartment|Apt)\\.?\\s*\\d+[A-Za-z]?,?\\s+)?\\b\\d{1,4}[A-Za-z]?,?\\s+(?:[A-Z][\\p{L}'-]*\\s+){1,3}(?:${streetWords})\\b\\.?`,
  'gu',
);
const titledName = /\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][\p{L}'-]+/gu;
const titles = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);

/** Keys whose values have a fixed form (dates, enums, ids), or that redact() replaces as a whole: never scanned as free text. */
const structuralKeys = new Set(['name', 'ref', 'household', 'format', 'template', 'born', 'front_door', 'type', 'previous', 'completed', 'date', 'by', 'id', 'lead_consulted', 'decision', 'next_review', 'done', 'seen_alone']);

export class Redactor {
  readonly counts: RedactionCounts = { name: 0, reference: 0, household: 0, born: 0, birthDateInText: 0, email: 0, phone: 0, postcode: 0, address: 0 };
  private readonly names = new Map<string, string>();
  private readonly refs = new Map<string, string>();
  private readonly households = new Map<string, string>();
  private readonly birthDates = new Set<string>();
  private readonly realWords = new Set<string>();
  private nextGiven = 0;
  private nextSurname = 0;
  private replacements: { pattern: RegExp; by: string; kind: RedactionKind }[] | null = null;

  /** First pass: learn every real name and reference of the run, so pseudonyms never collide with a real one. */
  learn(record: ToolkitRecord): void {
    this.replacements = null;
    for (const name of namesIn(record)) {
      for (const word of name.split(/\s+/)) this.realWords.add(word.toLowerCase());
    }
    for (const name of namesIn(record)) this.pseudonymFor(name);
    this.refFor(record.child.ref);
    for (const member of record.child.family ?? []) if (member.ref) this.refFor(member.ref);
    if (record.child.household) this.householdFor(record.child.household);
    if (record.child.born) {
      this.birthDates.add(record.child.born);
      this.replacements = null;
    }
  }

  /** A pseudonymised copy of a record the run has learned. */
  redact(record: ToolkitRecord): ToolkitRecord {
    const copy = this.redactValue(structuredClone(record), []) as ToolkitRecord;
    const child = copy.child;
    child.ref = this.refFor(record.child.ref);
    this.counts.reference++;
    if (record.child.household !== undefined) {
      child.household = this.householdFor(record.child.household);
      this.counts.household++;
    }
    if (record.child.born !== undefined) {
      child.born = coarsenBirthDate(record.child.born, record.assessment.completed);
      this.counts.born++;
    }
    if (record.child.name !== undefined) child.name = this.nameField(record.child.name);
    (record.child.family ?? []).forEach((member, i) => {
      const out = child.family![i]!;
      out.name = this.nameField(member.name);
      if (member.ref !== undefined) {
        out.ref = this.refFor(member.ref);
        this.counts.reference++;
      }
    });
    (record.assessment.contributors ?? []).forEach((person, i) => {
      if (person.name !== undefined) copy.assessment.contributors![i]!.name = this.nameField(person.name);
    });
    return copy;
  }

  /** The pseudonymised reference, for naming output files. */
  refFor(ref: string): string {
    return this.numbered(this.refs, 'C', ref);
  }

  /** Free text with every known identifier and every contact detail replaced. */
  redactText(text: string): string {
    let out = text;
    const count = (kind: RedactionKind, by: string) => () => {
      this.counts[kind]++;
      return by;
    };
    out = out.replace(emailPattern, count('email', '[email]'));
    out = out.replace(addressPattern, count('address', '[address]'));
    out = out.replace(phonePattern, count('phone', '[phone]'));
    out = out.replace(postcodePattern, count('postcode', '[postcode]'));
    for (const { pattern, by, kind } of this.replacementTable()) out = out.replace(pattern, count(kind, by));
    out = out.replace(titledName, (whole: string, title: string) => {
      // A surname we already replaced stays replaced; an unknown one is removed.
      if (this.isPseudonymWord(whole.slice(whole.lastIndexOf(' ') + 1))) return whole;
      this.counts.name++;
      return `${title} [name]`;
    });
    return out;
  }

  private redactValue(value: unknown, path: string[]): unknown {
    if (typeof value === 'string') return structuralKeys.has(path[path.length - 1] ?? '') ? value : this.redactText(value);
    if (Array.isArray(value)) return value.map((v) => this.redactValue(v, path));
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) (value as Record<string, unknown>)[k] = this.redactValue(v, [...path, k]);
    }
    return value;
  }

  private nameField(name: string): string {
    this.counts.name++;
    return this.pseudonymFor(name);
  }

  private pseudonymFor(name: string): string {
    const key = name.trim().toLowerCase();
    const known = this.names.get(key);
    if (known) return known;
    const words = name.trim().split(/\s+/);
    const pseudo = words.map((_w, i) => (i > 0 && i === words.length - 1 && words.length > 1 ? this.nextName(surnames, 'surname') : this.nextName(givenNames, 'given'))).join(' ');
    this.names.set(key, pseudo);
    // Each word of a multi-word name stands for its part of the pseudonym ("Mary" of "Mary Jo"),
    // except initials and titles, which would match ordinary text ("a.", "Mrs").
    const parts = pseudo.split(' ');
    words.forEach((w, i) => {
      const word = w.toLowerCase();
      if (words.length > 1 && !this.names.has(word) && (word.match(/\p{L}/gu)?.length ?? 0) >= 2 && !titles.has(word.replace(/\.$/, ''))) {
        this.names.set(word, parts[i]!);
      }
    });
    this.replacements = null;
    return pseudo;
  }

  private nextName(pool: readonly string[], which: 'given' | 'surname'): string {
    for (;;) {
      const n = which === 'given' ? this.nextGiven++ : this.nextSurname++;
      const base = pool[n % pool.length]!;
      const candidate = n < pool.length ? base : `${base}${Math.floor(n / pool.length) + 1}`;
      if (!this.realWords.has(candidate.toLowerCase())) return candidate;
    }
  }

  private householdFor(household: string): string {
    return this.numbered(this.households, 'H', household);
  }

  /** References keep a reference's shape: a letter, a dash and a number in order of first appearance. */
  private numbered(map: Map<string, string>, prefix: string, real: string): string {
    let pseudo = map.get(real);
    if (!pseudo) {
      pseudo = `${prefix}-${String(map.size + 1).padStart(3, '0')}`;
      map.set(real, pseudo);
      this.replacements = null;
    }
    return pseudo;
  }

  private isPseudonymWord(word: string): boolean {
    return [...this.names.values()].some((p) => p.split(' ').includes(word));
  }

  /** Longest first, so "Mary Jo" is replaced as a whole before "Mary" alone. */
  private replacementTable(): { pattern: RegExp; by: string; kind: RedactionKind }[] {
    if (this.replacements) return this.replacements;
    const entries: { real: string; by: string; kind: RedactionKind }[] = [
      ...[...this.names].map(([real, by]) => ({ real, by, kind: 'name' as const })),
      ...[...this.refs].map(([real, by]) => ({ real, by, kind: 'reference' as const })),
      ...[...this.households].map(([real, by]) => ({ real, by, kind: 'household' as const })),
    ];
    entries.sort((a, b) => b.real.length - a.real.length);
    this.replacements = entries.map(({ real, by, kind }) => {
      const everyday = kind === 'name' && everydayWords.has(real);
      const body = real
        .split(/\s+/)
        .map((w) => escapeRegExp(w))
        .join('\\s+');
      // Everyday words are matched only when written with a capital, as a name is.
      const pattern = everyday ? `${escapeRegExp(real.charAt(0).toUpperCase())}${escapeRegExp(real.slice(1))}` : body;
      return { pattern: new RegExp(`(?<![\\p{L}\\p{N}_-])${pattern}(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])`, everyday ? 'gu' : 'giu'), by, kind };
    });
    for (const born of this.birthDates) this.replacements.push({ pattern: birthDatePattern(born), by: '[date of birth]', kind: 'birthDateInText' });
    return this.replacements;
  }
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date of birth as people write it in notes: 2012-03-14, 14/03/2012, 14.3.2012, 14 March 2012, 14th Mar 2012. */
function birthDatePattern(born: string): RegExp {
  const [year, month, day] = born.split('-').map(Number) as [number, number, number];
  const name = monthNames[month - 1]!;
  const forms = [
    escapeRegExp(born),
    `0?${day}[/.-]0?${month}[/.-]${year}`,
    `${day}(?:st|nd|rd|th)?\\s+(?:${name}|${name.slice(0, 3)}\\.?)\\s+${year}`,
  ];
  return new RegExp(`(?<![\\p{N}])(?:${forms.join('|')})(?![\\p{N}])`, 'giu');
}

/** Every name in a record's name fields. */
function namesIn(record: ToolkitRecord): string[] {
  return [
    record.child.name,
    ...(record.child.family ?? []).map((m) => m.name),
    ...(record.assessment.contributors ?? []).map((c) => c.name),
  ].filter((n): n is string => n !== undefined && n.trim() !== '');
}

/** 1 July of the birth year keeps ages right to within six months; 1 January when July would be after the assessment. */
export function coarsenBirthDate(born: string, completed: string): string {
  const year = born.slice(0, 4);
  const july = `${year}-07-01`;
  return july <= completed ? july : `${year}-01-01`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
