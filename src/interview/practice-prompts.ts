import type { ToolkitRecord } from '../record/types.js';
import { severityOf } from '../record/finding-codes.js';
import { practiceFindings } from '../validate/practice-rules.js';
import type { Draft } from './draft.js';
import type { WalkEnv } from './interview-walk.js';

/**
 * The practice prompts an answer has just raised (the domestic-abuse
 * reminder, discussing with the lead, a parent's score far from the
 * practitioner's), from the rules `ntk check` applies to the finished
 * record, so the interview says what check would say at the moment it
 * matters. They inform; the practitioner decides.
 */
export function promptsRaised(before: Draft, after: Draft, env: WalkEnv): string[] {
  const seen = new Set(prompts(before, env).map((p) => p.key));
  // An answer for every child of a household raises the same prompt in each child's record: it is said once.
  return [...new Set(prompts(after, env)
    .filter((p) => !seen.has(p.key))
    .map((p) => p.message))];
}

function prompts(draft: Draft, env: WalkEnv): { key: string; message: string }[] {
  return draft.records.flatMap((record, i) =>
    // A draft's record is a record still being built: the rules read only what is there.
    practiceFindings(record as unknown as ToolkitRecord, env.template, env.today)
      .filter((f) => severityOf(f.code) === 'prompt')
      // A prompt about the areas belongs to its section; one about the whole record is raised once.
      .map((f) => ({ key: `${i}:${f.code}:${f.path[0] === 'areas' ? f.path.join('/') : ''}`, message: f.message })),
  );
}
