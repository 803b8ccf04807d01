/**
 * Text that a spreadsheet would run as a formula when the CSV is opened
 * (=, +, - or @ first, or a tab or carriage return) gets a leading
 * apostrophe, which spreadsheets show as text: a file named `=HYPERLINK(...)`
 * stays a name. (OWASP's advice for CSV injection.)
 */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
