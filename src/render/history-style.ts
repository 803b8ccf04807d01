import type { ChalkInstance } from 'chalk';
import type { AreaTimeline, ChildHistory, HistoryPoint, RecordChange, Trend } from '../analyse/history.js';
import { longDate } from '../record/dates.js';
import type { ScaleWords } from '../template/scale-facts.js';
import { changeSymbols } from './change-symbols.js';

/** Trend words for every format; "slipped back" is what the guidance asks reviewers to notice. */
export const trendWords: Record<Trend, string> = {
  sustained: 'sustained',
  improved: 'improved',
  'slipped-back': 'slipped back',
  deteriorated: 'deteriorated',
  unchanged: 'unchanged',
  single: 'one toolkit',
  'not-scored': 'not scored',
};

/** Trend marks; the arrows point the way the score moved, as the review diff's do. */
export function trendMarks(better: ScaleWords['better']): Record<Trend, string> {
  const symbols = changeSymbols(better);
  return { sustained: '★', improved: symbols.improved, 'slipped-back': '⚠', deteriorated: symbols.deteriorated, unchanged: '=', single: '·', 'not-scored': '·' };
}

export function trendColour(trend: Trend, c: ChalkInstance): (s: string) => string {
  if (trend === 'sustained') return (s) => c.green.bold(s);
  if (trend === 'improved') return (s) => c.green(s);
  if (trend === 'slipped-back' || trend === 'deteriorated') return (s) => c.red.bold(s);
  return (s) => c.dim(s);
}

/** "29 Sep 2020": short enough for a column header or a chart axis. */
export function shortDate(iso: string): string {
  const long = longDate(iso);
  return long.replace(/^(\d+ )([A-Z][a-z]{2})[a-z]*( \d{4})$/, '$1$2$3');
}

export function pointLabel(p: HistoryPoint): string {
  return `${p.type === 'initial' ? 'initial toolkit' : 'review'} ${longDate(p.completed)}`;
}

/** "1.1 4 -> 2, 5.2 2 -> 3 (worse)" - the scores a change touched, in words. */
export function changeSummary(change: RecordChange): string {
  if (change.kind === 'added') return `added the toolkit of ${longDate(change.completed)}`;
  const scores = change.sections.map((s) => `${s.section} ${s.from ?? 'none'} -> ${s.to ?? 'none'}${s.change === 'deteriorated' ? ' (worse)' : s.change === 'improved' ? ' (better)' : ''}`);
  const parts = [scores.length ? `scores ${scores.join(', ')}` : 'no score changed'];
  if (change.textChanged) parts.push(`${change.textChanged} text field${change.textChanged === 1 ? '' : 's'} changed`);
  if (change.decision) parts.push(`decision ${change.decision.from ?? 'none'} -> ${change.decision.to ?? 'none'}`);
  const which = change.replaced ? `the toolkit of ${longDate(change.completed)} replaced that of ${longDate(change.replaced)}` : `${longDate(change.completed)} toolkit`;
  return `${which}: ${parts.join('; ')}`;
}

/** Sections by trend, for the call-outs under a timeline. */
export function sectionsWith(history: ChildHistory, trend: Trend): { section: string; title: string }[] {
  return history.areas.flatMap((a) => a.sections.filter((s) => s.trend === trend));
}

/** "4 -> 3 -> 3": an area's worst score at each toolkit, oldest first. */
export function highestWords(area: AreaTimeline): string {
  return area.highest.map((x) => (x === null ? '-' : String(x))).join(' -> ');
}

/** "3 of 4 at 3-4 -> 1 of 4": the pattern behind the worst score, at the template's worrying scores. */
export function patternWords(area: AreaTimeline, words: ScaleWords): string {
  return `${area.pattern.map((p) => (p.scored === 0 ? '-' : `${p.worrying} of ${p.scored}`)).join(' -> ')} at ${words.range}`;
}
