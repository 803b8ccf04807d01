import { parseDocument } from 'yaml';
import { editDraft } from '../../interview/draft.js';
import { FileChangedError } from '../../io/atomic-write.js';
import { spliceEdit } from '../../interview/edit-splice.js';
import { rebaseEdit } from '../../interview/rebase-edit.js';
import { terminalSafeLine } from '../../render/safe-text.js';
import { getPath, sameData, type PlainRecord } from '../../interview/plain-data.js';
import { EXIT, UsageError } from '../cli-error.js';
import { resolveToday, type CliContext } from '../context.js';
import { answersFrom, refuseWaitingDraft, resumeCommandFor, resumeDraft, terminalPrompter } from '../interview/interview-setup.js';
import { interviewToFiles } from '../interview/run-interview.js';
import { loadValidRecord, recordOnDisk } from '../load-valid-record.js';

export interface EditOptions {
  area?: string[];
  by?: string;
  answers?: string;
  resume?: boolean;
  today?: string;
}

export async function runEdit(file: string, options: EditOptions, ctx: CliContext): Promise<number> {
  const today = resolveToday(options.today);
  const valid = await loadValidRecord(file, ctx, today);
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
  const env = { template, today };
  const prompter = terminalPrompter(ctx);
  const textFor = (edited: PlainRecord): string => spliceEdit(onDisk.text, current, edited) ?? rewritten(onDisk.text, edited);
  const inputs = [draftPath, ...(options.answers !== undefined ? [options.answers] : [])];
  let written;
  try {
    written = await interviewToFiles(draft, { env, draftPath, resumeCommand, prompter, ctx }, { force: false, textFor, inputs, inPlace: { file, onDisk } });
  } catch (error) {
    // At a terminal every answer is in the draft: resuming lays them onto the other person's version.
    if (error instanceof FileChangedError && prompter) throw new FileChangedError(file, `your answers are kept in ${draftPath}; continue with: ${resumeCommand}`);
    throw error;
  }
  return written ? EXIT.ok : EXIT.interrupted;
}

/** For layouts a splice cannot handle: the yaml Document API still keeps comments and key order. */
function rewritten(original: string, edited: PlainRecord): string {
  const doc = parseDocument(original, { version: '1.2', schema: 'core' });
  doc.set('areas', getPath(edited, ['areas']));
  doc.setIn(['assessment', 'contributors'], getPath(edited, ['assessment', 'contributors']));
  return doc.toString({ lineWidth: 100 });
}
