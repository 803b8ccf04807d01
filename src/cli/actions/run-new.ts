import { dirname, join } from 'node:path';
import { newDraft, SharedAnswerError } from '../../interview/draft.js';
import { UsageError, EXIT } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { answersFrom, refuseWaitingDraft, resumeCommandFor, requireFolder, resumeDraft, templateFor, terminalPrompter } from '../interview-setup.js';
import { interviewToFiles } from '../run-interview.js';

export interface NewOptions {
  out: string;
  answers?: string;
  household?: boolean;
  resume?: string | boolean;
  force?: boolean;
  template?: string;
}

export async function runNew(options: NewOptions, ctx: CliContext): Promise<number> {
  const { today } = ctx;
  await requireFolder(options.out, '--out');
  const draftPath = typeof options.resume === 'string' ? options.resume : join(options.out, 'ntk-new.draft.yaml');
  const resumeCommand = resumeCommandFor({ command: 'new' }, draftPath);
  let draft;
  if (options.resume !== undefined && options.resume !== false) {
    if (options.answers !== undefined) throw new UsageError('--resume continues a draft; it cannot take --answers too');
    // The draft's own folder, or the --out given: nowhere else, whatever the draft says.
    draft = await resumeDraft(draftPath, 'new', { out: [options.out, dirname(draftPath)] });
  } else {
    await refuseWaitingDraft(draftPath, resumeCommand);
    const answers = await answersFrom(options.answers);
    if (!options.household && (answers?.length ?? 0) > 1) throw new UsageError(`${options.answers} holds answers for ${answers?.length} children; add --household`);
    const template = templateFor(options.template ?? answers?.[0]?.template);
    try {
      draft = newDraft({ template: template.template.id, household: options.household === true, out: options.out, ...(answers ? { answers } : {}) });
    } catch (error) {
      if (error instanceof SharedAnswerError) throw new UsageError(`${options.answers}: ${error.message}`);
      throw error;
    }
  }
  const env = { template: templateFor(draft.records[0]?.template), today };
  const prompter = terminalPrompter(ctx);
  const inputs = [draftPath, ...(options.answers !== undefined ? [options.answers] : [])];
  const written = await interviewToFiles(draft, { env, draftPath, resumeCommand, prompter, ctx, resumed: Boolean(options.resume) }, { force: options.force === true, inputs });
  return written ? EXIT.ok : EXIT.interrupted;
}
