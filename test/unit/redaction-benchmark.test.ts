import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/analyse/redaction.js';
import { foldText } from '../../src/analyse/redaction-fold.js';
import type { ToolkitRecord } from '../../src/record/types.js';
import { ordinary, plantedRecord, plants } from '../support/redaction-corpus.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Whether a string survives in the copy as whole words, however it is now spelt (case, accents, apostrophes, spaces). */
function survives(copy: string, identifier: string): boolean {
  const text = foldText(copy).folded;
  const wanted = foldText(identifier).folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/gu, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${wanted}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

describe('redaction benchmark: planted identifiers of every family, and ordinary words', () => {
  it('leaves 0 identifiers and changes 0 ordinary phrases', () => {
    const record = plantedRecord(repoRoot);
    const sibling = parse(readFileSync(`${repoRoot}/fixtures/mary-jo/MJ-02-2020-09-29.yaml`, 'utf8')) as ToolkitRecord;
    const redactor = new Redactor();
    redactor.learn(record);
    redactor.learn(sibling);
    const copy = redactor.redact(record);
    // The ordinary phrases (in the background) hold "pat", "brown" and "14 March" as ordinary words: identifiers are looked for everywhere else.
    const everything = JSON.stringify({ ...copy, assessment: { ...copy.assessment, background: '' } });

    const leaks = plants.flatMap((p) => p.identifiers.filter((id) => survives(everything, id)).map((id) => `${p.family}: ${id}`));
    const listed = ['Mary Jo', 'Kerry', 'Wayne', 'Tyler', 'Aoife', 'Zoë', 'Siân', "O'Brien", 'Smith-Jones', 'Mary-Kate', 'Walker'];
    leaks.push(...listed.filter((n) => survives(everything, n)).map((n) => `listed name: ${n}`));
    const overRedacted = ordinary.filter((phrase) => !copy.assessment.background!.includes(phrase));
    const planted = plants.reduce((n, p) => n + p.identifiers.length, 0) + listed.length;
    console.log(`redaction benchmark: ${planted} planted identifiers in ${plants.length} families, ${leaks.length} leaks; ${ordinary.length} ordinary phrases, ${overRedacted.length} over-redactions`);
    expect(leaks).toEqual([]);
    expect(overRedacted).toEqual([]);
    // Contributor ids made of a name are replaced wherever they are used.
    expect(copy.assessment.sessions![0]!.by).toBe(copy.assessment.contributors!.at(-1)!.id);
    expect(copy.assessment.contributors!.at(-1)!.id).not.toMatch(/aoife/i);
  });

  it('stays near-linear: 2 MB of planted text is redacted in seconds (a loose bound, not a timing test)', () => {
    const record = plantedRecord(repoRoot);
    const redactor = new Redactor();
    redactor.learn(record);
    const base = [...plants.map((p) => p.text), ...ordinary].join(' ');
    const parts: string[] = [];
    let length = 0;
    // Digits and unknown names vary from copy to copy, so no cache makes the later megabyte cheaper than the first.
    for (let i = 0; length < 2_000_000; i++) {
      const part = `${base.replace(/\d/gu, (d) => String((Number(d) + i) % 10))} Mrs Zed${i} met Xavier${i}. `;
      parts.push(part);
      length += part.length;
    }
    const text = parts.join('');
    const started = performance.now();
    const out = redactor.redactText(text);
    const seconds = (performance.now() - started) / 1000;
    console.log(`redaction of ${(text.length / 1e6).toFixed(1)} MB: ${seconds.toFixed(1)} s`);
    expect(out.length).toBeGreaterThan(text.length / 2);
    expect(seconds).toBeLessThan(60);
  }, 120_000);
});
