import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findControlBytes } from '../support/output-safety.js';
import { ntk, repoRoot } from './run-ntk.js';

/** A file name with an escape sequence and an unterminated one, as a folder received from elsewhere might hold. */
const hostileName = 'MJ\u001b]0;PWN\u0007-\u009dtitle \u202eevil\u200b.yaml';
/** Record text with an unterminated 8-bit introducer (text mis-read as Latin-1), bidi, zero-width and tag characters. */
const hostileText = 'Seen at home \u009d the rest of this sentence \u202eevil\u202c Mary\u200bJo\u{e0041}.';

describe('every format prints file names and record text through the one sanitiser', () => {
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-sanitised-'));
    await mkdir(join(dir, 'records'));
    file = join(dir, 'records', hostileName);
    const record = parse(await readFile(join(repoRoot, 'fixtures/mary-jo/MJ-01-2020-09-29.yaml'), 'utf8')) as Record<string, any>;
    record.areas['physical-care'].impact = hostileText;
    await writeFile(file, stringify(record));
    await copyFile(join(repoRoot, 'fixtures/mary-jo/MJ-02-2020-09-29.yaml'), join(dir, 'records', 'MJ-02-2020-09-29.yaml'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const format of ['csv', 'json', 'markdown', 'terminal']) {
    it(`report --format ${format}: no control, bidi or invisible character from a file name`, async () => {
      const r = await ntk(['report', join(dir, 'records'), '--format', format, '--today', '2020-10-01']);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(findControlBytes(r.stdout)).toBeNull();
      // JSON keeps the real name, its escape written as \u001b; every other format drops the whole sequence.
      if (format === 'json') expect(r.stdout).toContain('MJ\\u001b]0;PWN\\u0007-');
      else expect(r.stdout).not.toContain('PWN');
    });
  }

  it('summary --format json escapes C1, bidi, zero-width and tag characters and keeps the text after an unterminated introducer', async () => {
    const r = await ntk(['summary', file, '--format', 'json', '--today', '2020-10-01']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(findControlBytes(r.stdout)).toBeNull();
    expect(r.stdout).toContain('\\u009d the rest of this sentence \\u202eevil');
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain(hostileText);
  });

  for (const format of ['terminal', 'markdown', 'html']) {
    it(`summary --format ${format}: an unterminated introducer loses only itself, never the rest of the field`, async () => {
      const r = await ntk(['summary', file, '--format', format, '--today', '2020-10-01']);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(findControlBytes(r.stdout)).toBeNull();
      expect(r.stdout).toContain('the rest of this sentence');
      expect(r.stdout).toContain('MaryJo');
    });
  }

  it('check --format github and json: file names are data', async () => {
    await writeFile(join(dir, 'records', 'bad\u001b[2J\u009d.yaml'), 'format: nope\n');
    for (const format of ['github', 'json', 'pretty']) {
      const r = await ntk(['check', join(dir, 'records'), '--format', format]);
      expect(r.exitCode).toBe(1);
      expect(findControlBytes(r.stdout), format).toBeNull();
      expect(findControlBytes(r.stderr), format).toBeNull();
    }
    await rm(join(dir, 'records', 'bad\u001b[2J\u009d.yaml'));
  });
});
