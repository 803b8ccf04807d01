import type { ChalkInstance } from 'chalk';
import type { FindingsWriter } from './findings-report.js';

/** What a format of `ntk check` may need besides the findings: colour and ntk's version. */
export interface CheckFormatContext {
  out: ChalkInstance;
  version: string;
}

/**
 * The formats of `ntk check`, one entry each: a writer of (begin, a file's
 * findings, end). Each is loaded when it is asked for, so the command table
 * (and `ntk --help`) can name them without loading any.
 */
export const checkFormats: Record<string, (c: CheckFormatContext) => Promise<FindingsWriter>> = {
  terminal: async (c) => (await import('./findings-report.js')).prettyWriter(c.out),
  json: async () => (await import('./findings-report.js')).jsonWriter(),
  github: async () => (await import('./findings-report.js')).githubWriter(),
  sarif: async (c) => (await import('./findings-sarif.js')).sarifWriter(c.version),
  junit: async () => (await import('./findings-junit.js')).junitWriter(),
};

/** Other names a format answers to: `pretty` was check's word for what every other command calls `terminal`. */
export const checkFormatAliases: Record<string, string> = { pretty: 'terminal' };

export const checkFormatNames = [...Object.keys(checkFormats), ...Object.keys(checkFormatAliases)];
