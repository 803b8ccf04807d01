import type { ChalkInstance } from 'chalk';
import type { FindingsWriter } from './findings-report.js';

/** What a format of `ntk check` may need besides the findings: colour, the files checked, ntk's version. */
export interface CheckFormatContext {
  out: ChalkInstance;
  /** Every file checked, in order. */
  files: readonly string[];
  version: string;
}

async function terminalWriter(c: CheckFormatContext): Promise<FindingsWriter> {
  return (await import('./findings-report.js')).prettyWriter(c.out);
}

/**
 * The formats of `ntk check`, one entry each: a writer of (begin, a file's
 * findings, end). Each is loaded when it is asked for, so the command table
 * (and `ntk --help`) can name them without loading any.
 */
export const checkFormats = {
  terminal: terminalWriter,
  json: async () => (await import('./findings-report.js')).jsonWriter(),
  github: async () => (await import('./findings-report.js')).githubWriter(),
  sarif: async (c) => {
    const [{ wholeDocumentWriter }, { renderFindingsSarif }] = await Promise.all([import('./findings-report.js'), import('./findings-sarif.js')]);
    return wholeDocumentWriter((shown) => renderFindingsSarif(shown, c.version));
  },
  junit: async (c) => {
    const [{ wholeDocumentWriter }, { renderFindingsJunit }] = await Promise.all([import('./findings-report.js'), import('./findings-junit.js')]);
    return wholeDocumentWriter((shown) => renderFindingsJunit(shown, c.files));
  },
  /** `pretty` was check's word for what every other command calls `terminal`; scripts may still say it. */
  pretty: terminalWriter,
} satisfies Readonly<Record<string, (c: CheckFormatContext) => Promise<FindingsWriter>>>;
