import { copyFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk, ntkBin } from './run-ntk.js';
import { TmuxTerminal } from './tmux-terminal.js';

/**
 * A practitioner at a real terminal (tmux): real keys, real bracketed
 * pastes, Ctrl-C, kill -9 and closed windows. Nothing typed may be lost, no
 * score may be recorded that was not chosen, and any answer can be put
 * right before the record is written.
 */
// A real terminal under a loaded CI machine can drop a key typed the instant a prompt
// appears (inquirer attaches its input just after drawing); a retry tells that apart
// from a broken interview, which fails every time.
describe('ntk interviews in a real terminal', { retry: 2 }, () => {
  const terminal = new TmuxTerminal();
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ntk-interview-'));
  });
  afterAll(async () => {
    await terminal.close();
    await rm(root, { recursive: true, force: true });
  });

  const ntkCommand = (args: string) => `NO_COLOR=1 node ${ntkBin} ${args} --today 2021-04-01`;
  const stepper = (window: string) => terminal.stepper(window);
  /** Waits until a file holds `text` (saves happen as keys arrive); gives its content. */
  const fileShows = async (file: string, text: string): Promise<string> => {
    const until = Date.now() + 15_000;
    let content = '';
    while (Date.now() < until) {
      content = await readFile(file, 'utf8').catch(() => '');
      if (content.includes(text)) return content;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${file} never held ${JSON.stringify(text)}; it holds:\n${content}`);
  };
  /** Waits until `text` has been shown `n` times: a screen shown again (the check screen) is not the first one. */
  const shownTimes = async (window: string, text: string, n: number): Promise<void> => {
    const until = Date.now() + 15_000;
    while ((await terminal.screen(window)).split(text).length - 1 < n) {
      if (Date.now() > until) throw new Error(`${JSON.stringify(text)} was never shown ${n} times`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const notAssessed = ['Down', 'Down', 'Down', 'Down', 'Down', 'Enter'];
  const skipArea = ['Down', 'Enter'];
  const done = ['C-d'];
  const pasted = 'Kitchen cupboards empty; fridge off.\n\nMother said money ran out on Tuesday.\n  - no gas on the meter\n  - baby formula borrowed\n\nTia was in yesterday\'s clothes.';

  it('at 80x24: a pasted note kept byte for byte, no score from Enter, prompts in time, a wrong date put right before writing', { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(join(root, 'whole-'));
    const w = await terminal.run(ntkCommand(`new --out ${dir}`), dir, { columns: 80, rows: 24 });
    const step = stepper(w);
    await step('Household reference', '');
    await step('front door', ['Down', 'Enter']);
    await step("The child's case reference", 'TM-01');
    await step("The child's name", 'Tia');
    await step('Date of birth', '14/05/2016');
    await step('14/05/2016 = 14 May 2016 (2016-05-14)?', '');
    // A name typed into a yes/no question is refused, not taken as "no".
    await step("Add the people in the child's life", 'Dee');
    await step('answer y or n', ['C-u'], 'y');
    await step('Person 1: their name', 'Dee');
    await step('Who they are to the child', 'mother');
    await step("live in the child's home", '');
    await step('Add another person?', '');
    await step('Date the toolkit is completed', '');
    await step('Add the practitioners who contribute', '');
    await step('Contributor 1: a short id', 'hv1');
    await step('Their role', 'Health visitor');
    await step('Their agency', '');
    await step('Their name', '');
    await step('Add another contributor?', '');
    await step('Add a session', '');
    // The wrong date, put right on the check screen at the end.
    await step('Session 1: date', '2021-03-02');
    await step('What kind of contact', ['Down', 'Enter']);
    await step('Who led it?', ['Enter']);
    await step('seen on their own?', 'y');
    await terminal.waitFor(w, 'Who was there and what was seen');
    await terminal.paste(w, pasted);
    await terminal.waitFor(w, "> Tia was in yesterday's clothes.");
    await terminal.keys(w, 'C-d');
    await step('Add another session?', '');
    await step('How did the family take part', done);
    await step('Background factors', done);
    await step('Assess Physical care?', ['Enter']);
    await terminal.waitFor(w, "1.1 Food and feeding: where would you place the child's care?");
    // The section's question and all four descriptors are on the 24 rows, above the list.
    const shown = await terminal.visible(w);
    expect(shown).toContain('1.1 Food and feeding - Does the child get enough food');
    for (const label of ['1 Needs consistently met:', '2 Needs mostly met:', '3 Some essential needs unmet:', '4 Most essential needs unmet:']) expect(shown).toContain(label);
    // Enter alone chooses nothing.
    await terminal.keys(w, 'Enter');
    await step('nothing is chosen yet', ['3'], ['Enter']);
    await step('1.1 Food and feeding: where does the parent or carer place themselves?', ['2'], ['Enter']);
    await step('1.1 Food and feeding: the evidence', 'Cupboards empty on 20/3.', done);
    await step("1.2 Home conditions: where would you place the child's care?", notAssessed);
    await step("1.3 Clothing: where would you place the child's care?", notAssessed);
    await step("1.4 Hygiene: where would you place the child's care?", notAssessed);
    await step('Physical care: strengths', done);
    await step('Physical care: concerns', done);
    await step('Physical care: examples of the impact on the child', 'Arrives hungry at school.', done);
    await step('Practice prompt: mainly 3s and 4s');
    for (const area of ['Health and development', 'Safety and supervision', 'Emotional warmth']) await step(`Assess ${area}?`, skipArea);
    await step('Assess Family and relationships?', ['Enter']);
    await step("5.1 Carer wellbeing: where would you place the child's care?", notAssessed);
    await step("5.2 Parental conflict: where would you place the child's care?", ['3'], ['Enter']);
    // The reminder comes at once, before the next question.
    await terminal.waitFor(w, '5.2 Parental conflict: where does the parent or carer place themselves?');
    const reminded = await terminal.screen(w);
    const at = reminded.lastIndexOf('5.2 Parental conflict: where does the parent');
    expect(reminded.slice(0, at)).toContain('Practice prompt: section 5.2 is scored 3: be vigilant for signs of domestic abuse');
    await terminal.keys(w, '1');
    await terminal.keys(w, 'Enter');
    await step('a conversation to have, side by side');
    await step('5.2 Parental conflict: the evidence', 'He checks her phone and bank card.', done);
    await step('5.2 Parental conflict: what was done about the reminder above', 'Asked her alone; gave the helpline number.', done);
    await step("5.3 Support network: where would you place the child's care?", notAssessed);
    await step('Family and relationships: strengths', done);
    await step('Family and relationships: concerns', done);
    await step('Family and relationships: examples of the impact', done);
    for (const area of ['Boundaries and values', 'Commitment and change']) await step(`Assess ${area}?`, skipArea);
    await step('Was an explanation given that did not match what you saw?', '');
    await step("How was Tia's voice gathered?", ['Enter']);
    await step("Tia's own words: what is working well?", 'I like breakfast club.', done);
    await step("Tia's own words: what worries them?", done);
    await step("Tia's own words: what needs to happen?", done);
    await step('Your analysis', done);
    await step('What the parents or carers said', done);
    await step('When was it discussed with your safeguarding lead', '21 March 2021');
    await step('21 March 2021 = 21 March 2021 (2021-03-21)?', '');
    await step('What was decided', ['Down', 'Down', 'Enter']);
    await step('Add an action to the plan?', 'n');
    await step('When will the toolkit next be reviewed', '2021-07-01');
    // Nothing is written before the check screen; from it the session's date is changed.
    await step('Check the answers before the record is written');
    expect(await readdir(dir)).toEqual(['ntk-new.draft.yaml']);
    await step('Change: Sessions', ['Down', 'Down', 'Down', 'Down', 'Down', 'Enter']);
    await step('Sessions: which answer?', ['Down', 'Enter']);
    await step('? Session 1: date', ['C-u'], '2021-03-20');
    await shownTimes(w, 'Every question is answered', 2);
    await terminal.keys(w, 'Enter');
    const finished = await terminal.waitFor(w, 'NTK-EXIT=');
    expect(finished).toContain('NTK-EXIT=0');
    const file = join(dir, 'TM-01-2021-04-01.yaml');
    expect(finished).toContain(`wrote ${file}`);

    expect(await readdir(dir)).toEqual(['TM-01-2021-04-01.yaml']);
    const text = await readFile(file, 'utf8');
    // A temporary folder is in no repository with a schema copy: no schema line, never a path of this machine.
    expect(text).toMatch(/^format: neglect-toolkit\/1\n/);
    const record = parse(text) as {
      child: { born: string };
      assessment: { sessions: { date: string; note: string }[] };
      areas: Record<string, { sections: Record<string, { score?: number; parent_score?: number }> }>;
      summary: { lead_consulted: string };
    };
    expect(record.assessment.sessions[0]?.note).toBe(pasted);
    expect(record.assessment.sessions[0]?.date).toBe('2021-03-20');
    expect(record.child.born).toBe('2016-05-14');
    expect(record.summary.lead_consulted).toBe('2021-03-21');
    expect(record.areas['physical-care']?.sections).toEqual({ '1.1': { score: 3, parent_score: 2, evidence: 'Cupboards empty on 20/3.', by: 'hv1' } });
    expect(record.areas['family-relationships']?.sections['5.2']).toMatchObject({ score: 3, parent_score: 1, reminder_response: 'Asked her alone; gave the helpline number.' });
    const check = await ntk(['check', file, '--today', '2021-04-01']);
    expect(check.exitCode).toBe(0);
    expect(check.stdout).toContain('0 errors');
  });

  it('Ctrl-C and kill -9 mid-line keep the half-typed line; resuming without a terminal names what is missing and keeps the draft', { timeout: 120_000 }, async () => {
    const out = await mkdtemp(join(root, 'killed-'));
    const draft = join(out, 'ntk-new.draft.yaml');
    const first = await terminal.run(ntkCommand(`new --out ${out}`), out);
    const step = stepper(first);
    await step('Household reference', '');
    await step('front door', '');
    await step("The child's case reference", 'KL-01');
    await step("The child's name", 'Kai');
    await step('Date of birth', '');
    await step("Add the people in the child's life", '');
    await step('Date the toolkit is completed', '');
    await step('Add the practitioners who contribute', 'n');
    await step('Add a session', 'n');
    await step('How did the family take part', 'Mother joined both visits.');
    await terminal.keys(first, '-l', 'Grandmother came');
    await fileShows(draft, '- Grandmother came');
    await terminal.keys(first, 'C-c');
    const stopped = await terminal.waitFor(first, 'NTK-EXIT=');
    expect(stopped).toContain(`draft saved at ${draft}; resume with: ntk new --resume ${draft}`);
    expect(stopped).toContain('NTK-EXIT=130');

    const second = await terminal.run(ntkCommand(`new --resume ${draft}`), out);
    await terminal.waitFor(second, '  Mother joined both visits.');
    await terminal.waitFor(second, '> Grandmother came');
    await terminal.keys(second, '-l', ' to the second');
    await fileShows(draft, '- Grandmother came to the second');
    process.kill(await terminal.commandPid(second), 'SIGKILL');
    const saved = await readFile(draft, 'utf8');
    expect(saved).toContain('- Mother joined both visits.\n    - Grandmother came to the second');
    expect(saved).toContain('ref: KL-01');

    // Without a terminal, a half-done interview is never finished with made-up answers.
    const blind = await ntk(['new', '--out', out, '--resume', draft, '--today', '2021-04-01']);
    expect(blind.exitCode).toBe(2);
    expect(blind.stderr).toContain(`ntk: the interview saved at ${draft} is not finished and there is no terminal to ask on; still to answer: Assessment, Area 1: Physical care,`);
    expect(blind.stderr).toContain("Child's voice, Summary and plan");
    expect(await readdir(out)).toEqual(['ntk-new.draft.yaml']);
    expect(await readFile(draft, 'utf8')).toBe(saved);
    // A new interview in the same folder never starts over the waiting answers.
    const blocked = await ntk(['new', '--out', out]);
    expect(blocked.exitCode).toBe(2);
    expect(blocked.stderr).toBe(`ntk: an unfinished interview is saved at ${draft}; continue it with: ntk new --resume ${draft} (or delete the draft to start again)`);

    // A closed terminal (SIGHUP) ends ntk after its last save; Esc steps back a question first.
    const third = await terminal.run(ntkCommand(`new --resume ${draft}`), out);
    await terminal.waitFor(third, '> Grandmother came to the second');
    await terminal.keys(third, '-l', '.');
    await fileShows(draft, '- Grandmother came to the second.');
    await terminal.keys(third, 'C-d');
    await terminal.waitFor(third, 'Background factors');
    await terminal.keys(third, 'Escape');
    await terminal.waitFor(third, '> Grandmother came to the second.');
    await terminal.closeWindow(third);
    const after = await fileShows(draft, 'undone:');
    expect(after).toContain('assessment/involvement: |-\n    Mother joined both visits.\n    Grandmother came to the second.');
    await stat(draft);
  });

  it('opens a long answer in $EDITOR with Ctrl-E and takes back what was saved there; a pasted Windows text keeps its lines', { timeout: 120_000 }, async () => {
    const out = await mkdtemp(join(root, 'editor-'));
    const editorScript = join(out, 'fake-editor.sh');
    await writeFile(editorScript, '#!/bin/sh\nprintf \'\\nAdded in the editor.\' >> "$1"\n', { mode: 0o755 });
    const w = await terminal.run(`EDITOR=${editorScript} ${ntkCommand(`new --out ${out}`)}`, out);
    const step = stepper(w);
    await step('Household reference', '');
    await step('front door', '');
    await step("The child's case reference", 'ED-01');
    await step("The child's name", '');
    await step('Date of birth', '');
    await step("Add the people in the child's life", '');
    await step('Date the toolkit is completed', '');
    await step('Add the practitioners who contribute', 'n');
    await step('Add a session', 'n');
    await step('Ctrl-E: your editor', 'Typed here first.', ['C-e']);
    await step('> Added in the editor.', ['C-d']);
    await step('Background factors');
    const draft = await fileShows(join(out, 'ntk-new.draft.yaml'), 'assessment/involvement: |-');
    expect(draft).toContain('assessment/involvement: |-\n    Typed here first.\n\n    Added in the editor.\n');
    // Text copied from a Windows program: CRLF line ends, sent as they are, are one line end each.
    await terminal.paste(w, 'Dad lost his job in March.\r\n\r\n  Rent arrears since.', { raw: true });
    await terminal.waitFor(w, '>   Rent arrears since.');
    await terminal.keys(w, 'C-d');
    await step('Assess Physical care?');
    expect(await fileShows(join(out, 'ntk-new.draft.yaml'), 'assessment/background:')).toContain('assessment/background: |-\n    Dad lost his job in March.\n\n      Rent arrears since.\n');
    await terminal.keys(w, 'C-c');
    expect(await terminal.waitFor(w, 'NTK-EXIT=')).toContain('NTK-EXIT=130');
  });

  it('in a review the digit keys pick the score with that number, and Enter alone picks none', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(root, 'review-'));
    const source = join(dir, 'MJ-01-2020-09-29.yaml');
    await copyFile('fixtures/mary-jo/MJ-01-2020-09-29.yaml', source);
    const w = await terminal.run(ntkCommand(`review ${source}`), dir);
    const step = stepper(w);
    // The family as it was: everyone still where they were.
    await step("Kerry (mother): still living in the child's home?", '');
    await step("Wayne (mother's partner (Tyler's father)): still living in the child's home?", '');
    await step("Tyler (half-brother): still living in the child's home?", '');
    await step("Pat (maternal grandmother): still living away from the child's home?", '');
    await step('Add another person?', '');
    await step('Date the toolkit is completed', '');
    await step('Add another contributor?', '');
    await step('Add a session', 'n');
    await step('How did the family take part', done);
    await step('Background factors', done);
    await step('What changed in Physical care?', ['Down', 'Enter']);
    await step('Who is scoring Physical care?', ['Enter']);
    await step("1.1 Food and feeding: where would you place the child's care?", ['Enter']);
    await step('nothing is chosen yet', ['2'], ['Enter']);
    // Two adults live with Mary Jo: each is asked for their own view.
    await terminal.waitFor(w, "1.1 Food and feeding: where does Kerry (mother) place themselves?");
    const draft = await fileShows(join(dir, 'MJ-01-review.draft.yaml'), 'sections/1.1/score');
    expect(draft).toContain('child1/areas/physical-care/sections/1.1/score: "2"');
    expect(draft).toMatch(/"1\.1":\n\s+score: 2\n/);
    await terminal.keys(w, 'C-c');
    expect(await terminal.waitFor(w, 'NTK-EXIT=')).toContain('NTK-EXIT=130');
  });
});
