import { parse } from 'yaml';

/**
 * Text an attacker (or an unlucky paste) could put in a record, one kind per
 * entry. Each carries a marker that must never be seen outside the record:
 * if "PWN" reaches a terminal, a sequence survived in part.
 */
export const TERMINAL_PAYLOADS = {
  csiClear: '\u001b[2J\u001b[1;1H',
  sgr256: '\u001b[38;5;196m',
  oscTitle: '\u001b]0;PWN-TITLE\u0007',
  osc8Link: '\u001b]8;;javascript:alert(PWN)\u001b\\link\u001b]8;;\u001b\\',
  c1Csi: '\u009b2J',
  c1Osc: '\u009d0;PWN-C1\u009c',
  carriageReturn: 'ok\r',
  bidi: '\u202eevil\u202c\u2066x\u2069\u200f',
  c0: '\u0007\u0008\u000b\u000c\u007f\u0085',
} as const;

export const MARKDOWN_PAYLOADS = {
  pipes: 'a | b || c',
  html: '<script>alert(1)</script><img src=x onerror=alert(1)>',
  link: '[x](javascript:alert(1)) ![i](http://example.invalid/t.png) <javascript:alert(1)>',
  backslash: 'end \\| \\',
  heading: '\n# heading\n- list',
} as const;

/** Every payload in one string that still fits the shortest free-text field (200 characters). */
export const COMBINED_PAYLOAD = `P ${Object.values(TERMINAL_PAYLOADS).join('')}|<b>x</b>[a](javascript:y)\\ Q`;

/** Record fields that are not free text: dates, enums, ids, refs, keys with a fixed form. */
const notFreeText = new Set([
  'format',
  'template',
  'ref',
  'born',
  'household',
  'front_door',
  'type',
  'previous',
  'completed',
  'date',
  'by',
  'id',
  'lead_consulted',
  'decision',
  'next_review',
  'done',
  'dropped',
  'since',
  'recent_change',
  'gathered',
  'household_shared',
  'sections',
]);

/** Free-text field paths holding a string in `data`, e.g. ["child", "family", 0, "name"]. */
export function freeTextPaths(data: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof data === 'string') {
    const key = [...path].reverse().find((s) => typeof s === 'string');
    return key !== undefined && notFreeText.has(key) ? [] : [path];
  }
  if (Array.isArray(data)) return data.flatMap((v, i) => freeTextPaths(v, [...path, i]));
  if (data !== null && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => freeTextPaths(v, [...path, k]));
  return [];
}

/** A copy of `record` with `payload` planted in every free-text field (between two words, as a paste would be). */
export function plantEverywhere<T>(record: T, payload: string): { record: T; planted: number } {
  const copy = structuredClone(record);
  const paths = freeTextPaths(copy);
  for (const path of paths) {
    let node = copy as Record<string | number, unknown>;
    for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
    node[path[path.length - 1]!] = `Text ${payload} end`;
  }
  return { record: copy, planted: paths.length };
}

/** A planted terminal sequence left a trace: its marker, or its body after a stripped ESC. */
export function terminalTrace(output: string): string | null {
  for (const t of [/PWN/, /\[2J/, /\[38;5;196m/, /\]8;;/, /\]0;/]) if (t.test(output)) return `found ${t} in output`;
  return null;
}

/**
 * Planted Markdown became markup: raw HTML, a live `javascript:` link or
 * autolink, or a pipe that broke a table row (every row of a table must have
 * as many unescaped pipes as its header).
 */
export function markdownTrace(markdown: string): string | null {
  for (const t of [/<script/i, /<img/i, /<b>/, /(?<!\\)\]\(\s*javascript:/i, /<javascript:/i]) if (t.test(markdown)) return `found ${t} in Markdown`;
  const pipes = (line: string) => line.match(/(?<!\\)\|/g)?.length ?? 0;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || !lines[i + 1]?.startsWith('|---')) continue;
    const header = pipes(lines[i]!);
    for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j++) {
      if (pipes(lines[j]!) !== header) return `table row ${j + 1} has ${pipes(lines[j]!)} cell borders, its header ${header}: ${lines[j]}`;
    }
  }
  return null;
}

/**
 * Mary Jo's first review with every optional free-text field filled (a
 * contributor's name, a section not relevant), so planting reaches every
 * free-text field the schema has.
 */
export async function everyFieldRecord(): Promise<Record<string, unknown>> {
  const { readFile } = await import('node:fs/promises');
  const record = parse(await readFile(new URL('../../fixtures/mary-jo/MJ-01-2020-12-15.yaml', import.meta.url), 'utf8')) as {
    assessment: Record<string, unknown> & { contributors: { name?: string }[] };
    areas: Record<string, { sections: Record<string, unknown> }>;
    child_voice: Record<string, unknown>;
    summary: { actions: Record<string, unknown>[] };
  };
  for (const c of record.assessment.contributors) c.name = 'A. Practitioner';
  record.areas['physical-care']!.sections['1.3'] = { not_relevant: 'Reason it does not apply' };
  const withCarers = record.areas['physical-care']!.sections['1.2'] as Record<string, unknown>;
  delete withCarers.parent_score;
  withCarers.carer_scores = [
    { carer: 'Kerry', score: 2 },
    { carer: 'Wayne', score: 3 },
  ];
  // What was done about 5.2's domestic-abuse reminder (scored 3 in the fixture), so its text is planted and shown too.
  (record.areas['family-relationships']!.sections['5.2'] as Record<string, unknown>).reminder_response = 'Asked her alone; DASH RIC not needed';
  // The practice questions of the guidance, so their text is planted and shown too.
  record.assessment.home = { usual: 'Usually tidy', recent_change: 'improved', change_note: 'Cleared last week' };
  record.assessment.outside_help = 'A support worker cleared the kitchen';
  record.assessment.explanations = [{ said: 'Shopping comes tomorrow', observed: 'Cupboards bare all week' }];
  record.child_voice.gathered = ['words', 'play'];
  record.child_voice.gathered_note = 'Drew the three houses with her teacher';
  record.summary.actions.push({ action: 'Chase the landlord', dropped: '2020-12-15', reason: 'The family moved' });
  return record;
}

/** Planted Markdown or HTML became live HTML: raw tags from the payload, or a `javascript:` URL in an attribute. */
export function htmlTrace(html: string): string | null {
  for (const t of [/<script/i, /<img/i, /<b>x<\/b>/, /(?:href|src|action)\s*=\s*["']?\s*javascript:/i]) if (t.test(html)) return `found ${t} in HTML`;
  return null;
}
