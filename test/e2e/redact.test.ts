import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk, repoRoot } from './run-ntk.js';

/** Identifiers planted on top of Mary Jo's Story; none may survive in any byte of the copies or the report. */
const planted = {
  contributorNames: ['Jane Okonjo', 'Priya Raman'],
  surname: 'Smith',
  phones: ['07700 900123', '+44 115 496 0123', '0115-496-0999', '(0115) 496 0777'],
  emails: ['kerry.smith@example.com', 'j.okonjo@school.example.org'],
  postcodes: ['NG7 2AB', 'ng1 5ft', 'NG185QT'],
  addresses: ['42 Acacia Avenue', 'Flat 3, 17 Mansfield Road'],
  titled: 'Mrs Brownlow',
};
const realNames = ['Mary Jo', 'Kerry', 'Wayne', 'Tyler', 'Pat', 'Okonjo', 'Raman', 'Jane', 'Priya', 'Smith'];
const realRefs = ['MJ-01', 'MJ-02', 'H-MJ'];
const realBirthDates = ['2012-03-14', '14/03/2012', '14 March 2012'];

const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

describe('ntk redact', () => {
  let dir = '';
  let input = '';
  const before = new Map<string, string>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-redact-'));
    input = join(dir, 'case');
    await cp(join(repoRoot, 'fixtures/mary-jo'), input, { recursive: true });
    // Plant contact details, surnames and practitioners' names into every record.
    for (const name of (await readdir(input)).filter((n) => n.endsWith('.yaml'))) {
      const file = join(input, name);
      const record = parse(await readFile(file, 'utf8')) as {
        child: { family?: { name: string }[] };
        assessment: { contributors: { name?: string }[]; background?: string; involvement?: string };
        summary: { analysis?: string };
      };
      record.assessment.contributors[0]!.name = planted.contributorNames[0];
      record.assessment.contributors[1]!.name = planted.contributorNames[1];
      if (record.child.family?.[0]) record.child.family[0].name = `Kerry ${planted.surname}`;
      record.assessment.background = `${record.assessment.background ?? ''} Home: ${planted.addresses[0]}, Nottingham ${planted.postcodes[0]}; before that ${planted.addresses[1]}, ${planted.postcodes[1]} and ${planted.postcodes[2]}. Ring ${planted.phones.join(' or ')}; e-mail ${planted.emails.join(', ')}. Mary Jo was born on 14/03/2012 (14 March 2012).`;
      record.assessment.involvement = `${record.assessment.involvement ?? ''} KERRY's sister and ${planted.titled} (neighbour) came; kerry agreed; Ms ${planted.surname} signed. Okonjo's notes; Priya rang.`;
      await writeFile(file, stringify(record, { lineWidth: 0 }));
      before.set(file, await sha(file));
    }
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes valid pseudonymised copies in which no planted or real identifier survives', async () => {
    const out = join(dir, 'pack');
    const run = await ntk(['redact', input, '--out', out]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const names = (await readdir(out)).sort();
    expect(names).toEqual(['C-001-2020-09-29.yaml', 'C-001-2020-12-15.yaml', 'C-001-2021-03-16.yaml', 'C-002-2020-09-29.yaml']);
    const everything = [run.stderr, ...names, ...(await Promise.all(names.map((n) => readFile(join(out, n), 'utf8'))))].join('\n');
    const survivors = [
      ...planted.contributorNames,
      planted.titled,
      ...planted.phones,
      ...planted.emails,
      ...planted.postcodes,
      ...planted.addresses,
      ...realRefs,
      ...realBirthDates,
    ].filter((s) => everything.toLowerCase().includes(s.toLowerCase()));
    expect(survivors).toEqual([]);
    for (const name of realNames) expect(everything, name).not.toMatch(new RegExp(`\\b${name}\\b`, 'i'));
    expect(everything).not.toMatch(/\b0\d{3,4}[\s-]?\d{3}[\s-]?\d{3,4}\b/);
    expect(everything).not.toMatch(/@/);
    // The report gives counts, never values.
    expect(run.stderr).toMatch(/wrote 4 pseudonymised records/);
    expect(run.stderr).toMatch(/ 16 phone numbers\n/);
    expect(run.stderr).toMatch(/4 dates of birth coarsened/);
    for (const n of names) expect((await stat(join(out, n))).mode & 0o777).toBe(0o600);
  });

  it('reads as one coherent case: consistent pseudonyms, passing ntk check', async () => {
    const out = join(dir, 'pack');
    const check = await ntk(['check', out, '--today', '2021-04-01']);
    expect(check.exitCode, check.stdout).toBe(0);
    const records = await Promise.all(
      (await readdir(out)).sort().map(async (n) => parse(await readFile(join(out, n), 'utf8')) as { child: { ref: string; name: string; born: string; household: string; family: { name: string; ref?: string }[] } }),
    );
    const [first, review1, review2, sibling] = records as [typeof records[0], typeof records[0], typeof records[0], typeof records[0]];
    // The same child, household and family members in every file; the sibling's ref is the family member's ref.
    for (const r of [review1, review2]) {
      expect(r.child.name).toBe(first.child.name);
      expect(r.child.family.map((m) => m.name)).toEqual(first.child.family.map((m) => m.name));
    }
    expect(new Set(records.map((r) => r.child.household))).toEqual(new Set(['H-001']));
    expect(first.child.family.find((m) => m.ref)?.ref).toBe(sibling.child.ref);
    expect(first.child.born).toBe('2012-07-01');
    // A name in free text became the same pseudonym as in its name field, possessive kept.
    const text = await readFile(join(out, 'C-001-2020-09-29.yaml'), 'utf8');
    const mum = first.child.family[0]!.name.split(' ')[0]!;
    // KERRY's in capitals stays in capitals.
    expect(text).toContain(`${mum.toUpperCase()}'s sister`);
    expect(text).toContain('[address]');
    expect(text).toContain('[postcode]');
    expect(text).toContain('[phone]');
    expect(text).toContain('[email]');
    // A titled name nobody listed gets a pseudonym of its own, so the sentence still reads.
    expect(text).toMatch(/Mrs (?!Brownlow)[A-Z][a-z]+ \(neighbour\)/);
    // The summary still tells Mary Jo's story under her pseudonym.
    const summary = await ntk(['summary', join(out, 'C-001-2020-09-29.yaml'), '--today', '2021-04-01']);
    expect(summary.exitCode).toBe(0);
    expect(summary.stdout).toContain(`summary sheet - ${first.child.name}`);
  });

  it('never changes the input', async () => {
    for (const [file, hash] of before) expect(await sha(file), file).toBe(hash);
  });

  it('refuses an --out inside an input folder, and existing copies without --force (exit 2)', async () => {
    const inside = await ntk(['redact', input, '--out', join(input, 'redacted')]);
    expect(inside.exitCode).toBe(2);
    expect(inside.stderr).toMatch(/is inside the input/);
    const same = await ntk(['redact', input, '--out', input]);
    expect(same.exitCode).toBe(2);
    const glob = await ntk(['redact', `${input}/*.yaml`, '--out', join(input, 'x')]);
    expect(glob.exitCode).toBe(2);

    const out = join(dir, 'pack');
    const copy = join(out, 'C-001-2020-09-29.yaml');
    const hash = await sha(copy);
    const again = await ntk(['redact', input, '--out', out]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/already holds .*--force/);
    expect(await sha(copy)).toBe(hash);
    const forced = await ntk(['redact', input, '--out', out, '--force']);
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(await sha(copy)).toBe(hash);
    // A copy given back as input is never overwritten by its own copy, even with --force.
    const onItself = await ntk(['redact', copy, '--out', out, '--force']);
    expect(onItself.exitCode).toBe(2);
    expect(onItself.stderr).toMatch(/is the input .* of this command/);
    expect(await sha(copy)).toBe(hash);
    const onFile = await ntk(['redact', input, '--out', copy]);
    expect(onFile.exitCode).toBe(2);
    expect(onFile.stderr).toMatch(/is a file/);
    // Seven runs of the built ntk, three of them full redactions: a loose bound for a shared machine.
  }, 120_000);

  it('copies the valid records of a batch and reports a bad one like check (exit 1)', async () => {
    const batch = join(dir, 'batch');
    await cp(join(repoRoot, 'fixtures/mary-jo/MJ-02-2020-09-29.yaml'), join(batch, 'MJ-02-2020-09-29.yaml'), { recursive: true });
    await writeFile(join(batch, 'broken.yaml'), 'format: neglect-toolkit/1\nchild: [\n');
    const run = await ntk(['redact', batch, '--out', join(dir, 'batch-out')]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/broken\.yaml:\d+:\d+ error/);
    expect(await readdir(join(dir, 'batch-out'))).toEqual(['C-001-2020-09-29.yaml']);
  });

  it('needs --out', async () => {
    const run = await ntk(['redact', input]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/--out/);
  });
});
