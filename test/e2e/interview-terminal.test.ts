import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk, ntkBin } from './run-ntk.js';
import { TmuxTerminal } from './tmux-terminal.js';

/**
 * A practitioner at a real terminal: types a short interview, presses
 * Ctrl-C part-way, resumes it, and gets a record that passes `ntk check`.
 */
// A real terminal under a loaded CI machine can drop a key typed the instant a prompt
// appears (inquirer attaches its input just after drawing); a retry tells that apart
// from a broken interview, which fails every time.
describe('ntk new in a real terminal', { retry: 2 }, () => {
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

  it('survives Ctrl-C: the draft resumes where it stopped and the file passes ntk check', { timeout: 120_000 }, async () => {
    // A folder of its own, so a retry starts clean.
    const dir = await mkdtemp(join(root, 'ctrl-c-'));
    const first = await terminal.run(ntkCommand(`new --out ${dir}`), dir);
    const step = async (prompt: string, ...typed: (string | string[])[]) => {
      await terminal.waitFor(first, prompt);
      for (const t of typed) await (Array.isArray(t) ? terminal.keys(first, ...t) : terminal.line(first, t));
    };
    await step('Household reference', '');
    await step('front door', ['Down', 'Enter']);
    await step("The child's case reference", 'TM-01');
    await step("The child's name", 'Tia');
    await step('Date of birth', '2016-05-04');
    await step("Add the people in the child's life", 'y');
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
    await step('Session 1: date', '2021-03-20');
    await step('What kind of contact', ['Down', 'Enter']);
    await step('Who led it?', ['Enter']);
    await step('seen on their own?', 'y');
    await step('Who was there and what was seen', 'Kitchen cupboards empty.', '');
    await step('Add another session?', '');
    await step('How did the family take part', '');
    await step('Background factors', '');
    await step('Assess Physical care?', ['Enter']);
    await step("1.1 Food and feeding: where would you place the child's care?", ['Down', 'Down', 'Enter']);
    await terminal.waitFor(first, 'where does the parent or carer place themselves?');
    await terminal.keys(first, 'C-c');
    const stopped = await terminal.waitFor(first, 'NTK-EXIT=');
    expect(stopped).toContain('NTK-EXIT=130');
    const draft = join(dir, 'ntk-new.draft.yaml');
    expect(stopped).toContain(`draft saved at ${draft}; resume with: ntk new --resume ${draft}`);

    const second = await terminal.run(ntkCommand(`new --resume ${draft}`), dir);
    const next = async (prompt: string, ...typed: (string | string[])[]) => {
      await terminal.waitFor(second, prompt);
      for (const t of typed) await (Array.isArray(t) ? terminal.keys(second, ...t) : terminal.line(second, t));
    };
    await next('where does the parent or carer place themselves?', ['Down', 'Enter']);
    await next('1.1 Food and feeding: the evidence', 'Cupboards empty on 20/3.', '');
    const notAssessed = ['Down', 'Down', 'Down', 'Down', 'Enter'];
    await next("1.2 Home conditions: where would you place the child's care?", notAssessed);
    await next("1.3 Clothing: where would you place the child's care?", notAssessed);
    await next("1.4 Hygiene: where would you place the child's care?", notAssessed);
    await next('Physical care: strengths', '');
    await next('Physical care: concerns', '');
    await next('Physical care: examples of the impact on the child', 'Arrives hungry at school.', '');
    for (const area of ['Health and development', 'Safety and supervision', 'Emotional warmth', 'Family and relationships', 'Boundaries and values', 'Commitment and change']) {
      await next(`Assess ${area}?`, ['Down', 'Enter']);
    }
    await next('Was an explanation given that did not match what you saw?', '');
    await next("How was Tia's voice gathered?", ['Enter']);
    await next("Tia's own words: what is working well?", 'I like breakfast club.', '');
    await next("Tia's own words: what worries them?", '');
    await next("Tia's own words: what needs to happen?", '');
    await next('Your analysis', '');
    await next('What the parents or carers said', '');
    await next('When was it discussed with your safeguarding lead', '2021-03-21');
    await next('What was decided', ['Down', 'Down', 'Enter']);
    await next('Add an action to the plan?', 'n');
    await next('When will the toolkit next be reviewed', '2021-03-01');
    await next('this must be after the date the toolkit is completed');
    await terminal.keys(second, 'C-u');
    await terminal.line(second, '2021-07-01');
    const done = await terminal.waitFor(second, 'NTK-EXIT=');
    expect(done).toContain('NTK-EXIT=0');
    expect(done).toContain('Neglect toolkit summary sheet - Tia');
    const file = join(dir, 'TM-01-2021-04-01.yaml');
    expect(done).toContain(`wrote ${file}`);

    expect(await readdir(dir)).toEqual(['TM-01-2021-04-01.yaml']);
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\/.*schemas\/toolkit\.schema\.json\n/);
    expect(text).toContain('"1.1":\n        score: 3\n        parent_score: 2\n        evidence: Cupboards empty on 20/3.\n        by: hv1\n');
    const check = await ntk(['check', file, '--today', '2021-04-01']);
    expect(check.exitCode).toBe(0);
    expect(check.stdout).toContain('0 errors');
  });

  it('a kill or a closed terminal loses nothing, not even half a long answer', { timeout: 120_000 }, async () => {
    const out = await mkdtemp(join(root, 'killed-'));
    const draft = join(out, 'ntk-new.draft.yaml');
    const session = await terminal.run(ntkCommand(`new --out ${out}`), out);
    const step = async (prompt: string, ...typed: string[]) => {
      await terminal.waitFor(session, prompt);
      for (const t of typed) await terminal.line(session, t);
    };
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
    await terminal.waitFor(session, '  Mother joined both visits.');
    process.kill(await terminal.commandPid(session), 'SIGTERM');
    const stopped = await terminal.waitFor(session, 'NTK-EXIT=');
    expect(stopped).toContain(`draft saved at ${draft}; resume with: ntk new --resume ${draft}`);
    expect(stopped).toContain('NTK-EXIT=130');

    const resumed = await terminal.run(ntkCommand(`new --resume ${draft}`), out);
    await terminal.waitFor(resumed, 'How did the family take part');
    await terminal.waitFor(resumed, '  Mother joined both visits.');
    await terminal.line(resumed, 'Grandmother came to the second.');
    await terminal.waitFor(resumed, '  Grandmother came to the second.');
    await terminal.closeWindow(resumed);
    // The closed terminal's SIGHUP ends ntk after its last save; the draft holds both lines.
    const until = Date.now() + 15_000;
    let saved = '';
    while (Date.now() < until && !saved.includes('Grandmother came to the second.')) {
      saved = await readFile(draft, 'utf8');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(saved).toContain('- Mother joined both visits.\n    - Grandmother came to the second.');
    expect(saved).toContain('ref: KL-01');
    // A new interview in the same folder never starts over the waiting answers.
    const blocked = await ntk(['new', '--out', out]);
    expect(blocked.exitCode).toBe(2);
    expect(blocked.stderr).toBe(`ntk: an unfinished interview is saved at ${draft}; continue it with: ntk new --resume ${draft} (or delete the draft to start again)`);
  });
});
