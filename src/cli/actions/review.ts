import { dirname, join } from 'node:path';
import { diffRecords } from '../../analyse/review-diff.js';
import { renderDiffTerminal } from '../../render/diff-terminal.js';
import { reviewDraft } from '../../interview/draft.js';
import type { PlainRecord } from '../../interview/plain-data.js';
import { EXIT, UsageError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { answersFrom, refuseWaitingDraft, resumeCommandFor, resumeDraft, terminalPrompter } from '../interview/interview-setup.js';
import { interviewToFiles } from '../interview/run-interview.js';
import { loadValidRecord, recordOnDisk } from '../load-valid-record.js';

export interface ReviewOptions {
  out?: string;
  answers?: string;
  resume?: boolean;
  force?: boolean;
}

export async function runReview(file: string, options: ReviewOptions, ctx: CliContext): Promise<number> {
  const { today } = ctx;
  const valid = await loadValidRecord(file, ctx, today);
  const { record, template } = valid;
  const folder = dirname(options.out ?? file);
  const draftPath = join(folder, `${record.child.ref}-review.draft.yaml`);
  const resumeCommand = resumeCommandFor({ command: 'review', source: file }, draftPath);
  let draft;
  if (options.resume) {
    if (options.answers !== undefined) throw new UsageError('--resume continues a draft; it cannot take --answers too');
    draft = await resumeDraft(draftPath, 'review', { source: file, out: folder, ...(options.out !== undefined ? { outFile: options.out } : {}) });
  } else {
    await refuseWaitingDraft(draftPath, resumeCommand);
    const answers = await answersFrom(options.answers);
    if ((answers?.length ?? 0) > 1) throw new UsageError(`${options.answers} holds more than one record; a review is of one child`);
    const previous = structuredClone(record) as unknown as PlainRecord;
    draft = reviewDraft(previous, { source: file, out: folder, ...(options.out ? { outFile: options.out } : {}), ...(answers?.[0] ? { answers: answers[0] } : {}) });
  }
  const env = { template, today };
  const prompter = terminalPrompter(ctx);
  const inputs = [draftPath, ...(options.answers !== undefined ? [options.answers] : [])];
  // `--out FILE --force` may update the reviewed file itself (one file per child, its history in git): a rewrite that
  // must not drop someone else's change made meanwhile.
  const inPlace = options.force ? { file, onDisk: await recordOnDisk(valid) } : undefined;
  const written = await interviewToFiles(draft, { env, draftPath, resumeCommand, prompter, ctx, resumed: Boolean(options.resume) }, { force: options.force === true, inputs, ...(inPlace ? { inPlace } : {}) });
  if (!written) return EXIT.interrupted;
  const reviewFile = written[0];
  if (reviewFile !== undefined) {
    // The review diff is what the family and the meeting want to see first: what changed since last time.
    const after = await loadValidRecord(reviewFile, ctx, today);
    ctx.stdout.write(renderDiffTerminal(diffRecords(record, after.record, after.template, { from: file, to: reviewFile }), after.template.template, ctx.out, ctx.width));
  }
  return EXIT.ok;
}
