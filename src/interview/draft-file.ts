import { readFile, unlink } from 'node:fs/promises';
import { yamlReader } from '../io/yaml-reader.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { isDraft, type Draft } from './draft.js';

export class DraftError extends Error {}

/**
 * Saves the whole draft in one atomic step: an interruption at any moment
 * leaves the previous draft or this one, never a broken file.
 */
export async function saveDraft(path: string, draft: Draft): Promise<void> {
  const header = `# ntk interview draft (${draft.command}): answers so far. Resume it, do not edit it by hand.\n`;
  await writeFileAtomic(path, header + yamlReader().stringify(draft, { lineWidth: 0 }), { overwrite: true, mode: 0o600 });
}

export async function loadDraft(path: string): Promise<Draft> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new DraftError(`${path}: no draft there`);
  }
  let data: unknown;
  try {
    data = yamlReader().parse(text, { version: '1.2', schema: 'core' });
  } catch {
    data = null;
  }
  if (!isDraft(data)) throw new DraftError(`${path} is not an ntk interview draft`);
  return data;
}

export async function removeDraft(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}
