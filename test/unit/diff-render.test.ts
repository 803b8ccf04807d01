import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../src/analyse/review-diff.js';
import { Chalk } from 'chalk';
import { plainStyle } from '../../src/render/plain-style.js';
import { renderDiffMarkdown } from '../../src/render/diff-markdown.js';
import { renderDiffTerminal } from '../../src/render/diff-terminal.js';
import { defaultTemplate } from '../../src/template/load-template.js';
import { maryJo } from './fixture-records.js';

async function hostileDiff() {
  const { record, template } = await maryJo('MJ-01-2020-09-29');
  const edited = structuredClone(record);
  edited.child.name = 'Mary\u001b]8;;https://evil.example\u0007 Jo\u001b[2J';
  edited.areas!['physical-care']!.sections!['1.1']!.evidence = 'Cupboards <script>alert(1)</script> | [link](javascript:x) \u001b[31mred\u001b[0m \u202eevil';
  return diffRecords(record, edited, template);
}

const words = defaultTemplate().template;
describe('review diff renderers', () => {
  it('never pass terminal control sequences from record text to a terminal', async () => {
    const diff = await hostileDiff();
    const plain = renderDiffTerminal(diff, words, plainStyle, 100);
    expect(plain).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(plain).toContain('<script>alert(1)</script>');
    const coloured = renderDiffTerminal(diff, words, new Chalk({ level: 1 }), 100);
    // Colour codes are ours; none of the record's own survive.
    expect(coloured).not.toContain('\u001b[2J');
    expect(coloured).not.toContain('\u001b]8');
  });

  it('escape record text in Markdown', async () => {
    const md = renderDiffMarkdown(await hostileDiff(), words);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('\\[link\\](javascript:x)');
    expect(md).not.toMatch(/[\u001b\u202e]/);
  });

  it('read the same without colour: every change has a symbol and a word', async () => {
    const review1 = await maryJo('MJ-01-2020-12-15');
    const review2 = await maryJo('MJ-01-2021-03-16');
    const text = renderDiffTerminal(diffRecords(review1.record, review2.record, review2.template), words, plainStyle, 100);
    expect(text).toMatch(/^ {2}▲ 5\.2 Parental conflict +2▄ -> 3▆ {2}deteriorated/m);
    expect(text).toMatch(/^ {2}▼ 3\.2 With the carer absent +3▆ -> 2▄ {2}improved/m);
    expect(text).toMatch(/^5 Family and relationships {2}deteriorated: 1 section worse, 2 the same; highest 2 -> 3$/m);
  });
});
