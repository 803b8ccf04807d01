import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntk } from './run-ntk.js';

/** What bash offers for the words typed so far (the last one being completed). */
async function bashOffers(script: string, words: string[]): Promise<string[]> {
  const program = `source "$1"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _ntk; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = await execa('bash', ['-c', program, 'bash', script]);
  return String(r.stdout).split('\n').filter((l) => l !== '');
}

// zsh and fish are installed by .ci/run; a developer without them skips their half.
const skip = (shell: string) => !existsSync(`/usr/bin/${shell}`) && !process.env.CI;

describe('ntk completion', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ntk-completion-'));
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = await ntk(['completion', shell]);
      expect(r.exitCode).toBe(0);
      await writeFile(join(dir, shell), r.stdout);
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('bash completes commands, options and format values from the command table', async () => {
    const script = join(dir, 'bash');
    expect(await bashOffers(script, ['ntk', 'ch'])).toEqual(['check', 'chronology']);
    expect(await bashOffers(script, ['ntk', 'in'])).toEqual(['init']);
    expect(await bashOffers(script, ['ntk', 'check', '--format', ''])).toEqual(['terminal', 'json', 'github', 'sarif', 'junit', 'pretty']);
    expect(await bashOffers(script, ['ntk', 'check', '--st'])).toEqual(['--strict']);
    expect(await bashOffers(script, ['ntk', 'init', '--'])).toEqual(expect.arrayContaining(['--configure', '--update']));
    // Not for people: the drivers git runs are not offered.
    expect(await bashOffers(script, ['ntk', 'merge'])).toEqual([]);
    // Paths are left to the shell's own file completion.
    expect(await bashOffers(script, ['ntk', 'check', 'rec'])).toEqual([]);
  });

  it.skipIf(skip('zsh'))('zsh reads its script', async () => {
    const r = await execa('zsh', ['-n', join(dir, 'zsh')], { reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    const loaded = await execa('zsh', ['-f', '-c', `autoload -Uz compinit && compinit -u -D && source ${join(dir, 'zsh')} && print -r -- $_comps[ntk]`], { reject: false });
    expect(String(loaded.stdout).trim()).toBe('_ntk');
  });

  it.skipIf(skip('fish'))('fish reads its script and completes check --format', async () => {
    const r = await execa('fish', ['--no-config', '-c', `source ${join(dir, 'fish')}; complete -C 'ntk check --format '`], { reject: false, env: { HOME: dir } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(String(r.stdout).split('\n').map((l) => l.split('\t')[0])).toEqual(expect.arrayContaining(['sarif', 'junit', 'terminal']));
  });

  it('refuses a shell it does not know', async () => {
    const r = await ntk(['completion', 'powershell']);
    expect(r.exitCode).toBe(2);
  });
});
