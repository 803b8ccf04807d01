import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../support/csv.js';
import { expectNoControlBytes } from '../support/output-safety.js';
import { COMBINED_PAYLOAD, everyFieldRecord, freeTextPaths, htmlTrace, markdownTrace, plantEverywhere, terminalTrace } from '../support/payloads.js';
import { ntk, repoRoot } from './run-ntk.js';

/** Every property the schema types as free text (text or shortText, or a string with no fixed form). */
function schemaFreeTextKeys(): string[] {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas/toolkit.schema.json'), 'utf8')) as unknown;
  const keys = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const props = (node as { properties?: Record<string, Record<string, unknown>> }).properties;
    for (const [key, prop] of Object.entries(props ?? {})) {
      const ref = prop.$ref;
      const freeString = prop.type === 'string' && !prop.pattern && !prop.enum && !prop.const;
      if (ref === '#/definitions/text' || ref === '#/definitions/shortText' || freeString) keys.add(key);
    }
    Object.values(node).forEach(visit);
  };
  visit(schema);
  return [...keys].sort();
}

/**
 * Record text planted with escape sequences, bidi overrides and Markdown
 * must reach no human format as anything but inert text: no byte of a
 * planted sequence survives, with or without colour.
 */
describe('record text cannot subvert the output', () => {
  let dir = '';
  let planted = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-inject-'));
    const base = await everyFieldRecord();
    const result = plantEverywhere(base, COMBINED_PAYLOAD);
    planted = result.planted;
    await writeFile(join(dir, 'planted.yaml'), stringify(result.record, { lineWidth: 0 }));
    // Keys are record text too: unknown ones are quoted back in check's messages.
    await writeFile(join(dir, 'hostile-keys.yaml'), stringify({ ...base, [`x${COMBINED_PAYLOAD}`]: 1, child: { ...(base.child as object), [`y\u001b]0;PWN\u0007`]: 2 } }));
    // An earlier toolkit with different planted text, so diff and history show changed words.
    const initial = parse(await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml'), 'utf8')) as unknown;
    await writeFile(join(dir, 'earlier.yaml'), stringify(plantEverywhere(initial, `${COMBINED_PAYLOAD} was`).record, { lineWidth: 0 }));
    // A planted sibling, so compare has two children and chronology a household.
    const sibling = parse(await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-02-2020-09-29.yaml'), 'utf8')) as unknown;
    await writeFile(join(dir, 'sibling.yaml'), stringify(plantEverywhere(sibling, COMBINED_PAYLOAD).record, { lineWidth: 0 }));
    // And so is a file's name, printed before every finding.
    await writeFile(join(dir, `name\u001b]0;PWN\u0007\u202e.yaml`), 'format: 1\n');
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('plants the payload in every free-text field of the record, and the record has every free-text field of the schema', async () => {
    const paths = freeTextPaths(await everyFieldRecord());
    expect(planted).toBe(paths.length);
    const plantedKeys = new Set(paths.map((p) => p.filter((s) => typeof s === 'string').at(-1)));
    const schemaKeys = schemaFreeTextKeys();
    expect(schemaKeys.length).toBeGreaterThan(20);
    expect(schemaKeys.filter((k) => !plantedKeys.has(k))).toEqual([]);
  });

  const humanRuns: [string, string[]][] = [
    ['check pretty', ['check', '.', '--format', 'pretty']],
    ['check github', ['check', '.', '--format', 'github']],
    ['summary terminal', ['summary', 'planted.yaml', '--evidence']],
  ];
  for (const [label, args] of humanRuns) {
    for (const colour of [false, true]) {
      it(`${label}${colour ? ' with FORCE_COLOR=1' : ''}: no control byte, no trace of a planted sequence`, async () => {
        const run = await ntk([...args, '--today', '2021-04-01'], { cwd: dir, env: colour ? { FORCE_COLOR: '1' } : {} });
        expect(run.exitCode, run.stderr).toBe(label.startsWith('check') ? 1 : 0);
        for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
          expectNoControlBytes(text, { allowColour: colour, label: `${label} ${stream}` });
          expect(terminalTrace(text), `${label} ${stream}`).toBeNull();
        }
        // The text around the payload is still shown: it was cleaned, not dropped.
        if (label.startsWith('summary')) expect(run.stdout).toContain('Text P ');
        else expect(run.stdout).toMatch(/not a field|cannot be used/);
        if (colour && !label.includes('github')) expect(run.stdout).toContain('\u001b[');
      });
    }
  }

  const reviewRuns: [string, string[], boolean][] = [
    ['diff terminal', ['diff', 'earlier.yaml', 'planted.yaml'], false],
    ['diff terminal', ['diff', 'earlier.yaml', 'planted.yaml'], true],
    ['history terminal', ['history', 'earlier.yaml', 'planted.yaml'], false],
    ['history terminal', ['history', 'earlier.yaml', 'planted.yaml'], true],
    ['compare terminal', ['compare', 'planted.yaml', 'sibling.yaml'], false],
    ['compare terminal', ['compare', 'planted.yaml', 'sibling.yaml'], true],
    ['chronology terminal', ['chronology', 'earlier.yaml', 'planted.yaml', 'sibling.yaml', '--today', '2021-04-01'], false],
    ['chronology terminal', ['chronology', 'earlier.yaml', 'planted.yaml', 'sibling.yaml', '--today', '2021-04-01'], true],
    // The report lists the folder's invalid files (a hostile file name among them) on stderr.
    ['report terminal', ['report', '.', '--today', '2021-04-01'], false],
    ['report terminal', ['report', '.', '--today', '2021-04-01'], true],
  ];
  for (const [label, args, colour] of reviewRuns) {
    it(`${label}${colour ? ' with FORCE_COLOR=1' : ''}: no control byte, no trace of a planted sequence`, async () => {
      const run = await ntk(args, { cwd: dir, env: colour ? { FORCE_COLOR: '1' } : {} });
      expect(run.exitCode, run.stderr).toBe(0);
      for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
        expectNoControlBytes(text, { allowColour: colour, label: `${label} ${stream}` });
        expect(terminalTrace(text), `${label} ${stream}`).toBeNull();
      }
      // The planted text itself is shown, cleaned: the renderer was really given it.
      if (label.startsWith('report')) expect(run.stderr).toContain('  name.yaml');
      else expect(run.stdout).toContain('Text P ');
    });
  }

  for (const [label, args] of [
    ['diff markdown', ['diff', 'earlier.yaml', 'planted.yaml', '--format', 'markdown']],
    ['history markdown', ['history', 'earlier.yaml', 'planted.yaml', '--format', 'markdown']],
    ['report markdown', ['report', '.', '--format', 'markdown', '--today', '2021-04-01']],
    ['compare markdown', ['compare', 'planted.yaml', 'sibling.yaml', '--format', 'markdown']],
    ['chronology markdown', ['chronology', 'earlier.yaml', 'planted.yaml', 'sibling.yaml', '--format', 'markdown', '--today', '2021-04-01']],
  ] as const) {
    it(`${label}: inert text, no HTML, no live link, no broken table, no control byte`, async () => {
      const run = await ntk(args, { cwd: dir });
      expect(run.exitCode, run.stderr).toBe(0);
      expectNoControlBytes(run.stdout, { label });
      expect(terminalTrace(run.stdout)).toBeNull();
      expect(markdownTrace(run.stdout)).toBeNull();
    });
  }

  for (const [label, args] of [
    ['summary html', ['summary', 'planted.yaml', '--format', 'html', '--evidence', '--today', '2021-04-01']],
    ['diff html', ['diff', 'earlier.yaml', 'planted.yaml', '--format', 'html']],
    ['compare html', ['compare', 'planted.yaml', 'sibling.yaml', '--format', 'html']],
    ['chronology html', ['chronology', 'earlier.yaml', 'planted.yaml', 'sibling.yaml', '--format', 'html', '--today', '2021-04-01']],
  ] as const) {
    it(`${label}: everything escaped, no live link, no control byte`, async () => {
      const run = await ntk(args, { cwd: dir });
      expect(run.exitCode, run.stderr).toBe(0);
      expectNoControlBytes(run.stdout, { label });
      expect(terminalTrace(run.stdout)).toBeNull();
      expect(htmlTrace(run.stdout)).toBeNull();
      expect(run.stdout).toContain('&lt;b&gt;x&lt;/b&gt;');
    });
  }

  it('summary markdown: inert text, no HTML, no live link, no broken table, no control byte', async () => {
    const run = await ntk(['summary', 'planted.yaml', '--format', 'markdown', '--evidence', '--today', '2021-04-01'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(run.exitCode).toBe(0);
    expectNoControlBytes(run.stdout, { label: 'markdown' });
    expect(terminalTrace(run.stdout)).toBeNull();
    expect(markdownTrace(run.stdout)).toBeNull();
    expect(run.stdout).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(run.stdout).toContain('\\|');
  });

  it('chronology csv: no control byte, no trace of a planted sequence, no cell a spreadsheet would run', async () => {
    const run = await ntk(['chronology', 'earlier.yaml', 'planted.yaml', 'sibling.yaml', '--format', 'csv', '--today', '2021-04-01'], { cwd: dir });
    expect(run.exitCode, run.stderr).toBe(0);
    expectNoControlBytes(run.stdout, { label: 'chronology csv' });
    expect(terminalTrace(run.stdout)).toBeNull();
    expect(run.stdout).toContain('Text P ');
    for (const row of parseCsv(run.stdout)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('a record that is not valid shows its diagnostics safely on stderr', async () => {
    const run = await ntk(['summary', 'hostile-keys.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(run.exitCode).toBe(1);
    expectNoControlBytes(run.stderr, { allowColour: true, label: 'summary diagnostics' });
    expect(terminalTrace(run.stderr)).toBeNull();
    expect(run.stderr).toContain('not a field');
  });
});
