/**
 * Dates in records are ISO strings, compared as strings (YYYY-MM-DD sorts
 * correctly) and never turned into Date objects that a time zone could shift.
 */
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function isIsoDateShape(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** null when the date is real; otherwise why not, in words. */
export function impossibleDateReason(value: string): string | null {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12) return `${value} is not a real date (there is no month ${m})`;
  const days = daysInMonth(y, m);
  if (d < 1 || d > days) return `${value} is not a real date (${monthNames[m - 1]} ${y} has ${days} days)`;
  return null;
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

/** "29 September 2020" - how dates read on a summary sheet. */
export function longDate(value: string): string {
  if (!isRealDate(value)) return value;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return `${d} ${monthNames[m - 1]} ${y}`;
}
