import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCommitted } from '../../src/read/git.js';
import { runGit } from '../support/history-repo.js';

/**
 * One file alone is read with `git log --follow -- FILE`; several files with
 * one log of every commit, each followed through its renames by ntk. Both
 * must give a file the same revisions, whatever the repository went
 * through: edits, renames (with edits, into folders, two names swapped in
 * one commit), deletions, a name used again, branches merged back with
 * either side's text kept.
 */
type Op =
  | { kind: 'edit'; file: number }
  | { kind: 'rename'; file: number; to: number; edit: boolean }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'delete'; file: number }
  | { kind: 'add'; name: number }
  | { kind: 'merge'; ours: number; theirs: number; keep: 'ours' | 'theirs' | 'both' };

const NAMES = ['a.yaml', 'b.yaml', 'c.yaml', 'old/a.yaml', 'old/d.yaml'];

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), file: fc.nat(4) }),
  fc.record({ kind: fc.constant('rename' as const), file: fc.nat(4), to: fc.nat(4), edit: fc.boolean() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(4), b: fc.nat(4) }),
  fc.record({ kind: fc.constant('delete' as const), file: fc.nat(4) }),
  fc.record({ kind: fc.constant('add' as const), name: fc.nat(4) }),
  fc.record({ kind: fc.constant('merge' as const), ours: fc.nat(4), theirs: fc.nat(4), keep: fc.constantFrom('ours' as const, 'theirs' as const, 'both' as const) }),
);

/** A file's text: twenty lines of its own, so that a renamed file with one line changed is still found as renamed. */
function text(seed: number, edits: number): string {
  const lines = Array.from({ length: 20 }, (_, i) => `line ${i} of file ${seed}`);
  lines.push(`edit ${edits}`);
  return `${lines.join('\n')}\n`;
}

async function play(ops: readonly Op[]): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), 'ntk-follow-'));
  let day = 0;
  let made = 0;
  const who = () => {
    day += 1;
    const date = new Date(Date.UTC(2021, 0, 1) + day * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    return { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  };
  const commit = async (message: string) => {
    await runGit(repo, ['add', '-A']);
    await runGit(repo, ['commit', '--quiet', '--allow-empty', '-m', message], who());
  };
  // What each name holds: its text's seed and number of edits, read back from the files after a checkout or a merge.
  let files = new Map<string, { seed: number; edits: number }>();
  const reread = async () => {
    files = new Map();
    for (const name of (await runGit(repo, ['ls-files'])).split('\n').filter((f) => f !== '')) {
      const now = await readFile(join(repo, name), 'utf8');
      files.set(name, { seed: Number(/of file (\d+)/.exec(now)![1]), edits: Number(/edit (\d+)/.exec(now)![1]) });
    }
  };
  const write = async (name: string, content: { seed: number; edits: number }) => {
    files.set(name, content);
    await mkdir(dirname(join(repo, name)), { recursive: true });
    await writeFile(join(repo, name), text(content.seed, content.edits));
  };
  const edit = async (name: string) => {
    const now = files.get(name);
    if (now) await write(name, { ...now, edits: now.edits + 1 });
  };
  await runGit(repo, ['init', '--quiet', '--initial-branch=main']);
  await write(NAMES[0]!, { seed: made++, edits: 0 });
  await write(NAMES[1]!, { seed: made++, edits: 0 });
  await commit('start');
  for (const o of ops) {
    if (o.kind === 'edit') await edit(NAMES[o.file]!);
    else if (o.kind === 'add') {
      if (!files.has(NAMES[o.name]!)) await write(NAMES[o.name]!, { seed: made++, edits: 0 });
    } else if (o.kind === 'delete') {
      if (files.delete(NAMES[o.file]!)) await rm(join(repo, NAMES[o.file]!));
    } else if (o.kind === 'rename') {
      const [from, to] = [NAMES[o.file]!, NAMES[o.to]!];
      const content = files.get(from);
      if (!content || files.has(to)) continue;
      files.delete(from);
      await rm(join(repo, from));
      await write(to, o.edit ? { ...content, edits: content.edits + 1 } : content);
    } else if (o.kind === 'swap') {
      const [a, b] = [NAMES[o.a]!, NAMES[o.b]!];
      const [x, y] = [files.get(a), files.get(b)];
      if (!x || !y || a === b) continue;
      await write(a, y);
      await write(b, x);
    } else {
      // A branch edits one file and main another (or the same one); the merge keeps main's text, the branch's, or both.
      const [ours, theirs] = [NAMES[o.ours]!, NAMES[o.theirs]!];
      if (!files.has(ours) || !files.has(theirs)) continue;
      await runGit(repo, ['checkout', '--quiet', '-b', 'side']);
      // The branch's edit line differs from any main writes, so both editing one file is a conflict to resolve.
      await write(theirs, { ...files.get(theirs)!, edits: files.get(theirs)!.edits + 100 });
      await commit('on the side');
      await runGit(repo, ['checkout', '--quiet', 'main']);
      await reread();
      await edit(ours);
      await commit('on main');
      const strategy = o.keep === 'ours' ? ['-s', 'ours'] : o.keep === 'theirs' ? ['-X', 'theirs'] : [];
      await runGit(repo, ['merge', '--quiet', '--no-ff', '--no-edit', ...strategy, 'side'], who()).catch(async () => {
        // Both sides changed one line of one file: the merge takes the branch's text.
        await runGit(repo, ['checkout', '--theirs', '--', theirs]);
        await commit('merged');
      });
      await runGit(repo, ['branch', '--quiet', '-D', 'side']);
      await reread();
      continue;
    }
    await commit(o.kind);
  }
  return repo;
}

describe('one file read with git log --follow', () => {
  it('has the revisions the log of every commit gives it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const repo = await play(ops);
        try {
          const tracked = (await runGit(repo, ['ls-files'])).split('\n').filter((f) => f !== '').map((f) => join(repo, f));
          const all = await readCommitted(tracked, (blob) => blob);
          for (const file of tracked) {
            const alone = await readCommitted([file], (blob) => blob);
            expect(alone.revisions.get(file)).toEqual(all.revisions.get(file));
            expect(alone.revisions.get(file)!.length).toBeGreaterThan(0);
          }
        } finally {
          await rm(repo, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env.NTK_FUZZ_RUNS ?? 25) },
    );
  }, 120_000);
});
