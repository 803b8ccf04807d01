// A git repository as an audit trail grows: `children` records added one
// commit each, then edits until there are `commits` commits, each rescoring
// one section of one child's record (round robin, so every child has about
// the same number of versions). Written with `git fast-import`, so 2,000
// commits take a second rather than a minute. Deterministic for its arguments.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { recordYaml } from './generate-records.mjs';

const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

export function writeHistoryRepo(dir, { children, commits }) {
  mkdirSync(dir, { recursive: true });
  spawnSync('git', ['init', '--quiet', '--initial-branch=main', dir], { env: gitEnv });
  const texts = Array.from({ length: children }, (_, i) => recordYaml(i));
  const chunks = [];
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let k = 0; k < commits; k++) {
    const child = k % children;
    const file = `records/C-${String(child).padStart(6, '0')}.yaml`;
    if (k >= children) {
      // Rescore the n-th section: the kind of small edit most commits are.
      let n = Math.floor(k / children) % 23;
      texts[child] = texts[child].replace(/score: (\d)\n/g, (all, s) => (n-- === 0 ? `score: ${(Number(s) % 4) + 1}\n` : all));
    }
    const when = 1600000000 + k * 3600;
    chunks.push(
      `commit refs/heads/main\nmark :${k + 1}\n`,
      `author Worker ${k % 7} <w${k % 7}@example.org> ${when} +0000\ncommitter Worker ${k % 7} <w${k % 7}@example.org> ${when} +0000\n`,
      data(k < children ? `Toolkit for child ${child}` : `Rescore child ${child}`),
      k > 0 ? `from :${k}\n` : '',
      `M 100644 inline ${file}\n`,
      data(texts[child]),
    );
  }
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, env: gitEnv, input: chunks.join('') });
  if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr}`);
  spawnSync('git', ['reset', '--quiet', '--hard', 'main'], { cwd: dir, env: gitEnv });
}
