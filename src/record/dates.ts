/**
 * Dates in records are ISO strings, compared as strings (YYYY-MM-DD sorts
 * correctly) and never turned into Date objects that a time zone could shift.
 */
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const isoDateShape = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDateShape(value: string): boolean {
  return isoDateShape.test(value);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (monthDays[month - 1] ?? 0);
}

/** null when the date is real; otherwise why not, in words. */
export function impossibleDateReason(value: string): string | null {
  // Every date of every record of a batch comes here: digits are read in place rather than by split
  // and Number, and not through a destructured list, whose iterator was garbage for each date.
  const shaped = isIsoDateShape(value);
  const parts = shaped ? null : value.split('-').map(Number);
  const y = parts ? parts[0]! : digits(value, 0, 4);
  const m = parts ? parts[1]! : digits(value, 5, 7);
  const d = parts ? parts[2]! : digits(value, 8, 10);
  if (m < 1 || m > 12) return `${value} is not a real date (there is no month ${m})`;
  const days = daysInMonth(y, m);
  if (d < 1 || d > days) return `${value} is not a real date (${monthNames[m - 1]} ${y} has ${days} days)`;
  return null;
}

/** The decimal number written by the digits from `start` to `end`. */
function digits(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + value.charCodeAt(i) - 0x30;
  return n;
}

export function isRealDate(value: string): boolean {
  return isIsoDateShape(value) && impossibleDateReason(value) === null;
}

/** Whole days from a to b (b later is positive), computed in UTC so no zone or daylight saving shifts it. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Today's date where the user is, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A date written the British way - 14/05/2021, 14.5.2021 or 14 May 2021 - as
 * YYYY-MM-DD; null when it is not one, or not a real date.
 */
export function dayMonthYear(text: string): string | null {
  const digitsForm = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  const wordsForm = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(text.trim());
  let month = 0;
  if (digitsForm) month = Number(digitsForm[2]);
  else if (wordsForm) {
    const word = (wordsForm[2] ?? '').toLowerCase();
    // "May", "Sept", "September": three letters or more of one month's name.
    month = word.length >= 3 ? monthNames.findIndex((m) => m.toLowerCase().startsWith(word)) + 1 : 0;
  }
  const found = digitsForm ?? wordsForm;
  if (!found || month < 1) return null;
  const iso = `${found[3]}-${String(month).padStart(2, '0')}-${(found[1] ?? '').padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
}

/** "29 September 2020" - how dates read on a summary sheet. */
export function longDate(value: string): string {
  if (!isRealDate(value)) return value;
  // A real date is shaped YYYY-MM-DD: its digits are read in place (a long history words a date for each of its commits).
  return `${digits(value, 8, 10)} ${monthNames[digits(value, 5, 7) - 1]} ${digits(value, 0, 4)}`;
}

/** Text for a sheet: every YYYY-MM-DD in it read as "29 September 2020" (finding messages quote record dates). */
export function longDatesIn(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, longDate);
}
