import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it, vi } from 'vitest';
import { inquirerPrompter } from '../../src/cli/interview/ask-question.js';
import { newDraft } from '../../src/interview/draft.js';
import { nextQuestion } from '../../src/interview/interview-walk.js';
import type { Question } from '../../src/interview/question.js';
import { plainStyle } from '../../src/render/plain-style.js';
import { findControlBytes } from '../support/output-safety.js';
import { COMBINED_PAYLOAD, terminalTrace } from '../support/payloads.js';
import { env, scripted, walk } from './interview-script.js';

// The long-text prompt is ntk's own; it goes onto the same virtual screen as the @inquirer ones.
vi.mock('../../src/cli/interview/multiline-prompt.js', async (importOriginal) => {
  const { wrapPrompt } = await import('@inquirer/testing/vitest');
  const actual = await importOriginal<typeof import('../../src/cli/interview/multiline-prompt.js')>();
  return { default: wrapPrompt(actual.default) };
});

const prompter = inquirerPrompter(plainStyle, 100);

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
  it('shows the section, its four descriptors and the choices, and returns the score picked', async () => {
    const answer = prompter.ask(questionAt('child1/areas/physical-care/sections/1.1/score'), [], () => undefined);
    const shown = screen.getScreen();
    expect(shown).toContain('1.1 Food and feeding - Does the child get enough food');
    expect(shown).toContain('4 Most essential needs unmet: The child is often hungry');
    expect(shown).toContain('Not relevant (say why)');
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('3');
    // Once answered, the descriptors give way to the question and its answer.
    expect(screen.getScreen()).toBe("✔ 1.1 Food and feeding: where would you place the child's care? 3  Some essential needs unmet");
  });

  it('says why a date cannot be used and asks again', async () => {
    const answer = prompter.ask(questionAt('assessment/completed'), [], () => undefined);
    for (let i = 0; i < 10; i++) screen.keypress('backspace');
    screen.type('2021-02-30');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('2021-02-30 is not a real date (February 2021 has 28 days)');
    for (let i = 0; i < 10; i++) screen.keypress('backspace');
    screen.type('2021-03-01');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('2021-03-01');
  });

  it('takes long text as lines ending on an empty line, reporting each line as it comes', async () => {
    const seen: string[][] = [];
    const answer = prompter.ask(questionAt('child1/areas/physical-care/impact'), [], (lines) => seen.push(lines));
    expect(screen.getScreen()).toContain('an empty line ends');
    // Typed (or pasted) without waiting: every line arrives.
    screen.type('Arrives hungry most days.');
    screen.keypress('enter');
    screen.type('Hides food in her bag.');
    screen.keypress('enter');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('Arrives hungry most days.\nHides food in her bag.');
    expect(seen).toEqual([['Arrives hungry most days.'], ['Arrives hungry most days.', 'Hides food in her bag.']]);
  });

  it('continues a long answer from the lines a draft kept', async () => {
    const answer = prompter.ask(questionAt('child1/areas/physical-care/impact'), ['Arrives hungry most days.'], () => undefined);
    expect(screen.getScreen()).toContain('  Arrives hungry most days.\n>');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('Arrives hungry most days.');
  });

  it('shows lines kept in a draft as text, never as terminal control', async () => {
    const kept = `Arrives ${COMBINED_PAYLOAD} hungry`;
    const answer = prompter.ask(questionAt('child1/areas/physical-care/impact'), [kept], () => undefined);
    // The raw screen holds inquirer's own cursor codes; no remnant of a planted sequence may be among them,
    // and once those codes are set aside no control, C1 or bidi character may be left.
    const shown = screen.getScreen({ raw: true });
    expect(terminalTrace(shown)).toBeNull();
    expect(findControlBytes(shown.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ''))).toBeNull();
    screen.keypress('enter');
    // The answer itself is the record text as it was; only its display is cleaned.
    await expect(answer).resolves.toBe(kept);
    expect(terminalTrace(screen.getScreen({ raw: true }))).toBeNull();
  });

  it('says why long text cannot be used and takes it again', async () => {
    const question = { ...questionAt('child1/areas/physical-care/impact'), check: (t: string) => (t.length > 10 ? 'at most 10 characters fit here' : null) };
    const answer = prompter.ask(question, [], () => undefined);
    screen.type('far too long for this');
    screen.keypress('enter');
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('at most 10 characters fit here; please type it again');
    screen.type('short');
    screen.keypress('enter');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('short');
  });

  it('leaves an optional answer out when Enter is pressed on an empty line', async () => {
    const answer = prompter.ask(questionAt('child1/child/name'), [], () => undefined);
    screen.keypress('enter');
    await expect(answer).resolves.toBeNull();
  });
});
