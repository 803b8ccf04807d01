// The README's list of finding codes, written from the registry
// (src/record/finding-codes.ts) so the two cannot drift apart:
// `npm run docs:codes` rewrites it, and a unit test fails when they differ.
import { scaleWords, type ScaleFacts } from '../src/template/scale-facts.js';
import { FINDING_CODES, findingCodes, scaleWorded, type FindingCode, type RegistryWords } from '../src/record/finding-codes.js';

/** The template whose scale the table says scores on: the default, nscp-ncscp/2021 (its file is read by the caller). */
export const TABLE_TEMPLATE_FILE = 'templates/nscp-ncscp-2021.yaml';

export const START_MARKER = '<!-- finding-codes:start -->';
export const END_MARKER = '<!-- finding-codes:end -->';

const kinds = [
  { severity: 'error', heading: 'Errors: the record is wrong' },
  { severity: 'warning', heading: 'Warnings: practice the guidance asks for is missing' },
  { severity: 'prompt', heading: 'Prompts: a conversation to have, never a decision' },
] as const;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function table(codes: readonly FindingCode[], words: RegistryWords): string[] {
  return [
    '| Code | What it checks | Why |',
    '| --- | --- | --- |',
    ...codes.map((code) => {
      const info = FINDING_CODES[code];
      const counted = 'report' in info ? ' Counted by `ntk report`.' : '';
      return `| \`${code}\` | ${cell(scaleWorded(info.title, words))} | ${cell(scaleWorded(info.help, words))}${counted} |`;
    }),
  ];
}

/** The generated part of the README, between its markers (markers excluded), saying scores as `scale` (the default template's) does. */
export function findingCodesMarkdown(scale: ScaleFacts): string {
  const oneRecord = findingCodes.filter((code) => !('acrossRecords' in FINDING_CODES[code]));
  const across = findingCodes.filter((code) => 'acrossRecords' in FINDING_CODES[code]);
  const words = scaleWords(scale);
  const lines: string[] = [`Scores are said as on nscp-ncscp/2021's scale (${words.span}, worrying at ${words.range}); a record on another template is told its own template's scores.`, ''];
  for (const { severity, heading } of kinds) {
    lines.push(`**${heading}**`, '', ...table(oneRecord.filter((code) => FINDING_CODES[code].severity === severity), words), '');
  }
  lines.push(
    'Some prompts need more than one record, so `ntk check` (one file at a time) does not give them;',
    '`ntk compare`, `ntk chronology` and the caseload report (`ntk report`) do:',
    '',
    ...table(across, words),
  );
  return `${lines.join('\n')}\n`;
}

/** The README with its generated part rewritten; an error when its markers are missing. */
export function readmeWithCodes(readme: string, scale: ScaleFacts): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START_MARKER} ... ${END_MARKER} block`);
  return `${readme.slice(0, start + START_MARKER.length)}\n${findingCodesMarkdown(scale)}${readme.slice(end)}`;
}
