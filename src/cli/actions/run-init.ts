import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { gitConfigCommands, gitSettings, setupFiles, type SetupFile } from '../../init/setup-files.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { terminalSafeLine } from '../../render/safe-text.js';
import { SCHEMA_FILE } from '../../validate/schema-file.js';
import { EXIT, UsageError } from '../cli-error.js';
import type { CliContext } from '../context.js';

export interface InitOptions {
  configure?: boolean;
  update?: boolean;
}

/**
 * Makes a records repository ready. Run it again at any time: what is
 * there already is never replaced (only lines missing from .gitattributes
 * are added, and the schema copy is refreshed when --update asks for it),
 * so a second run changes nothing and says so.
 */
export async function runInit(folder: string, options: InitOptions, ctx: CliContext, version: string): Promise<number> {
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`${folder}: no such folder`);
  const schema = await readFile(SCHEMA_FILE, 'utf8');
  for (const file of setupFiles(version, schema)) {
    const said = await setUp(join(folder, file.path), file, options);
    const hint = said === 'kept' ? file.hint : said === 'outdated' ? `not the schema of ntk ${version}: \`ntk init --update\` refreshes it` : undefined;
    ctx.stderr.write(`${said.padEnd(9)} ${terminalSafeLine(file.path)}${hint ? `  (${hint})` : ''}\n`);
  }
  if (options.configure) {
    await configureGit(folder);
    ctx.stderr.write('git in this clone now diffs and merges records through ntk\n');
  } else {
    ctx.stderr.write(`\nOnce per clone (or \`ntk init --configure\`):\n${gitConfigCommands().map((c) => `  ${c}\n`).join('')}`);
  }
  return EXIT.ok;
}

type Outcome = 'created' | 'added to' | 'updated' | 'ok' | 'kept' | 'outdated';

async function setUp(path: string, file: SetupFile, options: InitOptions): Promise<Outcome> {
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing === null) {
    await mkdir(dirname(path), { recursive: true });
    // Shared with the team through git, so readable by all, unlike a record.
    await writeFileAtomic(path, file.content, { mode: 0o644 });
    return 'created';
  }
  if (existing === file.content) return 'ok';
  switch (file.kind) {
    case 'lines': {
      const have = new Set(existing.split('\n').map((l) => l.trim()));
      const missing = file.content.split('\n').filter((l) => l.trim() !== '' && !have.has(l.trim()));
      if (missing.length === 0) return 'ok';
      await writeFileAtomic(path, `${existing}${existing.endsWith('\n') || existing === '' ? '' : '\n'}${missing.join('\n')}\n`, { overwrite: true, mode: 0o644 });
      return 'added to';
    }
    case 'owned':
      if (!options.update) return 'outdated';
      await writeFileAtomic(path, file.content, { overwrite: true, mode: 0o644 });
      return 'updated';
    case 'create':
      return file.satisfiedBy?.test(existing) ? 'ok' : 'kept';
  }
}

async function configureGit(folder: string): Promise<void> {
  const inside = await execa('git', ['rev-parse', '--git-dir'], { cwd: folder, reject: false });
  if (inside.exitCode !== 0) throw new UsageError(`${folder} is not in a git repository: run \`git init\` first, then \`ntk init --configure\``);
  for (const [key, value] of gitSettings) await execa('git', ['config', key, value], { cwd: folder });
}
