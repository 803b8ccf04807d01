import type { ErrorObject } from 'ajv';
import { shortenGraphemes } from '../text/graphemes.js';
import type { FindingCode } from '../record/finding-codes.js';
import { dayMonthYear, isRealDate, longDate } from '../record/dates.js';

/**
 * Turns ajv's errors into sentences a practitioner understands, with a stable
 * code for scripts. ajv says "must match pattern ^[0-9]{4}-..."; a health
 * visitor needs "must be a date written YYYY-MM-DD, e.g. 2020-09-21 (got 20/09/2020)".
 */
export interface SchemaProblem {
  code: FindingCode;
  /** Path segments of the offending node. */
  path: (string | number)[];
  /** Whether the position to report is the key (unknown or forbidden keys, missing fields) rather than the value. */
  part: 'key' | 'value';
  message: string;
}

export function describeSchemaError(error: ErrorObject, instancePath: (string | number)[], scaleSpan: () => string | undefined = () => undefined): SchemaProblem | null {
  const schemaPath = error.schemaPath;
  const got = describeValue(error.data);
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) return describeBadKey(error, instancePath);
  switch (error.keyword) {
    case 'propertyNames':
      // Always accompanied by the specific error about the key itself.
      return null;
    case 'required': {
      const missing = String(params.missingProperty);
      const hint = firstSentence(propertyDescription(error.parentSchema, missing));
      return {
        code: 'missing-field',
        path: [...instancePath, missing],
        part: 'key',
        message: `\`${missing}\` is missing${where(instancePath)}${hint ? ` - ${hint}` : ''}`,
      };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      // A forbidden key is already reported by its own propertyNames error.
      if (forbiddenKeys.includes(extra)) return null;
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = closest(extra, known);
      return {
        code: 'unknown-field',
        path: [...instancePath, extra],
        part: 'key',
        message: `\`${extra}\` is not a field${where(instancePath)}${guess ? `; did you mean \`${guess}\`?` : known.length ? `; the fields here are ${known.join(', ')}` : ''}`,
      };
    }
    case 'type':
      return { code: 'wrong-type', path: instancePath, part: 'value', message: `must be ${typeName(String(params.type))} (got ${got})` };
    case 'const':
      return { code: 'wrong-format', path: instancePath, part: 'value', message: `must be exactly ${String(params.allowedValue)} (got ${got})` };
    case 'enum':
      return {
        code: 'not-allowed-value',
        path: instancePath,
        part: 'value',
        message: `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')} (got ${got})`,
      };
    case 'pattern':
      if (schemaPath.includes('/definitions/date/')) {
        return { code: 'date-format', path: instancePath, part: 'value', message: `must be a date written YYYY-MM-DD (got ${got}); ${dateAdvice(error.data)}` };
      }
      if (schemaPath.includes('/definitions/ref/')) {
        return {
          code: 'bad-reference',
          path: instancePath,
          part: 'value',
          message: `must be a reference made of letters, digits, dots, dashes and underscores, starting with a letter or digit (got ${got})`,
        };
      }
      return { code: 'bad-value', path: instancePath, part: 'value', message: `is not in the expected form (got ${got})` };
    case 'minimum':
    case 'maximum':
      if (schemaPath.includes('/definitions/score/')) {
        // The schema allows any template's scale (0-10); the record's own template says which part of it.
        const span = scaleSpan();
        return { code: 'score-range', path: instancePath, part: 'value', message: `must be ${span ?? 'a score of the template’s scale'} (got ${got})` };
      }
      return { code: 'out-of-range', path: instancePath, part: 'value', message: `must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)} (got ${got})` };
    case 'minLength':
      return { code: 'empty-text', path: instancePath, part: 'value', message: 'must not be empty' };
    case 'maxLength':
      return {
        code: 'too-long',
        path: instancePath,
        part: 'value',
        message: `is too long: ${typeof error.data === 'string' ? [...error.data].length : '?'} characters, at most ${String(params.limit)}`,
      };
    case 'maxItems':
    case 'maxProperties':
      return { code: 'too-many', path: instancePath, part: 'value', message: `has too many entries (at most ${String(params.limit)})` };
    default:
      return { code: 'schema', path: instancePath, part: 'value', message: error.message ?? 'is not valid here' };
  }
}

function describeBadKey(error: ErrorObject, instancePath: (string | number)[]): SchemaProblem | null {
  const key = String(error.propertyName);
  const path = [...instancePath, key];
  if (error.keyword === 'not' || forbiddenKeys.includes(key)) {
    return { code: 'forbidden-key', path, part: 'key', message: `\`${key}\` cannot be used as a key in a record` };
  }
  if (error.schemaPath.includes('/definitions/slug/')) {
    return { code: 'bad-area-key', path, part: 'key', message: `\`${key}\` is not an area key; area keys are written like physical-care` };
  }
  if (instancePath[instancePath.length - 1] === 'sections') {
    return { code: 'bad-section-key', path, part: 'key', message: `\`${key}\` is not a section number; sections are numbered like "1.1" (in quotes)` };
  }
  if (error.keyword === 'type' || error.keyword === 'pattern') {
    return { code: 'bad-key', path, part: 'key', message: `\`${key}\` is not a valid key here` };
  }
  return null;
}

const forbiddenKeys = ['__proto__', 'constructor', 'prototype'];

function where(path: (string | number)[]): string {
  return path.length === 0 ? '' : ` in ${path.join('.')}`;
}

function typeName(type: string): string {
  switch (type) {
    case 'string':
      return 'text';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list (lines starting with "- ")';
    case 'object':
      return 'a block of fields (indented "name: value" lines)';
    default:
      return type;
  }
}

/**
 * What to write instead of a date in the wrong form. Dates written with
 * slashes are read the British way (day/month/year), and the advice names
 * the day in words so a practitioner who meant otherwise sees it at once.
 */
export function dateAdvice(value: unknown): string {
  const fallback = 'write it like 2020-09-21 (year, month, day)';
  if (typeof value !== 'string') return fallback;
  const text = value.trim();
  let parts: [string, string, string] | null = null;
  let why = '';
  const stamp = /^(\d{4})-(\d{2})-(\d{2})[T ]/.exec(text);
  const short = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const british = dayMonthYear(text);
  if (stamp) {
    parts = [stamp[1]!, stamp[2]!, stamp[3]!];
    why = ' - a toolkit date has no time or time zone';
  } else if (short) {
    parts = [short[1]!, short[2]!, short[3]!];
    why = ' - two digits for the month and the day';
  } else if (british) {
    parts = [british.slice(0, 4), british.slice(5, 7), british.slice(8, 10)];
  }
  if (!parts) return fallback;
  const iso = `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
  if (!isRealDate(iso)) return fallback;
  return `write ${iso} (${longDate(iso)})${why}`;
}

/** What the user actually wrote, briefly. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') {
    return value.length === 0 ? 'empty text' : `"${shortenGraphemes(value, 40)}"`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a block of fields';
}

function propertyDescription(parentSchema: unknown, key: string): string | undefined {
  const props = (parentSchema as { properties?: Record<string, { description?: string }> } | undefined)?.properties;
  return props?.[key]?.description;
}

function firstSentence(text: string | undefined): string {
  if (!text) return '';
  // "e.g." and "i.e." do not end a sentence.
  const guarded = text.replace(/\b(e\.g|i\.e)\./g, '$1\u0000');
  const end = guarded.search(/[.:](\s|$)/);
  const first = (end === -1 ? guarded : guarded.slice(0, end)).replace(/\u0000/g, '.');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/** The known key nearest to a misspelt one, if it is near enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
