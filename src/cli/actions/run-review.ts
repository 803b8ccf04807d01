import { dirname, join, resolve } from 'node:path';
import { diffRecords } from '../../analyse/review-diff.js';
import { renderDiffTerminal } from '../../render/diff-terminal.js';
import { terminalSafeLine } from '../../render/safe-text.js';
import { reviewDraft, SharedAnswerError, type Draft } from '../../interview/draft.js';
import type { PlainRecord } from '../../record/plain-data.js';
import { householdSiblingFiles } from '../../read/household-siblings.js';
import { nextToolkitOf } from '../../read/next-toolkit.js';
import type { ToolkitRecord } from '../../record/types.js';
import { longDate } from '../../record/dates.js';
import { EXIT, UsageError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { BACK, type Prompter } from '../../interview/ask-question.js';
import { answersFrom, refuseWaitingDraft, resumeCommandFor, resumeDraft, terminalPrompter } from '../interview-setup.js';
import { interviewToFiles } from '../run-interview.js';
import { InvalidRecordError, loadValidRecord, recordOnDisk, type ValidRecord } from '../load-valid-record.js';

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
  const prompter = terminalPrompter(ctx);
  let draft: Draft;
  let siblings: ValidRecord[];
  if (options.resume) {
    if (options.answers !== undefined) throw new UsageError('--resume continues a draft; it cannot take --answers too');
    draft = await resumeDraft(draftPath, 'review', { source: file, out: folder, ...(options.out !== undefined ? { outFile: options.out } : {}) });
    siblings = (draft.siblings ?? []).length > 0 ? await resumedSiblings(draft, draftPath, await siblingToolkits(file, record, ctx, today)) : [];
  } else {
    await refuseWaitingDraft(draftPath, resumeCommand);
    const answers = (await answersFrom(options.answers)) ?? [];
    // Siblings are looked for only where they can be reviewed: an answers file with their documents, or a terminal to ask on.
    const offered = answers.length > 1 || prompter ? await siblingToolkits(file, record, ctx, today) : [];
    siblings = answers.length > 1 ? siblingsAnswered(answers.slice(1), offered, options.answers ?? '', file) : prompter && offered.length > 0 ? await askTogether(prompter, record, offered) : [];
    try {
      draft = reviewDraft(structuredClone(record) as unknown as PlainRecord, {
        source: file,
        out: folder,
        ...(options.out ? { outFile: options.out } : {}),
        ...(answers[0] ? { answers: answers[0] } : {}),
        siblings: siblings.map((s) => ({ source: s.file, previous: structuredClone(s.record) as unknown as PlainRecord, ...answersFor(answers, s.record.child.ref) })),
      });
    } catch (error) {
      if (error instanceof SharedAnswerError) throw new UsageError(`${options.answers}: ${error.message}`);
      throw error;
    }
  }
  const env = { template, today };
  const inputs = [draftPath, ...(options.answers !== undefined ? [options.answers] : [])];
  // `--out FILE --force` may update the reviewed file itself (one file per child, its history in git): a rewrite that
  // must not drop someone else's change made meanwhile.
  const inPlace = options.force ? await Promise.all([valid, ...siblings].map(async (v) => ({ file: v.file, onDisk: await recordOnDisk(v) }))) : undefined;
  const written = await interviewToFiles(draft, { env, draftPath, resumeCommand, prompter, ctx, resumed: Boolean(options.resume) }, { force: options.force === true, inputs, ...(inPlace ? { inPlace } : {}) });
  if (!written) return EXIT.interrupted;
  // The review diff is what the family and the meeting want to see first: what changed since last time, for each child.
  for (const [i, reviewFile] of written.entries()) {
    const before = i === 0 ? valid : siblings[i - 1];
    if (!before) continue;
    const after = await loadValidRecord(reviewFile, ctx, today);
    ctx.stdout.write(renderDiffTerminal(diffRecords(before.record, after.record, after.template, { from: before.file, to: reviewFile }), after.template.template, ctx.out, ctx.width));
  }
  return EXIT.ok;
}

/**
 * The siblings' toolkits a household review can take in the same sitting: the
 * valid toolkits of the same household and date in the record's folder that no
 * later toolkit of that child has already reviewed.
 */
async function siblingToolkits(file: string, record: ToolkitRecord, ctx: CliContext, today: string): Promise<ValidRecord[]> {
  const household = record.child.household;
  if (household === undefined) return [];
  const out: ValidRecord[] = [];
  for (const sibling of await householdSiblingFiles(file, household, record.assessment.completed, record.child.ref)) {
    let read: ValidRecord;
    try {
      read = await loadValidRecord(sibling, ctx, today);
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      ctx.stderr.write(`${terminalSafeLine(`${sibling} is not valid, so it cannot be reviewed with ${file}`)}\n`);
      continue;
    }
    if ((await nextToolkitOf(sibling, read.record.child.ref, read.record.assessment.completed, today)) === undefined) out.push(read);
  }
  return out;
}

function childName(record: ToolkitRecord): string {
  return record.child.name ? `${record.child.name} (${record.child.ref})` : record.child.ref;
}

/** At a terminal: one sitting for the household, or this child alone. The practitioner chooses; nothing is assumed. */
async function askTogether(prompter: Prompter, record: ToolkitRecord, offered: ValidRecord[]): Promise<ValidRecord[]> {
  const names = offered.map((s) => childName(s.record));
  const them = names.join(' and ');
  for (;;) {
    const choice = await prompter.choose(
      `${them} ${offered.length === 1 ? 'has a toolkit' : 'have toolkits'} of the same household and date (${longDate(record.assessment.completed)}) in this folder. Review the children together?`,
      [
        { value: 'together', name: `Together: one sitting, a new toolkit for each child (what the home shares is asked once)` },
        { value: 'alone', name: `Only ${childName(record)}` },
      ],
    );
    if (choice === 'together') return offered;
    if (choice === 'alone') return [];
    if (choice === BACK) prompter.say(['This is the first question: there is none before it.']);
  }
}

/** An answers file with a document per child: the later documents name the siblings reviewed with the first, by child.ref. */
function siblingsAnswered(documents: PlainRecord[], offered: ValidRecord[], answersFile: string, file: string): ValidRecord[] {
  const available = offered.map((s) => s.record.child.ref);
  return documents.map((doc, k) => {
    const ref = (doc.child as { ref?: unknown } | undefined)?.ref;
    const sibling = offered.find((s) => s.record.child.ref === ref);
    if (sibling) return sibling;
    const which = available.length > 0 ? `the siblings whose toolkits can be reviewed with it are ${available.join(', ')}` : 'it has no sibling toolkit of the same household and date in its folder';
    throw new UsageError(`${answersFile}: document ${k + 2} must name a sibling by child.ref to review with ${file}; ${which}`);
  });
}

function answersFor(answers: PlainRecord[], ref: string): { answers?: PlainRecord } {
  const own = answers.slice(1).find((doc) => (doc.child as { ref?: unknown } | undefined)?.ref === ref);
  return own ? { answers: own } : {};
}

/** A resumed household review continues with the siblings it began with, if they are still the folder's siblings. */
async function resumedSiblings(draft: Draft, draftPath: string, offered: ValidRecord[]): Promise<ValidRecord[]> {
  return (draft.siblings ?? []).map((s) => {
    const found = offered.find((o) => resolve(o.file) === resolve(s.source));
    if (!found) throw new UsageError(`${draftPath} reviews ${s.source} too, which is no longer a sibling's toolkit of the same date in this folder; nothing was written (delete the draft to start again)`);
    return found;
  });
}
