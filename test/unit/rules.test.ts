import { describe, expect, it } from 'vitest';
import { parseRecordYaml } from '../../src/read/yaml-document.js';
import { validateParsedRecord } from '../../src/validate/validate-record.js';
import { impossibleDateReason, daysBetween } from '../../src/record/dates.js';

function findings(yaml: string, today = '2020-10-01') {
  const parsed = parseRecordYaml(yaml);
  if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
  return validateParsedRecord('r.yaml', parsed.record, { today }).findings;
}

const head = `format: neglect-toolkit/1
template: nscp-ncscp/2021
child: {ref: A1}
assessment:
  type: initial
  completed: 2020-09-21
  contributors: [{id: hv1}]
  sessions:
    - {date: 2020-09-10, type: unannounced-visit, by: hv1, seen_alone: true}
`;

const codes = (yaml: string, today?: string) => findings(yaml, today).map((f) => f.code);

describe('practice prompts and warnings', () => {
  it('prompts to discuss with the lead when mainly 3s and 4s with impact, and warns without lead_consulted', () => {
    const yaml = `${head}areas:
  physical-care:
    sections: {"1.1": {score: 4}, "1.2": {score: 3}, "1.3": {score: 2}}
    impact: Arrives hungry.
`;
    expect(codes(yaml)).toEqual(expect.arrayContaining(['discuss-with-lead', 'lead-not-consulted']));
    expect(codes(`${yaml}summary: {lead_consulted: 2020-09-22}\n`)).not.toContain('lead-not-consulted');
  });

  it('does not prompt when half or fewer of the scored sections are 3 or 4', () => {
    const yaml = `${head}areas:
  physical-care:
    sections: {"1.1": {score: 4}, "1.2": {score: 1}}
    impact: Arrives hungry.
`;
    expect(codes(yaml)).not.toContain('discuss-with-lead');
  });

  it('warns when an area scored 3 or 4 has no impact recorded', () => {
    expect(codes(`${head}areas:\n  physical-care:\n    sections: {"1.1": {score: 3}}\n`)).toContain('impact-missing');
  });

  it('reminds about domestic abuse when 5.2 is scored 3 or conflict is described', () => {
    expect(codes(`${head}areas:\n  family-relationships:\n    sections: {"5.2": {score: 3}}\n    impact: x\n`)).toContain('domestic-abuse-reminder');
    expect(codes(`${head}areas:\n  family-relationships:\n    sections: {"5.2": {score: 2, evidence: Loud arguments most evenings.}}\n`)).toContain(
      'domestic-abuse-reminder',
    );
    // What was done is said with the reminder, which stays: the guidance asks it at every contact.
    const followed = findings(`${head}areas:\n  family-relationships:\n    sections: {"5.2": {score: 3, reminder_response: DASH RIC completed with Kerry on 30/9.}}\n    impact: x\n`);
    expect(followed.find((f) => f.code === 'domestic-abuse-reminder')?.message).toMatch(/DASH RIC where it is safe to do so.* What was done: DASH RIC completed with Kerry on 30\/9\.$/);
    // Stems match at word starts only: "growing" is not "row".
    expect(codes(`${head}areas:\n  family-relationships:\n    sections: {"5.2": {score: 1, evidence: A growing family.}}\n`)).not.toContain(
      'domestic-abuse-reminder',
    );
  });

  it('prompts a conversation when parent and practitioner differ by 2 or more', () => {
    expect(codes(`${head}areas:\n  emotional-warmth:\n    sections: {"4.1": {score: 3, parent_score: 1}}\n    impact: x\n`)).toContain('parent-score-differs');
    expect(codes(`${head}areas:\n  emotional-warmth:\n    sections: {"4.1": {score: 2, parent_score: 1}}\n`)).not.toContain('parent-score-differs');
  });

  it('warns about gaps in how evidence was gathered', () => {
    const none = `format: neglect-toolkit/1\ntemplate: nscp-ncscp/2021\nchild: {ref: A1}\nassessment: {type: review, completed: 2020-09-21}\n`;
    expect(codes(none)).toEqual(expect.arrayContaining(['review-without-previous', 'no-sessions']));
    const announcedOnly = head.replace('unannounced-visit', 'announced-visit').replace('seen_alone: true', 'seen_alone: false');
    expect(codes(announcedOnly)).toEqual(expect.arrayContaining(['no-unannounced-visit', 'child-not-seen-alone']));
  });
});

describe('completeness and looking again', () => {
  const complete = `${head}areas:\n  physical-care:\n    sections: {"1.1": {score: 2}}\nchild_voice: {working_well: My bike.}\nsummary: {decision: single-agency, next_review: 2020-12-01}\n`;

  it('warns, naming each, when a toolkit has no areas, no child\'s voice, no decision or no next review', () => {
    const c = codes(complete);
    for (const code of ['no-areas', 'child-voice-missing', 'decision-missing', 'next-review-missing'] as const) expect(c).not.toContain(code);
    const bare = findings(head);
    const byCode = new Map(bare.map((f) => [f.code, f]));
    for (const code of ['no-areas', 'child-voice-missing', 'decision-missing', 'next-review-missing'] as const) expect(byCode.get(code)?.severity).toBe('warning');
    expect(byCode.get('child-voice-missing')?.message).toMatch(/child's voice is not recorded/);
  });

  it('takes a voice heard through play or observation as the child\'s voice', () => {
    expect(codes(complete.replace('{working_well: My bike.}', '{gathered: [play, observation]}'))).not.toContain('child-voice-missing');
  });

  it('is satisfied by lead_consulted: no prompt to discuss once it was discussed, and no field path in the words', () => {
    const yaml = `${head}areas:\n  physical-care:\n    sections: {"1.1": {score: 4}, "1.2": {score: 3}}\n    impact: Arrives hungry.\n`;
    const before = findings(yaml);
    expect(before.map((f) => f.code)).toEqual(expect.arrayContaining(['discuss-with-lead', 'lead-not-consulted']));
    for (const f of before) expect(f.message).not.toMatch(/summary\.|assessment\.|`/);
    expect(codes(`${yaml}summary: {lead_consulted: 2020-09-22}\n`)).not.toEqual(expect.arrayContaining(['discuss-with-lead']));
  });

  it('makes each explanation that did not match what was seen a prompt to look again', () => {
    const yaml = head.replace('  sessions:', '  explanations:\n    - {said: "Shopping comes tomorrow", observed: Cupboards bare all week}\n  sessions:');
    const f = findings(yaml).find((x) => x.code === 'explanation-mismatch');
    expect(f?.severity).toBe('prompt');
    expect(f?.message).toContain('Shopping comes tomorrow');
    expect(f?.message).toContain('look again');
  });
});

describe('dates', () => {
  it('knows which dates are real', () => {
    expect(impossibleDateReason('2020-02-29')).toBeNull();
    expect(impossibleDateReason('2019-02-29')).toBe('2019-02-29 is not a real date (February 2019 has 28 days)');
    expect(impossibleDateReason('2020-13-01')).toBe('2020-13-01 is not a real date (there is no month 13)');
    expect(impossibleDateReason('1900-02-29')).not.toBeNull();
    expect(impossibleDateReason('2000-02-29')).toBeNull();
  });

  it('counts days across daylight saving without drift', () => {
    expect(daysBetween('2020-09-29', '2020-12-15')).toBe(77);
    expect(daysBetween('2021-03-27', '2021-03-29')).toBe(2);
  });
});
