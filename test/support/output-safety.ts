import { expect } from 'vitest';

/**
 * Characters that must never reach a terminal from record text: C0 controls
 * but tab and newline, DEL, C1 controls, Unicode line separators, and every
 * format character (bidi controls that make a line read differently from
 * what it says, zero-width and tag characters that hide text), except a
 * zero-width (non-)joiner between two non-ASCII characters (emoji, Indic scripts).
 */
const shown = '[^\\u0000-\\u009f\\p{Cf}\\p{Zl}\\p{Zp}]';
const forbidden = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u3164]|(?![\\u200c\\u200d])\\p{Cf}|(?<!${shown})[\\u200c\\u200d]|[\\u200c\\u200d](?!${shown})`, 'u');

/** ntk's own colour codes (chalk SGR: ESC [ one number m; a planted ESC [38;5;196m is not one), the only escapes ntk itself writes. */
const ownColour = /\u001b\[\d{1,3}m/g;

/** The first forbidden character and where, for a failure message a reader can act on. */
export function findControlBytes(output: string, options: { allowColour?: boolean } = {}): string | null {
  const text = options.allowColour ? output.replace(ownColour, '') : output;
  const match = forbidden.exec(text);
  if (!match) return null;
  const i = match.index;
  return `U+${match[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${i} in ${JSON.stringify(text.slice(Math.max(0, i - 30), i + 30))}`;
}

/** Asserts that output holds no escape, control or bidi character (ntk's own colours allowed when asked). */
export function expectNoControlBytes(output: string, options: { allowColour?: boolean; label?: string } = {}): void {
  expect(findControlBytes(output, options), options.label).toBeNull();
}
