import { stringify, type Input, type Options } from 'csv-stringify/sync';

/**
 * Every CSV ntk writes goes through here, so no cell a spreadsheet would run
 * as a formula when the file is opened is written as one: such a cell gets a
 * leading apostrophe, which spreadsheets show as text (OWASP's advice for CSV
 * injection). csv-stringify's own `escape_formulas` guards a cell that starts
 * with = + - @, a tab or a carriage return, or the full-width ＝ ＋ － ＠;
 * this adds what it leaves through and spreadsheets still read as a formula:
 * the small forms ﹦ ﹢ ﹣ ﹫ (which Unicode normalisation, as Apple Numbers
 * applies, turns into = + - @), and any of these after leading spaces, line
 * breaks or invisible characters.
 */
export function csvText(records: Input, options: Options = {}): string {
  return (Object.keys(options).length === 0 ? plainRows(records) : null) ?? stringify(records, { ...options, escape_formulas: true, cast: { string: guardHiddenFormula } });
}

/**
 * Rows of texts and numbers with no options, as csv-stringify 6.9 writes
 * them with the options above (lib/api/index.js; a property test holds the
 * two to the same bytes): a history's CSV is a row per toolkit and
 * section, 250,000 rows for 10,000 records, and csv-stringify took a fifth
 * of `history --no-git` writing them, in the thread every other waits for.
 * Null (csv-stringify's turn) for anything else.
 */
function plainRows(records: Input): string | null {
  if (!Array.isArray(records)) return null;
  let out = '';
  for (const row of records as unknown[]) {
    if (!Array.isArray(row)) return null;
    let line = '';
    for (let i = 0; i < row.length; i++) {
      const field: unknown = row[i];
      if (i > 0) line += ',';
      if (typeof field === 'string') line += plainCell(guardHiddenFormula(field), false);
      else if (typeof field === 'number') line += plainCell(`${field}`, true);
      else return null;
    }
    out += `${line}\n`;
  }
  return out;
}

/** One cell as csv-stringify writes it: its formulas guarded (a negative number is none), quoted where it holds a quote, a comma or a line break. */
function plainCell(value: string, isNumber: boolean): string {
  if (value === '') return value;
  const c = value.charCodeAt(0);
  // = + @ tab CR and the full-width ＝ ＋ － ＠, and - unless the cell is a number.
  if (c === 0x3d || c === 0x2b || c === 0x40 || c === 0x09 || c === 0x0d || c === 0xff1d || c === 0xff0b || c === 0xff0d || c === 0xff20 || (c === 0x2d && !isNumber)) value = `'${value}`;
  const quote = value.includes('"');
  if (quote) value = value.replaceAll('"', '""');
  return quote || value.includes(',') || value.includes('\n') || value.includes('\r') ? `"${value}"` : value;
}

// What csv-stringify 6.9's escape_formulas already guards (lib/api/index.js): left for it to do, once.
const guardedByCsvStringify = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const leadingBlank = /^[\s\u200b-\u200d\u2060\ufeff]+/;

/** A cell whose first visible character, normalised, is = + - or @, with the apostrophe csv-stringify would not add. */
export function guardHiddenFormula(value: string): string {
  // A cell that starts with printable ASCII starts with that character as normalising leaves it: csv-stringify guards
  // = + - @, and any other is no formula. Said without a normalisation (an ICU call) a cell, a sixth of writing a
  // history's CSV: `history --no-git --format csv` of 10,000 records 1.909 -> 1.792 s (9 alternating runs).
  const c = value.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return value;
  if (guardedByCsvStringify.test(value)) return value;
  const first = String.fromCodePoint(value.replace(leadingBlank, '').codePointAt(0) ?? 32).normalize('NFKC');
  return /^[=+\-@]/.test(first) ? `'${value}` : value;
}
