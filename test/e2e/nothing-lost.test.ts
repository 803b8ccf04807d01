import { execa } from 'execa';
import { copyFile, link, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk, ntkBin, repoRoot } from './run-ntk.js';

const fixture = (name: string) => join(repoRoot, 'fixtures/mary-jo', name);
const first = 'MJ-01-2020-09-29.yaml';
const second = 'MJ-01-2020-12-15.yaml';

describe('an output never replaces an input', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-out-in-'));
    for (const f of [first, second]) await copyFile(fixture(f), join(dir, f));
    await symlink(first, join(dir, 'link.yaml'));
    await link(join(dir, first), join(dir, 'hard-link.md'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // Every command with --output, and every way to spell the same file: as given, `./`, a symbolic link, a hard link.
  const commands: [string, (output: string) => string[]][] = [
    ['summary', (o) => ['summary', first, '--output', o, '--force']],
    ['summary --format html', (o) => ['summary', first, '--format', 'html', '--output', o, '--force']],
    ['diff', (o) => ['diff', second, first, '--output', o, '--force']],
    ['report', (o) => ['report', '.', '--format', 'csv', '--output', o, '--force']],
    ['history', (o) => ['history', first, second, '--no-git', '--output', o, '--force']],
  ];
  for (const [name, args] of commands) {
    for (const spelling of [first, `./${first}`, 'link.yaml', 'hard-link.md', join('..', '*', first).replace('*', '')]) {
      it(`${name} --output ${spelling} --force is refused and the record is untouched`, async () => {
        const output = spelling.startsWith('..') ? join('..', dir.split('/').pop()!, first) : spelling;
        const before = await readFile(join(dir, first));
        const r = await ntk(args(output), { cwd: dir });
        expect(r.exitCode, r.stderr).toBe(2);
        expect(r.stderr).toMatch(/is the input .* of this command; an output never replaces an input/);
        expect(await readFile(join(dir, first))).toEqual(before);
      });
    }
  }

  it('an --answers file is never replaced by the record it answers', async () => {
    const out = join(dir, 'new');
    await mkdir(out);
    const answers = join(out, 'AB-01-2020-09-29.yaml');
    const record = parse(await readFile(fixture(first), 'utf8')) as Record<string, any>;
    record.child.ref = 'AB-01';
    await writeFile(answers, stringify(record));
    const before = await readFile(answers, 'utf8');
    const r = await ntk(['new', '--answers', answers, '--out', out, '--force', '--today', '2021-04-01']);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/is the input .* of this command/);
    expect(await readFile(answers, 'utf8')).toBe(before);
  });
});

describe('review in place', () => {
  it('review FILE --out FILE --force updates the reviewed record itself (one file per child, its history in git)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ntk-review-in-place-'));
    const file = join(dir, 'MJ-01.yaml');
    await copyFile(fixture(first), file);
    await writeFile(
      join(dir, 'review.yaml'),
      'assessment:\n  completed: 2020-12-15\n  sessions:\n    - date: 2020-12-10\n      type: unannounced-visit\n      by: hv1\n      seen_alone: true\nsummary:\n  decision: early-help\n  lead_consulted: 2020-12-15\n  next_review: 2021-03-15\nreview:\n  celebrated: Fridge.\n  significant_harm: No indication of significant harm.\n',
    );
    const refused = await ntk(['review', file, '--answers', join(dir, 'review.yaml'), '--out', file, '--today', '2021-01-01']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/already exists; .*--force/);
    const r = await ntk(['review', file, '--answers', join(dir, 'review.yaml'), '--out', file, '--force', '--today', '2021-01-01']);
    expect(r.exitCode, r.stderr).toBe(0);
    const after = parse(await readFile(file, 'utf8')) as Record<string, any>;
    expect(after.assessment).toMatchObject({ type: 'review', previous: '2020-09-29', completed: '2020-12-15' });
    expect((await readdir(dir)).sort()).toEqual(['MJ-01.yaml', 'review.yaml']);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('drafts are data, not instructions', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-drafts-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('an edit draft naming another output file is refused, and that file untouched', async () => {
    const file = join(dir, 'R.yaml');
    const victim = join(dir, 'victim.yaml');
    await copyFile(fixture(first), file);
    await writeFile(victim, 'precious: yes\n');
    const record = parse(await readFile(file, 'utf8')) as unknown;
    const draft = { ntk_draft: 1, command: 'edit', household: false, records: [record], answers: {}, previous: record, editAreas: [], source: file, out: null, outFile: victim };
    await writeFile(join(dir, 'R.edit.draft.yaml'), stringify(draft));
    const r = await ntk(['edit', file, '--resume', '--today', '2021-04-01']);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/names the output file .*victim\.yaml.*a draft never chooses where files are written/);
    expect(await readFile(victim, 'utf8')).toBe('precious: yes\n');
  });

  it('a new draft naming another folder is refused (ntk new --resume --out .)', async () => {
    const work = join(dir, 'work');
    const elsewhere = join(dir, 'elsewhere');
    await mkdir(work);
    await mkdir(elsewhere);
    const record = parse(await readFile(fixture(first), 'utf8')) as unknown;
    const draft = { ntk_draft: 1, command: 'new', household: false, records: [record], answers: {}, out: elsewhere };
    await writeFile(join(work, 'ntk-new.draft.yaml'), stringify(draft));
    const r = await ntk(['new', '--resume', '--out', '.', '--today', '2021-04-01'], { cwd: work });
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/names the output folder .*elsewhere.*a draft never chooses where files are written/);
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('a review draft naming an output file the command line did not give is refused', async () => {
    const folder = join(dir, 'review');
    await mkdir(folder);
    const file = join(folder, 'MJ-01-2020-09-29.yaml');
    await copyFile(fixture(first), file);
    const record = parse(await readFile(file, 'utf8')) as Record<string, any>;
    const draft = { ntk_draft: 1, command: 'review', household: false, records: [{ ...record, assessment: { ...record.assessment, type: 'review', completed: '2020-12-15', previous: '2020-09-29' } }], answers: {}, previous: record, source: file, out: folder, outFile: join(folder, 'victim.yaml') };
    await writeFile(join(folder, 'MJ-01-review.draft.yaml'), stringify(draft));
    const r = await ntk(['review', file, '--resume', '--today', '2021-04-01']);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/add --out .*victim\.yaml/);
    expect(await readdir(folder)).not.toContain('victim.yaml');
  });
});

const isRoot = process.getuid?.() === 0;

/** A tiny RAM disk, so "disk full" is real; mounting needs root, which the test machine has. */
async function tinyDisk(size: string): Promise<string | null> {
  if (!isRoot) return null;
  const mount = await mkdtemp(join(tmpdir(), 'ntk-full-'));
  const r = await execa('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mount], { reject: false });
  if (r.exitCode !== 0) {
    await rm(mount, { recursive: true, force: true });
    return null;
  }
  return mount;
}

describe('a full disk', () => {
  let mount: string | null = null;
  beforeAll(async () => {
    mount = await tinyDisk('128k');
  });
  afterAll(async () => {
    if (!mount) return;
    await execa('umount', [mount], { reject: false });
    await rm(mount, { recursive: true, force: true });
  });

  /** Fills the disk but for about `spare` bytes. */
  async function fill(spare: number): Promise<void> {
    await rm(join(mount!, 'filler'), { force: true });
    await execa('sh', ['-c', `dd if=/dev/zero of=filler bs=1024 count=1000 2>/dev/null; true`], { cwd: mount!, reject: false });
    const { stdout } = await execa('df', ['-B1', '--output=avail', mount!]);
    const free = Number(stdout.trim().split('\n').pop());
    expect(free).toBeLessThan(8192);
    await execa('truncate', ['-s', `-${spare}`, 'filler'], { cwd: mount! });
  }

  it.skipIf(!isRoot)('summary --output: exit 3, a message, no temporary file left, the old output untouched', async (ctx) => {
    if (!mount) return ctx.skip();
    await writeFile(join(mount, 'summary.html'), 'old page\n');
    await fill(4096);
    const r = await ntk(['summary', fixture(first), '--format', 'html', '--output', join(mount, 'summary.html'), '--force']);
    expect(r.exitCode, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/ENOSPC.*no file was left half-written/);
    expect((await readdir(mount)).sort()).toEqual(['filler', 'summary.html']);
    expect(await readFile(join(mount, 'summary.html'), 'utf8')).toBe('old page\n');
  });

  it.skipIf(!isRoot)('edit on a full disk: exit 3, the record untouched, no temporary file left', async (ctx) => {
    if (!mount) return ctx.skip();
    for (const f of await readdir(mount)) await rm(join(mount, f), { force: true });
    const file = join(mount, first);
    await copyFile(fixture(first), file);
    await writeFile(join(mount, 'dentist.yaml'), 'areas:\n  health-development:\n    sections:\n      "2.1":\n        score: 2\n        evidence: Filling done.\n');
    const before = await readFile(file);
    await fill(2048);
    const r = await ntk(['edit', file, '--by', 'dent1', '--answers', join(mount, 'dentist.yaml'), '--today', '2021-04-01']);
    expect(r.exitCode, r.stderr).toBe(3);
    expect(await readFile(file)).toEqual(before);
    expect((await readdir(mount)).sort()).toEqual(['MJ-01-2020-09-29.yaml', 'dentist.yaml', 'filler']);
  });

  it.skipIf(!isRoot)('standard output redirected to a full disk: exit 3, not 2', async (ctx) => {
    if (!mount) return ctx.skip();
    await fill(0);
    const r = await execa('sh', ['-c', `node "${ntkBin}" summary "${fixture(first)}" --format html > "${join(mount, 'out.html')}"`], { reject: false });
    expect(r.exitCode).toBe(3);
  });
});
