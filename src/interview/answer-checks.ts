import { impossibleDateReason, isIsoDateShape, longDate } from '../record/dates.js';

/**
 * Checks on single answers, each returning the reason a practitioner reads
 * (or null). They mirror the schema and the record rules, so a finished
 * interview always passes `ntk check`.
 */
export type AnswerCheck = (value: string) => string | null;

const refPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function refCheck(what: string): AnswerCheck {
  return (value) => {
    if (value.length > 64) return `${what} is at most 64 characters`;
    if (!refPattern.test(value)) return `${what} uses letters, digits, dots, dashes and underscores, and starts with a letter or digit (e.g. MJ-2020-01)`;
    return null;
  };
}

export function lengthCheck(max: number): AnswerCheck {
  return (value) => (value.length > max ? `this is ${value.length} characters; at most ${max} fit here` : null);
}

export interface DateRules {
  today: string;
  /** Dates the answer may not be after, with the reason in words. */
  notAfter?: { date: string | undefined; what: string }[];
  /** A date the answer must be after. */
  after?: { date: string | undefined; what: string };
  /** Events that already happened cannot be in the future. */
  past?: boolean;
}

export function dateCheck(rules: DateRules): AnswerCheck {
  return (value) => {
    if (!isIsoDateShape(value)) return `write the date as DD/MM/YYYY, D Month YYYY or YYYY-MM-DD, e.g. ${longDate(rules.today)}`;
    const impossible = impossibleDateReason(value);
    if (impossible) return impossible;
    if (rules.past && value > rules.today) return `${longDate(value)} is in the future (today is ${longDate(rules.today)})`;
    for (const limit of rules.notAfter ?? []) {
      if (limit.date !== undefined && value > limit.date) return `${longDate(value)} is after ${limit.what} (${longDate(limit.date)})`;
    }
    const after = rules.after;
    if (after?.date !== undefined && value <= after.date) return `this must be after ${after.what} (${longDate(after.date)})`;
    return null;
  };
}

export function allChecks(...checks: AnswerCheck[]): AnswerCheck {
  return (value) => {
    for (const check of checks) {
      const reason = check(value);
      if (reason) return reason;
    }
    return null;
  };
}
