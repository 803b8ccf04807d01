import { parse, stringify } from 'yaml';
import type { Answer, Draft } from '../../src/interview/draft.js';
import { applyAnswer, nextQuestion, type WalkEnv } from '../../src/interview/interview-walk.js';
import type { Question } from '../../src/interview/question.js';
import { finishedRecord, recordText } from '../../src/interview/finished-record.js';
import { readRecordBytes } from '../../src/read/read-record.js';
import { defaultTemplate } from '../../src/template/load-template.js';
import { validateParsedRecord } from '../../src/validate/validate-record.js';

export const env: WalkEnv = { template: defaultTemplate(), today: '2021-04-01' };

export type Script = (q: Question) => Answer;

/**
 * A practitioner's answers as a function of the question: what a person
 * would type, by question id. Anything not covered takes the first choice,
 * says no, or is left empty.
 */
export function scripted(overrides: [RegExp, Answer][] = []): Script {
  const rules: [RegExp, Answer][] = [
    ...overrides,
    [/^child\/household$/, null],
    [/^child\/front_door$/, 'county'],
    [/^child1\/child\/ref$/, 'AB-01'],
    [/^child2\/child\/ref$/, 'AB-02'],
    [/^child1\/child\/name$/, 'Sam'],
    [/^child2\/child\/name$/, 'Ali'],
    [/child\/born$/, '2015-02-03'],
    [/^assessment\/completed$/, '2021-03-01'],
    [/^assessment\/contributors\/more\/[01]$/, true],
    [/^assessment\/contributors\/0\/id$/, 'hv1'],
    [/^assessment\/contributors\/1\/id$/, 't1'],
    [/^assessment\/contributors\/\d+\/role$/, 'Health visitor'],
    [/^assessment\/sessions\/more\/0$/, true],
    [/^assessment\/sessions\/0\/date$/, '2021-02-20'],
    [/^assessment\/sessions\/0\/type$/, 'unannounced-visit'],
    [/^assessment\/sessions\/0\/by$/, 'hv1'],
    [/^assessment\/sessions\/0\/seen_alone$/, true],
    [/^assessment\/sessions\/0\/note$/, 'Kitchen nearly empty.\nMother tired.'],
    [/^assessment\/involvement$/, 'Mother took part and has a copy.'],
    [/^household\/shared\/1\.2$/, true],
    [/areas\/(physical-care|emotional-warmth)$/, 'assess'],
    [/areas\/[a-z-]+$/, 'skip'],
    [/areas\/[a-z-]+\/by$/, 'hv1'],
    [/^child2\/areas\/emotional-warmth\/sections\/4\.1\/score$/, '1'],
    [/sections\/1\.1\/score$/, '3'],
    [/sections\/1\.3\/score$/, 'not-relevant'],
    [/sections\/1\.4\/score$/, 'not-assessed'],
    [/sections\/[\d.]+\/score$/, '2'],
    [/not_relevant$/, 'Wears school uniform provided by the school.'],
    [/parent_score$/, '2'],
    [/evidence$/, 'Seen at the visit on 20/2.'],
    [/\/strengths$/, 'Warm with the child.'],
    [/\/concerns$/, 'Little food.'],
    [/\/impact$/, 'Hungry at school most mornings.'],
    [/child_voice\/gathered$/, 'words'],
    [/^child1\/child_voice\//, 'Sam said: "I like my teacher."'],
    [/^child2\/child_voice\//, 'Ali said: "Mum plays cars with me."'],
    [/summary\/analysis$/, 'Food is the main worry.'],
    [/summary\/lead_consulted$/, '2021-03-02'],
    [/summary\/decision$/, 'early-help'],
    [/summary\/actions\/more\/0$/, true],
    [/summary\/actions\/0\/action$/, 'Food bank referral'],
    [/summary\/actions\/0\/who$/, 'Health visitor'],
    [/summary\/actions\/0\/by$/, '2021-03-10'],
    [/summary\/next_review$/, '2021-06-01'],
  ];
  return (q) => {
    const rule = rules.find(([pattern]) => pattern.test(q.id));
    if (rule) return rule[1];
    if (q.kind === 'select') return q.choices?.[0]?.value ?? null;
    if (q.kind === 'confirm') return false;
    return null;
  };
}

/** Two children of one home (Sam and Ali), their mother Dee on a family list given once, and family and relationships scored once for both. */
export const twoChildHousehold: [RegExp, Answer][] = [
  [/^child\/household$/, 'H-1'],
  [/^household\/more\/1$/, true],
  [/^child1\/child\/family\/more\/0$/, true],
  [/^child1\/child\/family\/0\/name$/, 'Dee'],
  [/^child1\/child\/family\/0\/relationship$/, 'mother'],
  [/^household\/shared\/family$/, true],
  [/^household\/shared-area\/family-relationships$/, true],
];

/** Answers up to `limit` questions; the script's answers must pass each question's own check. */
export function walk(draft: Draft, script: Script, limit = Number.POSITIVE_INFINITY): { draft: Draft; asked: Question[] } {
  let current = draft;
  const asked: Question[] = [];
  for (let q = nextQuestion(current, env); q && asked.length < limit; q = nextQuestion(current, env)) {
    const answer = script(q);
    if (typeof answer === 'string' && q.kind !== 'select') {
      const reason = q.check(answer);
      if (reason) throw new Error(`script answer for ${q.id} is refused: ${reason}`);
    }
    asked.push(q);
    current = applyAnswer(current, q, answer);
  }
  return { draft: current, asked };
}

/** The draft as a file would hold it and give it back. */
export function throughDraftFile(draft: Draft): Draft {
  return parse(stringify(draft, { lineWidth: 0 }), { version: '1.2', schema: 'core' }) as Draft;
}

export function finalTexts(draft: Draft): string[] {
  return draft.records.map((_, i) => recordText(finishedRecord(draft, i, env.template), `/tmp/out/record-${i}.yaml`));
}

/** Errors `ntk check` would report for a record's text. */
export function checkErrors(text: string): string[] {
  const read = readRecordBytes('record.yaml', new TextEncoder().encode(text));
  if (!read.record) return read.findings.map((f) => f.message);
  return validateParsedRecord('record.yaml', read.record, { today: env.today })
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.path}: ${f.message}`);
}
