import { mkdtemp, readFile, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ntk, ntkBin, repoRoot } from './run-ntk.js';

const maryJo = 'fixtures/mary-jo/MJ-01-2020-09-29.yaml';
const ESC = '\u001b';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ntk-summary-'));
}

describe('ntk summary', () => {
  it('shows the grid, impact, child voice, prompts and plan of Mary Jo', async () => {
    const r = await ntk(['summary', maryJo, '--today', '2020-10-01']);
    expect(r.exitCode).toBe(0);
    for (const text of ['At a glance', '1 Physical care', '7 Commitment and change', 'Impact on Mary Jo', "Mary Jo's voice", 'Prompts for your judgement', 'Request for support to Early Help', 'Next review: 15 December 2020']) {
      expect(r.stdout).toContain(text);
    }
    expect(r.stdout).toMatch(/1\.1 +4█ +\(p2\)/);
    expect(r.stdout).toContain('18 of 23 scored sections at 3 or 4 - mainly 3s and 4s');
  });

  it('never calls a review overdue when the next toolkit of the child is in the folder; says when the lead was consulted; words, not field paths or ISO dates', async () => {
    for (const format of ['terminal', 'markdown', 'html']) {
      const r = await ntk(['summary', maryJo, '--today', '2021-04-01', '--format', format]);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).not.toContain('overdue');
      expect(r.stdout).toContain('reviewed on 15 December 2020');
      expect(r.stdout).toContain('discussed on 30 September 2020');
      expect(r.stdout).not.toContain('as soon as possible');
      expect(r.stdout).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      expect(r.stdout).not.toMatch(/\b(summary|assessment|child_voice|areas)\.[a-z_]+/);
    }
    // Tyler has no later toolkit: his review is overdue, and the date reads as words.
    const tyler = await ntk(['summary', 'fixtures/mary-jo/MJ-02-2020-09-29.yaml', '--today', '2021-04-01', '--format', 'markdown']);
    expect(tyler.stdout).toContain('the review due on 15 December 2020 is overdue (today is 1 April 2021)');
  });

  it('prints no escape codes when piped or with NO_COLOR, and colour only when forced', async () => {
    const piped = await ntk(['summary', maryJo]);
    expect(piped.stdout).not.toContain(ESC);
    const noColor = await ntk(['summary', maryJo], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(noColor.stdout).not.toContain(ESC);
    const flag = await ntk(['summary', maryJo, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(flag.stdout).not.toContain(ESC);
    const forced = await ntk(['summary', maryJo], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(ESC);
  });

  it('renders Markdown with a grid table and escapes record text', async () => {
    const dir = await tempDir();
    const file = join(dir, 'x.yaml');
    const source = await readFile(maryJo, 'utf8');
    await writeFile(file, source.replace('name: Mary Jo', 'name: "Mary | <b>Jo</b>"'));
    const r = await ntk(['summary', file, '--format', 'markdown']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('# Neglect toolkit summary sheet: Mary \\| &lt;b&gt;Jo&lt;/b&gt;');
    expect(r.stdout).not.toContain('<b>');
    expect(r.stdout).toMatch(/\| \*\*1 Physical care\*\* \| 🟥 \*\*4\*\* 1\.1 Food and feeding \*\(parent 2\)\* \|/);
  });

  it('prints the sheet as JSON on stdout only', async () => {
    const r = await ntk(['summary', maryJo, '--format', 'json']);
    const sheet = JSON.parse(r.stdout) as { child: { ref: string }; grid: unknown[] };
    expect(sheet.child.ref).toBe('MJ-01');
    expect(sheet.grid).toHaveLength(7);
    expect(r.stderr).toBe('');
  });

  it('writes --output atomically, owner-only, and never over an existing file without --force', async () => {
    const dir = await tempDir();
    const out = join(dir, 'sheet.md');
    const first = await ntk(['summary', maryJo, '--format', 'markdown', '--output', out]);
    expect(first.exitCode).toBe(0);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    await writeFile(out, 'keep me');
    const again = await ntk(['summary', maryJo, '--format', 'markdown', '--output', out]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(await readFile(out, 'utf8')).toBe('keep me');
    const forced = await ntk(['summary', maryJo, '--format', 'markdown', '--output', out, '--force']);
    expect(forced.exitCode).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('Mary Jo');
  });

  it('refuses an invalid record with the diagnostics check would print, exit 1', async () => {
    const r = await ntk(['summary', 'fixtures/invalid/score-out-of-range.yaml']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('fixtures/invalid/score-out-of-range.yaml:22:16 error');
  });

  it('exits 2 for a file that does not exist', async () => {
    const r = await ntk(['summary', 'nope.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('ntk: nope.yaml: no such file');
  });
});

describe('ntk template and ntk schema', () => {
  it('shows an area with its sections, descriptors and the 5.2 reminder', async () => {
    const r = await ntk(['template', 'show', '--area', 'family-relationships']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('5 Family and relationships');
    expect(r.stdout).toContain('5.2 Parental conflict');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('consider completing a DASH RIC');
    expect(r.stdout).not.toContain('1 Physical care');
  });

  it('names the areas when asked for one that does not exist', async () => {
    const r = await ntk(['template', 'show', '--area', 'housing']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('physical-care');
  });

  it('prints the record schema as JSON', async () => {
    const r = await ntk(['schema']);
    const schema = JSON.parse(r.stdout) as { $id: string };
    expect(schema.$id).toBe('urn:neglect-toolkit:schema:toolkit:1');
  });

  it('stops quietly when the reader closes the pipe early (ntk --help | head -1)', async () => {
    const r = await execa('bash', ['-c', `node ${JSON.stringify(ntkBin)} --help | head -1; exit \${PIPESTATUS[0]}`], { cwd: repoRoot, reject: false });
    expect(r.stdout).toBe('Usage: ntk [options] [command]');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('answers --version and --help', async () => {
    const version = await ntk(['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await ntk(['check', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });
});
