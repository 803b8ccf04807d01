import { checkFormats } from './check-formats.js';
import { chronologyFormats } from './chronology-formats.js';
import { compareFormats } from './compare-formats.js';
import { diffFormats } from './diff-formats.js';
import { historyFormats } from './history-formats.js';
import { reportFormats } from './report-formats.js';
import { summaryFormats } from './summary-formats.js';
import { templateFormats } from './template-formats.js';

/**
 * Every view's format table, by the command that shows it. Commands and
 * actions reach the tables through this one module so that the bundle loads
 * them for `ntk --help` as one piece, not a file per view (scripts/bundle.mjs
 * splits a module shared by the command table and an action into a chunk).
 */
export const viewFormats = {
  check: checkFormats,
  chronology: chronologyFormats,
  compare: compareFormats,
  diff: diffFormats,
  history: historyFormats,
  report: reportFormats,
  summary: summaryFormats,
  template: templateFormats,
};

/** The names `--format` takes for a view: the keys of its table. */
export type FormatOf<View extends keyof typeof viewFormats> = keyof (typeof viewFormats)[View];
