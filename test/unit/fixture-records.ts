import { fileURLToPath } from 'node:url';
import { readRecordFile } from '../../src/read/read-record.js';
import type { ToolkitRecord } from '../../src/record/types.js';
import type { TemplateIndex } from '../../src/template/load-template.js';
import { validateParsedRecord } from '../../src/validate/validate-record.js';

export const maryJoFolder = fileURLToPath(new URL('../../fixtures/mary-jo/', import.meta.url));

/** A Mary Jo fixture, read and validated as the CLI would. */
export async function maryJo(name: string): Promise<{ record: ToolkitRecord; template: TemplateIndex }> {
  return fixtureRecord(`${maryJoFolder}${name}.yaml`);
}

/** Zoë's record (fixtures/many-voices): emoji in the child's words, accented names, a note in Urdu. */
export const manyVoicesFile = fileURLToPath(new URL('../../fixtures/many-voices/ZK-07-2021-03-09.yaml', import.meta.url));

export async function manyVoices(): Promise<{ record: ToolkitRecord; template: TemplateIndex }> {
  return fixtureRecord(manyVoicesFile);
}

async function fixtureRecord(file: string): Promise<{ record: ToolkitRecord; template: TemplateIndex }> {
  const read = await readRecordFile(file);
  if (!read.record) throw new Error(`${file} did not read`);
  const checked = validateParsedRecord(file, read.record, { today: '2021-04-01' });
  if (!checked.record || !checked.template) throw new Error(`${file} is not valid`);
  return { record: checked.record, template: checked.template };
}

/**
 * Mary Jo's initial toolkit (29 September 2020) against her first review
 * (15 December 2020), read off the two fixture files by hand.
 */
export const initialToReview1: [string, number, number, string][] = [
  ['1.1', 4, 2, 'improved'],
  ['1.2', 3, 3, 'unchanged'],
  ['1.3', 3, 2, 'improved'],
  ['1.4', 4, 2, 'improved'],
  ['2.1', 4, 2, 'improved'],
  ['2.2', 3, 2, 'improved'],
  ['2.3', 3, 2, 'improved'],
  ['3.1', 3, 3, 'unchanged'],
  ['3.2', 3, 3, 'unchanged'],
  ['3.3', 3, 2, 'improved'],
  ['4.1', 2, 2, 'unchanged'],
  ['4.2', 2, 2, 'unchanged'],
  ['4.3', 2, 1, 'improved'],
  ['5.1', 3, 2, 'improved'],
  ['5.2', 3, 2, 'improved'],
  ['5.3', 3, 2, 'improved'],
  ['6.1', 3, 2, 'improved'],
  ['6.2', 2, 2, 'unchanged'],
  ['6.3', 3, 2, 'improved'],
  ['7.1', 3, 2, 'improved'],
  ['7.2', 3, 2, 'improved'],
  ['7.3', 2, 1, 'improved'],
  ['7.4', 3, 3, 'unchanged'],
];
