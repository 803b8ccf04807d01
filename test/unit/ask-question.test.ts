import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it, vi } from 'vitest';
import { BACK, inquirerPrompter } from '../../src/interview/ask-question.js';
import { newDraft } from '../../src/interview/draft.js';
import { nextQuestion } from '../../src/interview/interview-walk.js';
import type { Question } from '../../src/interview/question.js';
import { plainStyle } from '../../src/render/plain-style.js';
import { findControlBytes } from '../support/output-safety.js';
import { COMBINED_PAYLOAD, terminalTrace } from '../support/payloads.js';
import { env, scripted, walk } from './interview-script.js';

// The long-text prompt is ntk's own; it goes onto the same virtual screen as the @inquirer ones.
vi.mock('../../src/interview/multiline-prompt.js', async (importOriginal) => {
  const { wrapPrompt } = await import('@inquirer/testing/vitest');
  const actual = await importOriginal<typeof import('../../src/interview/multiline-prompt.js')>();
  return { ...actual, default: wrapPrompt(actual.default) };
});
vi.mock('../../src/interview/score-prompt.js', async (importOriginal) => {
  const { wrapPrompt } = await import('@inquirer/testing/vitest');
  const actual = await importOriginal<typeof import('../../src/interview/score-prompt.js')>();
  return { default: wrapPrompt(actual.default) };
});

const said: string[] = [];
const prompter = inquirerPrompter(plainStyle, { width: 100, rows: 60, write: (text) => said.push(text) });

/** Keys as a terminal's readline delivers them: each with the characters it stands for. */
function typeKeys(text: string): void {
  for (const ch of text) {
    if (ch === '\n') screen.keypress({ name: 'return', sequence: '\r', ctrl: false } as never);
    else screen.keypress({ name: ch.toLowerCase(), sequence: ch, ctrl: false } as never);
  }
}
const ctrlD = { name: 'd', ctrl: true, sequence: '\u0004' } as never;


/** The question the interview reaches when the script stops just before `id`. */
function questionAt(id: string): Question {
  const script = scripted();
  let draft = newDraft({ template: 'nscp-ncscp/2021', household: false, out: '.' });
  for (let q = nextQuestion(draft, env); q && q.id !== id; q = nextQuestion(draft, env)) draft = walk(draft, script, 1).draft;
  const q = nextQuestion(draft, env);
  if (!q) throw new Error(`the walk never reaches ${id}`);
  return q;
}

describe('the prompts of an interview', () => {
  it('shows the section and its four descriptors, opens on no score, and Enter alone records nothing', async () => {
    const answer = prompter.ask(questionAt('child1/areas/physical-care/sections/1.1/score'), {});
    const shown = screen.getScreen();
    expect(shown).toContain('1.1 Food and feeding - Does the child get enough food');
    expect(shown).toContain('4 Most essential needs unmet: The child is often hungry');
    expect(shown).toContain('Not relevant (say why)');
    expect(shown).not.toContain('❯');
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('nothing is chosen yet');
    // A digit is the score with that number.
    screen.keypress('3');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('3');
    // Once answered, the descriptors give way to the question and its answer.
    expect(screen.getScreen()).toBe("✔ 1.1 Food and feeding: where would you place the child's care? 3  Some essential needs unmet");
  });

  it('picks "unchanged" and "not assessed" by their first letter', async () => {
    const base = questionAt('child1/areas/physical-care/sections/1.1/score');
    const question = { ...base, choices: [...(base.choices ?? []).slice(0, 4), { value: 'unchanged', name: 'Unchanged (2 Needs mostly met)' }, ...(base.choices ?? []).slice(4)] };
    const first = prompter.ask(question, {});
    screen.keypress('u');
    screen.keypress('enter');
    await expect(first).resolves.toBe('unchanged');
    const second = prompter.ask(question, {});
    screen.keypress('n');
    screen.keypress('enter');
    await expect(second).resolves.toBe('not-assessed');
  });

  it('shortens the descriptors on a small screen and shows the chosen one whole under the list', async () => {
    const small = inquirerPrompter(plainStyle, { width: 80, rows: 24, write: () => undefined });
    const answer = small.ask(questionAt('child1/areas/physical-care/sections/1.1/score'), {});
    const first = screen.getScreen();
    expect(first.split('\n').length).toBeLessThanOrEqual(24);
    expect(first).toContain('1.1 Food and feeding - Does the child get enough food');
    expect(first).toContain('4 Most essential needs unmet: The child is often');
    screen.keypress('4');
    const chosen = screen.getScreen();
    expect(chosen.split('\n').length).toBeLessThanOrEqual(24);
    expect(chosen.replace(/\s+/g, ' ')).toContain("while money and attention go to the adults' needs first");
    screen.keypress('enter');
    await expect(answer).resolves.toBe('4');
  });

  it('says why a date cannot be used, reads 14/05/2021 as day/month/year and confirms it in words', async () => {
    const answer = prompter.ask(questionAt('assessment/completed'), {});
    for (let i = 0; i < 10; i++) screen.keypress('backspace');
    screen.type('2021-02-30');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('2021-02-30 is not a real date (February 2021 has 28 days)');
    for (let i = 0; i < 10; i++) screen.keypress('backspace');
    screen.type('1/3/2021');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('1/3/2021 = 1 March 2021 (2021-03-01)? (Y/n)');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('2021-03-01');
  });

  it('takes only y, n or Enter at a yes/no question, saying so for anything else', async () => {
    const answer = prompter.ask(questionAt('child1/child/family/more/0'), {});
    screen.type('Dee');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('answer y or n (Enter alone: no)');
    for (let i = 0; i < 3; i++) screen.keypress('backspace');
    screen.type('y');
    screen.keypress('enter');
    await expect(answer).resolves.toBe(true);
  });

  it('takes long text over several lines, ended by Ctrl-D, reporting every change as it comes', async () => {
    const seen: string[] = [];
    const answer = prompter.ask(questionAt('child1/areas/physical-care/impact'), { onText: (text) => seen.push(text) });
    expect(screen.getScreen()).toContain('Ctrl-D: done');
    typeKeys('Arrives hungry.\n\nHides food.\n');
    expect(seen.at(-1)).toBe('Arrives hungry.\n\nHides food.\n');
    expect(seen).toContain('Arr');
    screen.keypress(ctrlD);
    await expect(answer).resolves.toBe('Arrives hungry.\n\nHides food.');
  });

  it('keeps a bracketed paste whole: blank lines, indentation and Windows line ends', async () => {
    const answer = prompter.ask(questionAt('child1/areas/physical-care/impact'), {});
    screen.keypress({ name: 'paste-start', sequence: '\u001b[200~' } as never);
    for (const ch of 'A\r\n\r\n  B\r\rC') screen.keypress({ name: ch === '\r' ? 'return' : ch === '\n' ? 'enter' : ch.toLowerCase(), sequence: ch } as never);
    screen.keypress({ name: 'paste-end', sequence: '\u001b[201~' } as never);
    screen.keypress(ctrlD);
    await expect(answer).resolves.toBe('A\n\n  B\n\nC');
  });

  it('continues a long answer from the text a draft kept', async () => {
    const answer = prompter.ask(questionAt('child1/areas/physical-care/impact'), { typed: 'Arrives hungry most days.\nHides' });
    expect(screen.getScreen()).toContain('  Arrives hungry most days.\n> Hides');
    typeKeys(' food.');
    screen.keypress(ctrlD);
    await expect(answer).resolves.toBe('Arrives hungry most days.\nHides food.');
  });

  it('shows text kept in a draft as text, never as terminal control', async () => {
    const kept = `Arrives ${COMBINED_PAYLOAD} hungry`;
    const answer = prompter.ask(questionAt('child1/areas/physical-care/impact'), { typed: kept });
    // The raw screen holds inquirer's own cursor codes; no remnant of a planted sequence may be among them,
    // and once those codes are set aside no control, C1 or bidi character may be left.
    const shown = screen.getScreen({ raw: true }).replaceAll('\u001b[?2004h', '');
    expect(terminalTrace(shown)).toBeNull();
    expect(findControlBytes(shown.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ''))).toBeNull();
    screen.keypress(ctrlD);
    // The answer itself is the record text as it was; only its display is cleaned.
    await expect(answer).resolves.toBe(kept);
    expect(terminalTrace(screen.getScreen({ raw: true }))).toBeNull();
  });

  it('says why long text cannot be used and keeps it to be changed', async () => {
    const question = { ...questionAt('child1/areas/physical-care/impact'), check: (t: string) => (t.length > 10 ? 'at most 10 characters fit here' : null) };
    const answer = prompter.ask(question, {});
    typeKeys('far too long');
    screen.keypress(ctrlD);
    expect(screen.getScreen()).toContain('at most 10 characters fit here; change it and press Ctrl-D again');
    for (let i = 0; i < 5; i++) screen.keypress({ name: 'backspace', sequence: '\u007f' } as never);
    screen.keypress(ctrlD);
    await expect(answer).resolves.toBe('far too');
  });

  it('leaves an optional answer out when Enter is pressed on an empty line', async () => {
    const answer = prompter.ask(questionAt('child1/child/name'), {});
    screen.keypress('enter');
    await expect(answer).resolves.toBeNull();
  });

  it('offers the answer given before when a question is asked again', async () => {
    const answer = prompter.ask(questionAt('child1/areas/physical-care/sections/1.1/score'), { before: '2' });
    expect(screen.getScreen()).toContain('❯ 2  Needs mostly met');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('2');
  });

  it('prints practice prompts between questions', () => {
    prompter.say(['Practice prompt: section 5.2 is scored 3: consider a DASH RIC.']);
    expect(said.join('')).toContain('Practice prompt: section 5.2 is scored 3: consider a DASH RIC.');
    expect(BACK).toBeTypeOf('symbol');
  });
});
