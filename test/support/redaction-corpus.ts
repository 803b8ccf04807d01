import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { nhsChecksumValid } from '../../src/analyse/redaction-finders.js';
import type { ToolkitRecord } from '../../src/record/types.js';

/**
 * The redaction benchmark's corpus: identifiers planted into Mary Jo's Story,
 * one family of identifier per line, each written the ways people really
 * type them; and ordinary phrases, several of them traps (a child named Pat
 * and "a pat on the back"), that must come through untouched.
 */
export interface Plant {
  family: string;
  /** Where it goes: the free text it is written into. */
  text: string;
  /** Every string here must be gone from the copy (compared folded: any case, accents, apostrophes, spaces). */
  identifiers: string[];
}

/** A valid NHS number with the given first nine digits: the benchmark does not hard-code a real one. */
function nhs(first9: string): string {
  for (let d = 0; d <= 9; d++) if (nhsChecksumValid(first9 + d)) return first9 + d;
  throw new Error(`no check digit for ${first9}`);
}
const nhsA = nhs('943476591');
const nhsB = nhs('401023213');
const nhsC = nhs('485777345');

export const plants: Plant[] = [
  // Listed names, in every form.
  { family: 'accents', text: 'Zoe came in; ZOË was quiet; Siân and SIAN and Sian rang.', identifiers: ['Zoe', 'Sian'] },
  { family: 'decomposed unicode', text: 'Zoe\u0308 and Sia\u0302n said so.', identifiers: ['Zoe', 'Sian'] },
  { family: 'apostrophes', text: 'O’Brien, O‘Brien, OBrien and O Brien; O’Brien’s coat; the O’Briens.', identifiers: ["O'Brien", 'OBrien', 'O Brien'] },
  { family: 'capitals', text: 'NAN PAT WAS THERE. nan pat came. KERRY SAID SO. kerry agreed.', identifiers: ['Pat', 'Kerry'] },
  { family: 'compounds', text: 'Ms Smith-Jones, Smith‑Jones (non-breaking hyphen), Smith, Jones; Mary-Kate and Kate, MARY-KATE.', identifiers: ['Smith', 'Jones', 'Mary-Kate', 'Kate'] },
  { family: 'possessives and plurals', text: "Wayne's van; Waynes; Tyler’s cot; the Smiths' flat; Kerry's, Kerrys.", identifiers: ['Wayne', 'Tyler', 'Smith', 'Kerry'] },
  { family: 'nicknames', text: 'Zozo said; ZOZO laughed; "Zozo" drew; Dee-Dee (the nickname) came.', identifiers: ['Zozo', 'Dee-Dee'] },
  { family: 'contributor names', text: 'Aoife agreed; Ní Bhriain wrote; Ni Bhriain phoned; AOIFE NI BHRIAIN signed.', identifiers: ['Aoife', 'Bhriain'] },
  // Names nobody listed.
  { family: 'unlisted names', text: 'Her partner Dan shouts. Gary Lineker visited. Dan and Mandy left. Neighbour Jim helped.', identifiers: ['Dan', 'Gary', 'Lineker', 'Mandy', 'Jim'] },
  { family: 'titles and kinship', text: 'Nurse Ratched came; Auntie Mandy; PC Dixon; Uncle Tariq; Dr Okonjo; Sister Bernadette.', identifiers: ['Ratched', 'Mandy', 'Dixon', 'Tariq', 'Okonjo', 'Bernadette'] },
  { family: 'titles in any case', text: 'mrs brown rang; MRS BROWN again; Mr. Fairweather; ms hollis; MISS TRUNCHBULL; Miss Hopkins.', identifiers: ['brown', 'Fairweather', 'hollis', 'Trunchbull', 'Hopkins'] },
  { family: 'particles', text: "Mrs de Souza, Mr van der Berg, Ms O'Hara, Mrs Ní Dhomhnaill, Mr bin Rashid.", identifiers: ['Souza', 'Berg', "O'Hara", 'Dhomhnaill', 'Rashid'] },
  // Dates of birth (the child's is 2012-03-14; the sibling's 2017-06-21).
  {
    family: 'dates of birth',
    text:
      'Born 14.03.12, 14/3/12, 14-03-2012, 14 03 2012, March 14th 2012, 14th of March 2012, 14-Mar-2012, 2012/03/14, ' +
      '14\u00A0March\u00A02012, 14th March, 2012, Mar. 14, 2012, 3/14/2012, 21/06/17 and 21st June 2017.',
    identifiers: ['14.03.12', '14/3/12', '14-03-2012', '14 03 2012', 'March 14th 2012', '14th of March 2012', '14-Mar-2012', '2012/03/14', '14 March 2012', '14th March, 2012', 'Mar. 14, 2012', '3/14/2012', '21/06/17', '21st June 2017'],
  },
  { family: 'dates of birth of others', text: 'Mum DOB 02/05/1990; dad born on 1st May 1988; her birthday is 14 March.', identifiers: ['02/05/1990', '1st May 1988', '14 March'] },
  // Numbers.
  {
    family: 'phones',
    text: 'Ring +44-7700-900123, 07700.900.123, 0044 7700 900124, (0115) 496 0123, 0115 4960125, +44 (0)115 496 0999, 07700 900 126 or 020 7946 0018.',
    identifiers: ['7700-900123', '07700.900.123', '7700 900124', '496 0123', '4960125', '496 0999', '900 126', '7946 0018'],
  },
  { family: 'NHS numbers', text: `NHS ${nhsA.slice(0, 3)} ${nhsA.slice(3, 6)} ${nhsA.slice(6)}, ${nhsB}, ${nhsC.slice(0, 3)}-${nhsC.slice(3, 6)}-${nhsC.slice(6)}.`, identifiers: [nhsA.slice(6), nhsB, nhsC.slice(6)] },
  { family: 'postcodes', text: 'Postcodes NG7 2AB, ng72ab, Ng7  2ab, NG18 5QT, ng18 5qt.', identifiers: ['NG7 2AB', 'ng72ab', 'NG18 5QT'] },
  { family: 'e-mail', text: 'Mail kerry.obrien@example.com or J.Okonjo@School.example.org.', identifiers: ['kerry.obrien@example.com', 'J.Okonjo@School.example.org'] },
  { family: 'references', text: 'See MJ-01, mj01, MJ 01, mj-02, MJ_02, household H-MJ and hmj; file MJ-01-2020-09-29.yaml.', identifiers: ['MJ-01', 'mj01', 'MJ 01', 'mj-02', 'MJ_02', 'H-MJ', 'hmj'] },
  { family: 'contributor ids', text: 'Seen by aoife-ni-bhriain; AOIFE-NI-BHRIAIN agreed.', identifiers: ['aoife-ni-bhriain'] },
  // Places.
  {
    family: 'addresses',
    text: 'At 42 acacia avenue, then 42 Acacia Avenue; lives on Mansfield Road; Flat 3, 17 Mansfield Road; 12 Mill Walk; 7B Hucknall Lane.',
    identifiers: ['acacia', 'Mansfield', 'Mill Walk', 'Hucknall'],
  },
  { family: 'named houses', text: 'Moved to Rose Cottage, then Meadowbank Farm; Nan at Ivy House.', identifiers: ['Rose Cottage', 'Meadowbank', 'Ivy House'] },
  {
    family: 'schools',
    text: 'Greenfields Primary School, greenfields primary school, Bluecoat Academy, Rainbow Tots Nursery, Forest Fields Primary, St Mary’s C of E Infant School.',
    identifiers: ['Greenfields', 'Bluecoat', 'Rainbow Tots', 'Forest Fields', "St Mary's"],
  },
];

/** Ordinary phrases that must survive word for word (the child is Pat's grandchild, the brother is Will). */
export const ordinary: string[] = [
  'gave her a pat on the back',
  'a pattern of late marks',
  'she will come; they may ring',
  'brown bread and jam',
  'the school nurse checked her hair',
  'nurse practitioner',
  'her mum and dad',
  'Mum said',
  'Early Help',
  'Universal Credit',
  'the primary school',
  'Primary school',
  'Family Court',
  'across a main road',
  'down the road',
  'a five minute walk',
  'three hours on the way',
  'seen on 2020-09-21 at 08:25',
  'on 14/9 and 22/9',
  'attendance 85%',
  'Year 4',
  '0-19 service',
  'seen 2012-03-15 and 14/03/2013',
  'on 14 March at school',
  'since May 2020',
  'the GP and the DSL',
  'the MASH',
  "so I don't miss golden time",
  'Funded nursery place for the little one',
  'Breakfast club place',
  'the Health visitor',
  'Sunday plaits',
  'Calpol',
  'a grace period',
  'the Christmas appeal',
  'is a neighbour',
  'score 3 of 4',
  '£120.50 a week',
];

/** Mary Jo's first toolkit with names, contributors and an id that carry identifiers, and the corpus written into its free text. */
export function plantedRecord(repoRoot: string): ToolkitRecord {
  const record = parse(readFileSync(`${repoRoot}/fixtures/mary-jo/MJ-01-2020-09-29.yaml`, 'utf8')) as ToolkitRecord;
  record.child.family!.push(
    { name: 'Siân Smith-Jones', relationship: 'maternal aunt' },
    { name: 'Mary-Kate', relationship: 'cousin' },
    { name: 'Zoë "Zozo" O’Brien', relationship: 'cousin' },
    { name: 'Dee (Dee-Dee) Walker', relationship: 'neighbour' },
  );
  record.assessment.contributors!.push({ id: 'aoife-ni-bhriain', name: 'Aoife Ní Bhriain', role: 'Social worker', agency: 'Children’s services' });
  record.assessment.sessions![0]!.by = 'aoife-ni-bhriain';
  const notes = record.assessment.sessions!;
  plants.forEach((plant, i) => {
    const session = notes[i % notes.length]!;
    session.note = `${session.note} ${plant.text}`;
  });
  record.assessment.background = `${record.assessment.background} ${ordinary.join('. ')}.`;
  record.summary!.actions![0]!.who = 'Aoife Ní Bhriain with Kerry and Nurse Ratched';
  return record;
}
