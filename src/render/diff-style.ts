import type { ChalkInstance } from 'chalk';
import type { AreaVerdict, RecordSide, SectionChange } from '../analyse/review-diff.js';
import { longDate } from '../validate/dates.js';

/**
 * How a change looks. Lower scores mean better care, so "better" points down
 * the scale. Every change carries a symbol and a word as well as a colour, so
 * it reads the same with NO_COLOR and in greyscale.
 */
export const changeSymbol: Record<SectionChange, string> = {
  improved: '▼',
  deteriorated: '▲',
  unchanged: '=',
  'newly-assessed': '+',
  'no-longer-assessed': '-',
};

export const changeWords: Record<SectionChange, string> = {
  improved: 'improved',
  deteriorated: 'deteriorated',
  unchanged: 'unchanged',
  'newly-assessed': 'newly assessed',
  'no-longer-assessed': 'no longer assessed',
};

export function changeColour(change: SectionChange | AreaVerdict, c: ChalkInstance): (s: string) => string {
  switch (change) {
    case 'improved':
      return (s) => c.green(s);
    case 'deteriorated':
      return (s) => c.red.bold(s);
    case 'mixed':
      return (s) => c.yellow(s);
    case 'newly-assessed':
      return (s) => c.cyan(s);
    default:
      return (s) => c.dim(s);
  }
}

/** "Initial toolkit, 29 September 2020" - which record a side of the diff is. */
export function sideTitle(side: Pick<RecordSide, 'type' | 'completed'>): string {
  return `${side.type === 'initial' ? 'Initial toolkit' : 'Review'}, ${longDate(side.completed)}`;
}

/** The counts line shared by every format, e.g. "13 sections improved, 0 deteriorated, 10 unchanged". */
export function countsLine(counts: Record<SectionChange, number>): string {
  const parts = [`${counts.improved} improved`, `${counts.deteriorated} deteriorated`, `${counts.unchanged} unchanged`];
  if (counts['newly-assessed']) parts.push(`${counts['newly-assessed']} newly assessed`);
  if (counts['no-longer-assessed']) parts.push(`${counts['no-longer-assessed']} no longer assessed`);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return `${total} section${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
