import type { ChalkInstance } from 'chalk';
import type { Finding } from '../validate/finding.js';

/** What every format of `ntk check` is given: the same finding data the JSON format uses. */
export interface CheckOutput {
  /** Every finding, for the closing counts. */
  findings: readonly Finding[];
  /** The findings to show (errors only with --quiet). */
  shown: readonly Finding[];
  /** Every file checked, in order. */
  files: readonly string[];
  out: ChalkInstance;
  version: string;
}

/**
 * The formats of `ntk check`, one entry each. Each renderer is loaded when
 * it is asked for, so the command table (and `ntk --help`) can name them
 * without loading any.
 */
export const checkFormats: Record<string, (o: CheckOutput) => Promise<string>> = {
  terminal: async (o) => (await import('./findings-report.js')).renderFindingsPretty(o.findings, o.files.length, o.out, o.shown),
  json: async (o) => (await import('./findings-report.js')).renderFindingsJson(o.shown, o.files.length),
  github: async (o) => (await import('./findings-report.js')).renderFindingsGithub(o.shown),
  sarif: async (o) => (await import('./findings-sarif.js')).renderFindingsSarif(o.shown, o.version),
  junit: async (o) => (await import('./findings-junit.js')).renderFindingsJunit(o.shown, o.files),
};

/** Other names a format answers to: `pretty` was check's word for what every other command calls `terminal`. */
export const checkFormatAliases: Record<string, string> = { pretty: 'terminal' };

export const checkFormatNames = [...Object.keys(checkFormats), ...Object.keys(checkFormatAliases)];
