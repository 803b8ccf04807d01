import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../../src/analyse/redaction-fold.js';
import type { ToolkitRecord } from '../../src/record/types.js';
import { plantedRecord, plants } from '../support/redaction-corpus.js';
import { ntk, repoRoot } from './run-ntk.js';

/** Whether an identifier is still in the text as whole words, however it is spelt. */
function survives(text: string, identifier: string): boolean {
  const wanted = foldText(identifier).folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/gu, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${wanted}(?![\\p{L}\\p{N}])`, 'u').test(foldText(text).folded);
}

describe('ntk redact: the planted-identifier corpus, the review list, --strict and length', () => {
  let dir = '';
  let input = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-redact-review-'));
    input = join(dir, 'case');
    await mkdir(input);
    const record = plantedRecord(repoRoot);
    // Leave the ordinary phrases out: here every planted identifier is in the notes, and the review list has something to show.
    record.assessment.background = 'Seen with Dympna, whom nobody listed, and Auntie May of Park View; ref AB123456C.';
    await writeFile(join(input, 'MJ-01-2020-09-29.yaml'), stringify(record, { lineWidth: 0 }));
    await writeFile(join(input, 'MJ-02-2020-09-29.yaml'), await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-02-2020-09-29.yaml')));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('leaves no planted identifier in any copy, file name or message, and every copy passes ntk check', async () => {
    const out = join(dir, 'pack');
    const report = join(dir, 'review.json');
    const run = await ntk(['redact', input, '--out', out, '--report', report]);
    expect(run.exitCode, run.stderr).toBe(0);
    const names = (await readdir(out)).sort();
    const copies = await Promise.all(names.map((n) => readFile(join(out, n), 'utf8')));
    // The planted copy, and every file name; the sibling's own text has "brown decay", an ordinary use of a planted surname.
    const everything = [...names, copies[names.indexOf('C-001-2020-09-29.yaml')]].join('\n');
    const leaks = plants.flatMap((p) => p.identifiers.filter((id) => survives(everything, id)).map((id) => `${p.family}: ${id}`));
    expect(leaks).toEqual([]);
    const check = await ntk(['check', out, '--today', '2021-04-01']);
    expect(check.exitCode, check.stdout).toBe(0);

    // The review list: on stderr with the copy, the path and the words around it; and the same as JSON.
    expect(run.stderr).toMatch(/review list: \d+ words? or numbers? left/);
    expect(run.stderr).toMatch(/C-001-2020-09-29\.yaml {2}assessment\.background {2}"Dympna"/);
    const json = JSON.parse(await readFile(report, 'utf8')) as { files: number; replaced: Record<string, number>; review: { file: string; path: string; text: string; context: string; why: string }[] };
    expect(json.files).toBe(2);
    expect(json.replaced.phone).toBeGreaterThanOrEqual(8);
    expect(json.replaced.nhs).toBe(3);
    const listed = json.review.filter((r) => r.path === 'assessment.background').map((r) => `${r.why}: ${r.text}`);
    expect(listed.sort()).toEqual(['after-title: Auntie May', 'number: AB123456C', 'place: Park View', 'unknown-word: Dympna']);
    expect(json.review.every((r) => r.file === 'C-001-2020-09-29.yaml' || r.file === 'C-002-2020-09-29.yaml')).toBe(true);
    // The report is built from the copies: no planted identifier is in it either.
    const reportText = await readFile(report, 'utf8');
    expect(plants.flatMap((p) => p.identifiers.filter((id) => survives(reportText, id)))).toEqual([]);

    const again = await ntk(['redact', input, '--out', join(dir, 'pack2'), '--report', report]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/already exists.*--force/);
  }, 120_000);

  it('--strict: anything on the review list is an error (exit 1) and no copy is written', async () => {
    const out = join(dir, 'strict');
    const run = await ntk(['redact', input, '--out', out, '--strict']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/--strict: \d+ words? left to review; no copies written/);
    await expect(readdir(out)).rejects.toThrow();
    // A record with nothing left to review passes --strict.
    const clean = join(dir, 'clean');
    await mkdir(clean);
    const record = parse(await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-02-2020-09-29.yaml'), 'utf8')) as ToolkitRecord;
    await writeFile(join(clean, 'MJ-02.yaml'), stringify(record).replaceAll('Calpol', 'paracetamol'));
    const ok = await ntk(['redact', clean, '--out', join(dir, 'clean-out'), '--strict']);
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/review list: nothing left/);
  }, 120_000);

  it('never crashes on length: a pseudonym longer than the name still fits the schema, and the copy passes ntk check', async () => {
    const folder = join(dir, 'long');
    await mkdir(folder);
    const record = parse(await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-02-2020-09-29.yaml'), 'utf8')) as ToolkitRecord;
    // A 200-character relationship made of a two-letter name, and a name field of 60 one-letter words.
    record.child.family!.push({ name: 'Bo', relationship: 'Bo '.repeat(66).trim() + 'x' }, { name: Array.from({ length: 60 }, (_, i) => String.fromCharCode(65 + (i % 26))).join(' '), relationship: 'friend' });
    record.assessment.background = `${'born 14/3/12; '.repeat(1400)}`.slice(0, 19_990);
    await writeFile(join(folder, 'MJ-02.yaml'), stringify(record, { lineWidth: 0 }));
    expect((await ntk(['check', folder, '--today', '2021-04-01'])).exitCode).toBe(0);
    const out = join(dir, 'long-out');
    const run = await ntk(['redact', folder, '--out', out]);
    expect(run.exitCode, run.stderr).toBe(0);
    const check = await ntk(['check', out, '--today', '2021-04-01']);
    expect(check.exitCode, check.stdout).toBe(0);
    const copy = parse(await readFile(join(out, (await readdir(out))[0]!), 'utf8')) as ToolkitRecord;
    expect([...copy.child.family!.at(-2)!.relationship].length).toBeLessThanOrEqual(200);
    expect(copy.assessment.background).not.toMatch(/14\/3\/12/);
  }, 120_000);

  it('loads the language library only for redact: no chunk that the CLI imports at start, and no command file, holds it', async () => {
    const bin = join(repoRoot, 'dist/bin');
    const statics = new Set<string>();
    const visit = async (file: string): Promise<void> => {
      if (statics.has(file)) return;
      statics.add(file);
      const code = await readFile(join(bin, file), 'utf8');
      for (const m of code.matchAll(/\bfrom\s*"\.\/(chunk-[A-Z0-9]+\.js)"/gu)) await visit(m[1]!);
    };
    await visit('main.js');
    // The files of their own that bin/ntk.js loads for the commonest commands (scripts/bundle.mjs).
    const commandFiles = (await readdir(bin)).filter((f) => /^command-[a-z-]+\.cjs$/.test(f));
    expect(commandFiles.length).toBeGreaterThan(0);
    for (const f of commandFiles) await visit(f);
    const holding = (await readdir(bin)).filter((f) => /\.c?js$/.test(f));
    const withLexicon = [];
    for (const f of holding) if ((await readFile(join(bin, f), 'utf8')).includes('FemaleName')) withLexicon.push(f);
    expect(withLexicon.length).toBeGreaterThan(0);
    expect(withLexicon.filter((f) => statics.has(f))).toEqual([]);
  });
});
