import { readFile } from 'node:fs/promises';
import { yamlReader } from '../../io/yaml-reader.js';
import { editDraft } from '../../interview/draft.js';
import { siblingAfterSharedEdit, spliceEdit, withLastEdits } from '../../interview/edit-splice.js';
import { rebaseEdit } from '../../interview/rebase-edit.js';
import { FileChangedError, fingerprint, writeFileAtomic } from '../../io/atomic-write.js';
import { householdSiblingFiles } from '../../read/household-siblings.js';
import { readRecordBytes } from '../../read/read-record.js';
import { terminalSafeLine } from '../../render/safe-text.js';
import { getPath, sameData, type PlainRecord } from '../../record/plain-data.js';
import { EXIT, UsageError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { answersFrom, refuseWaitingDraft, resumeCommandFor, resumeDraft, terminalPrompter } from '../interview-setup.js';
import { interviewToFiles } from '../run-interview.js';
import { InvalidRecordError, loadValidRecord, recordOnDisk, validOrReport } from '../load-valid-record.js';

export interface EditOptions {
  area?: string[];
  by?: string;
  answers?: string;
  resume?: boolean;
}

export async function runEdit(file: string, options: EditOptions, ctx: CliContext): Promise<number> {
  const valid = await loadValidRecord(file, ctx, ctx.today);
  const { record, template } = valid;
  // What the file held when read: the write at the end replaces it only if nobody else has written it since.
  const onDisk = await recordOnDisk(valid);
  const current = structuredClone(record) as unknown as PlainRecord;
  const areas = options.area ?? [];
  for (const key of areas) {
    if (!template.area(key)) throw new UsageError(`--area ${key}: not an area of ${template.template.id}; its areas are ${template.template.areas.map((a) => a.key).join(', ')}`);
  }
  const draftPath = `${file.replace(/\.ya?ml$/i, '')}.edit.draft.yaml`;
  const resumeCommand = resumeCommandFor({ command: 'edit', source: file }, draftPath);
  let draft;
  if (options.resume) {
    draft = await resumeDraft(draftPath, 'edit', { source: file, out: null, outFile: file });
    // Someone saved the file since this edit began: their changes are kept and this edit's areas laid on top, unless
    // they changed one of those areas too - then nothing is guessed.
    if (!sameData(draft.previous, current)) {
      const rebased = rebaseEdit(draft, current);
      if (!rebased.ok) {
        const which = rebased.areas.length > 0 ? `the same area${rebased.areas.length === 1 ? '' : 's'} (${rebased.areas.join(', ')})` : 'its contributors';
        throw new UsageError(`${file} was changed by someone else since this edit began, in ${which}; nothing was written. Compare, then delete ${draftPath} and start the edit again`);
      }
      draft = rebased.draft;
      ctx.stderr.write(`${terminalSafeLine(`${file} was changed by someone else since this edit began; their changes are kept and yours are added to them`)}\n`);
    }
  } else {
    await refuseWaitingDraft(draftPath, resumeCommand);
    const answers = await answersFrom(options.answers);
    if ((answers?.length ?? 0) > 1) throw new UsageError(`${options.answers} holds more than one record; an edit is of one record`);
    draft = editDraft(current, { file, areas, ...(options.by !== undefined ? { by: options.by } : {}), ...(answers?.[0] ? { answers: answers[0] } : {}) });
  }
  const env = { template, today: ctx.today };
  const prompter = terminalPrompter(ctx);
  const textFor = (edited: PlainRecord): string => {
    const final = withLastEdits(current, edited, ctx.today);
    return spliceEdit(onDisk.text, current, final) ?? rewritten(onDisk.text, final);
  };
  const inputs = [draftPath, ...(options.answers !== undefined ? [options.answers] : [])];
  let written;
  try {
    written = await interviewToFiles(draft, { env, draftPath, resumeCommand, prompter, ctx, resumed: Boolean(options.resume) }, { force: false, textFor, inputs, inPlace: [{ file, onDisk }] });
  } catch (error) {
    // At a terminal every answer is in the draft: resuming lays them onto the other person's version.
    if (error instanceof FileChangedError && prompter) throw new FileChangedError(file, `your answers are kept in ${draftPath}; continue with: ${resumeCommand}`);
    throw error;
  }
  if (!written) return EXIT.interrupted;
  await updateSiblings(file, current, ctx);
  return EXIT.ok;
}

/**
 * A household edit keeps the siblings' files together: what the household
 * shares (assessment.household_shared) and this edit changed is written into
 * each sibling's toolkit of the same date, spliced like the edit itself. A
 * sibling that would not be valid afterwards is left as it was, with its
 * diagnostics printed.
 */
async function updateSiblings(file: string, before: PlainRecord, ctx: CliContext): Promise<void> {
  const household = getPath(before, ['child', 'household']);
  const completed = getPath(before, ['assessment', 'completed']);
  const ref = getPath(before, ['child', 'ref']);
  if (typeof household !== 'string' || typeof completed !== 'string' || typeof ref !== 'string') return;
  const after = yamlReader().parseDocument(await readFile(file, 'utf8'), { version: '1.2', schema: 'core' }).toJS() as PlainRecord;
  for (const sibling of await householdSiblingFiles(file, household, completed, ref)) {
    const bytes = await readFile(sibling);
    const text = new TextDecoder().decode(bytes);
    const record = yamlReader().parseDocument(text, { version: '1.2', schema: 'core' }).toJS() as PlainRecord;
    const updated = siblingAfterSharedEdit(record, before, after);
    if (updated === null) continue;
    const newText = spliceEdit(text, record, updated) ?? rewritten(text, updated);
    const read = readRecordBytes(sibling, new TextEncoder().encode(newText));
    try {
      validOrReport(sibling, read.record, read.findings, ctx, ctx.today);
    } catch (error) {
      if (error instanceof InvalidRecordError) continue;
      throw error;
    }
    // Refused, like the edit itself, when someone else changed the sibling's file since it was read here.
    await writeFileAtomic(sibling, newText, { mode: 0o600, unchangedSince: fingerprint(bytes) });
    ctx.stderr.write(`updated ${sibling} (shared by the household)\n`);
  }
}

/** For layouts a splice cannot handle: the yaml Document API still keeps comments and key order. */
function rewritten(original: string, edited: PlainRecord): string {
  const doc = yamlReader().parseDocument(original, { version: '1.2', schema: 'core' });
  doc.set('areas', getPath(edited, ['areas']));
  doc.setIn(['assessment', 'contributors'], getPath(edited, ['assessment', 'contributors']));
  const sessions = getPath(edited, ['assessment', 'sessions']);
  if (sessions !== undefined) doc.setIn(['assessment', 'sessions'], sessions);
  return doc.toString({ lineWidth: 100 });
}
