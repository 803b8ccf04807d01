import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Redactor, coarsenBirthDate } from '../../src/analyse/redaction.js';
import { everydayWords, honorifics, particles, titleWords } from '../../src/analyse/redaction-words.js';
import type { ToolkitRecord } from '../../src/record/types.js';

function record(overrides: Partial<ToolkitRecord['child']> = {}, text = ''): ToolkitRecord {
  return {
    format: 'neglect-toolkit/1',
    template: 'nscp-ncscp/2021',
    child: { ref: 'MJ-01', name: 'Mary Jo', household: 'H-MJ', family: [{ name: 'Kerry Smith', relationship: 'mother' }, { name: 'Will', relationship: 'brother', ref: 'MJ-02' }], ...overrides },
    assessment: { type: 'initial', completed: '2020-09-29', background: text },
  };
}

function redactText(text: string): { out: string; redactor: Redactor } {
  const redactor = new Redactor();
  const r = record({}, text);
  redactor.learn(r);
  return { out: redactor.redact(r).assessment.background!, redactor };
}

describe('Redactor', () => {
  it('replaces recorded names in free text: whole words, any case, possessives, each word of a full name', () => {
    const { out } = redactText("Mary Jo's mum KERRY said kerry's partner; Ms Smith agreed. Mary came. Kerryanne is someone else.");
    // A name in capitals stays in capitals, so shouted text still reads as shouted.
    expect(out).toBe("Alex Carter's mum SAM said Sam's partner; Ms Hughes agreed. Alex came. Kerryanne is someone else.");
  });

  it('does not treat initials or titles inside a recorded name as names of their own; the title stays', () => {
    const redactor = new Redactor();
    const r = record({ name: 'Mrs A. Brown' }, 'Mrs A. Brown came; Brown left. She had a. Mrs Kerry Smith?');
    redactor.learn(r);
    const copy = redactor.redact(r);
    expect(copy.child.name).toBe('Mrs Alex Carter');
    expect(copy.assessment.background).toBe('Mrs Alex Carter came; Carter left. She had a. Mrs Sam Hughes?');
  });

  it('treats a name that is an everyday word as a name only when capitalised', () => {
    const { out } = redactText('Will said he will come; Mum may ring.');
    expect(out).toBe('Jordan said he will come; Mum may ring.');
  });

  it('replaces references and households in text with the pseudonyms of their fields, keeping a reference\'s shape', () => {
    const redactor = new Redactor();
    const r = record({}, 'See MJ-02 and H-MJ; not MJ-012.');
    redactor.learn(r);
    const copy = redactor.redact(r);
    expect(copy.child.ref).toBe('C-001');
    expect(copy.child.family![1]!.ref).toBe('C-002');
    expect(copy.child.household).toBe('H-001');
    expect(copy.assessment.background).toBe('See C-002 and H-001; not MJ-012.');
  });

  it('removes contact details, and gives titled names it cannot know a pseudonym of their own', () => {
    const { out, redactor } = redactText(
      'At 42 Acacia Avenue, NG7 2AB; ring 07700 900123 or +44 (0)115 496 0123, e-mail k.s@example.co.uk. Mr Jones visited on 2020-09-21 at 08:25 (0-19 service).',
    );
    expect(out).toBe('At [address], [postcode]; ring [phone] or [phone], e-mail [email]. Mr Patel visited on 2020-09-21 at 08:25 (0-19 service).');
    // Names: the three name fields and Mr Jones.
    expect(redactor.counts).toMatchObject({ address: 1, postcode: 1, phone: 2, email: 1, name: 4 });
  });

  it('gives the same name the same pseudonym across records, and never a pseudonym that is a real name', () => {
    const redactor = new Redactor();
    const a = record({ name: 'Alex' });
    const b = record({ ref: 'MJ-02', name: 'Will', family: [{ name: 'Alex', relationship: 'sister', ref: 'MJ-01' }] });
    redactor.learn(a);
    redactor.learn(b);
    const [ra, rb] = [redactor.redact(a), redactor.redact(b)];
    expect(rb.child.family![0]!.name).toBe(ra.child.name);
    expect(rb.child.family![0]!.ref).toBe(ra.child.ref);
    expect(ra.child.name).not.toBe('Alex');
  });

  it('removes the date of birth where free text repeats it, in the ways people write dates', () => {
    const redactor = new Redactor();
    const r = record({ born: '2012-03-14' }, 'Born 14/03/2012 (14.3.2012, 14th March 2012, 14 Mar 2012, 2012-03-14); seen 2012-03-15 and 114/03/2012.');
    redactor.learn(r);
    expect(redactor.redact(r).assessment.background).toBe(
      'Born [date of birth] ([date of birth], [date of birth], [date of birth], [date of birth]); seen 2012-03-15 and 114/03/2012.',
    );
    expect(redactor.counts.birthDateInText).toBe(5);
  });

  it('coarsens a date of birth to 1 July, or 1 January when July is after the assessment', () => {
    expect(coarsenBirthDate('2012-03-14', '2020-09-29')).toBe('2012-07-01');
    expect(coarsenBirthDate('2020-02-01', '2020-05-01')).toBe('2020-01-01');
  });
});

describe('Redactor, for any names', () => {
  // Titles ("Dr", "Dc") and particles ("de", "van") in a name field stay as they are, and everyday words are names only with a capital.
  const word = fc
    .stringMatching(/^[A-Z][a-z]{1,9}$/)
    .filter((w) => ![everydayWords, honorifics, titleWords, particles].some((set) => set.has(w.toLowerCase())));

  it('leaves no word of a recorded name anywhere in the text, in any case or possessive', () => {
    fc.assert(
      fc.property(word, word, word, (child, first, last) => {
        const redactor = new Redactor();
        const text = `Saw ${child}'s mum ${first.toLowerCase()} ${last.toUpperCase()} at home; ${first} ${last} rang ${child}.`;
        const r = record({ name: child, family: [{ name: `${first} ${last}`, relationship: 'mother' }] }, text);
        redactor.learn(r);
        const copy = redactor.redact(r);
        const everything = JSON.stringify(copy);
        for (const w of [child, first, last]) {
          if (['saw', 'mum', 'at', 'home', 'rang', 'mother'].includes(w.toLowerCase())) continue;
          expect(everything, `${w} in ${copy.assessment.background}`).not.toMatch(new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'iu'));
        }
      }),
      { numRuns: 300 },
    );
  });
});
