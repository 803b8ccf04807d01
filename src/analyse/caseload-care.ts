import { findTemplate } from '../template/load-template.js';
import { daysBetween } from '../record/dates.js';
import type { FindingCode } from '../record/finding-codes.js';
import { driftFlags } from '../validate/drift-rules.js';
import { FAR_APART_DAYS, siblingFlags } from '../validate/sibling-rules.js';
import type { CaseloadFacts } from './caseload-facts.js';

/**
 * The sibling and drift rules over a caseload, as finding codes per child,
 * so the report counts them beside the validator's prompts. Drift looks at
 * all of a child's records; siblings are compared at their latest records,
 * and only when those are within a review period of each other (further
 * apart, a difference may be time rather than care).
 */
export function careCodes(records: readonly CaseloadFacts[], today: string): Map<string, Set<FindingCode>> {
  const codes = new Map<string, Set<FindingCode>>();
  const add = (ref: string, code: FindingCode) => codes.set(ref, (codes.get(ref) ?? new Set()).add(code));
  const byChild = new Map<string, CaseloadFacts[]>();
  for (const r of records) pushTo(byChild, r.ref, r);
  const latest = new Map<string, CaseloadFacts>();
  for (const [ref, list] of byChild) {
    const template = findTemplate(list[0]!.template);
    if (template) for (const flag of driftFlags(list, today, template)) add(ref, flag.code);
    latest.set(ref, list.reduce((a, b) => (b.completed > a.completed ? b : a)));
  }
  const households = new Map<string, CaseloadFacts[]>();
  for (const r of latest.values()) if (r.household !== null) pushTo(households, `${r.household}\u0000${r.template}`, r);
  for (const children of households.values()) {
    const template = findTemplate(children[0]!.template);
    const dates = children.map((c) => c.completed).sort();
    if (!template || children.length < 2 || daysBetween(dates[0]!, dates[dates.length - 1]!) > FAR_APART_DAYS) continue;
    for (const flag of siblingFlags(children, template)) {
      if (flag.code === 'differential-care') for (const p of flag.pairs) for (const i of [p.better, p.worse]) add(children[i]!.ref, flag.code);
      else for (const c of children) add(c.ref, flag.code);
    }
  }
  return codes;
}

/** Adds to a group in place, rather than copying the group for each record added. */
function pushTo(groups: Map<string, CaseloadFacts[]>, key: string, facts: CaseloadFacts): void {
  const group = groups.get(key);
  if (group) group.push(facts);
  else groups.set(key, [facts]);
}
