import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const src = join(root, 'src');

/**
 * The folders of src/, lowest first. A module may import from its own folder
 * and from folders above it in this list, never from one below: the record
 * vocabulary knows nothing of reading, reading nothing of rules, rules nothing
 * of the views, the views nothing of the commands. The README's code layout
 * section shows the same order (checked below).
 */
const LAYERS = ['text', 'record', 'io', 'template', 'read', 'validate', 'analyse', 'render', 'interview', 'batch', 'merge', 'init', 'cli'] as const;

const sources = (await glob('**/*.{ts,mts,cts}', { cwd: src })).sort();

/** The top folder of src/ a file is in ('' for src/ itself). */
const folderOf = (file: string): string => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '');
const rank = (folder: string): number => LAYERS.indexOf(folder as (typeof LAYERS)[number]);

/** Every module a file names: static imports and re-exports (types included), and dynamic `import()`. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(src, file), 'utf8');
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((ref) => ref.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => relative(src, resolve(dirname(join(src, file)), name)).split(sep).join('/'));
}

describe('the layers of src/ only point down (issue 17 item 4)', () => {
  it('finds the modules and their imports', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.flatMap(importsOf).length).toBeGreaterThan(500);
  });

  it('puts every file of src/ in a folder of the layer table', () => {
    expect(sources.filter((file) => rank(folderOf(file)) < 0)).toEqual([]);
  });

  it('has no import from a higher layer', () => {
    const upward: string[] = [];
    for (const file of sources) {
      for (const target of importsOf(file)) {
        if (target.startsWith('..')) upward.push(`${file} -> ${target} (outside src/)`);
        else if (rank(folderOf(target)) > rank(folderOf(file))) upward.push(`${file} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('names every file and every folder once, so a name in a stack trace or an editor tab is unambiguous', async () => {
    const byName = (paths: string[]) => {
      const seen = new Map<string, string[]>();
      for (const path of paths) seen.set(basename(path), [...(seen.get(basename(path)) ?? []), path]);
      return [...seen.values()].filter((same) => same.length > 1);
    };
    const folders = await glob('**/', { cwd: src, onlyDirectories: true });
    expect(byName(sources)).toEqual([]);
    expect(byName(folders.map((folder) => folder.replace(/\/$/, '')))).toEqual([]);
  });

  it('is described in the README in the same order', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const order = LAYERS.map((folder) => `\`${folder}/\``).join(' < ');
    expect(readme.includes(order), `README.md should say: ${order}`).toBe(true);
  });
});
