import { compareChildren, latestPerChild, type SiblingComparison } from '../../analyse/sibling-comparison.js';
import { collectRecordFiles } from '../../read/collect-files.js';
import { renderCompareHtml } from '../../render/compare-html.js';
import { renderCompareMarkdown } from '../../render/compare-markdown.js';
import { renderCompareTerminal } from '../../render/compare-terminal.js';
import { plainStyle } from '../../render/plain-style.js';
import { renderFindingsPretty } from '../../render/findings-report.js';
import { isRealDate } from '../../validate/dates.js';
import { EXIT, UsageError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { writeOutput } from '../write-output.js';
import { gatherVersions } from './history.js';

export interface CompareOptions {
  format: CompareFormat;
  household?: string;
  on?: string;
  output?: string;
  force?: boolean;
}

type CompareFormat = 'terminal' | 'markdown' | 'json' | 'html';

/** Each format's renderer; a file gets no colour codes, a terminal what its colour level allows. */
const renderers: Record<CompareFormat, (sheet: SiblingComparison, options: CompareOptions, ctx: CliContext) => string> = {
  terminal: (sheet, options, ctx) => renderCompareTerminal(sheet, options.output ? plainStyle : ctx.out, ctx.width),
  markdown: (sheet) => renderCompareMarkdown(sheet),
  json: (sheet) => `${JSON.stringify(sheet, null, 2)}\n`,
  html: (sheet) => renderCompareHtml(sheet),
};

export async function runCompare(paths: string[], options: CompareOptions, ctx: CliContext): Promise<number> {
  if (options.on !== undefined && !isRealDate(options.on)) throw new UsageError(`--on must be a real date written YYYY-MM-DD (got ${JSON.stringify(options.on)})`);
  const files = await collectRecordFiles(paths);
  const { versions, findings } = await gatherVersions(files, { useGit: false, timelineOnly: false }, ctx);
  if (findings.length > 0) ctx.stderr.write(renderFindingsPretty(findings, files.length, ctx.err));
  const chosen = latestPerChild(versions, options);
  if (chosen.length < 2) {
    if (findings.length > 0) return EXIT.findings;
    const which = [options.household !== undefined ? `of household ${options.household}` : '', options.on !== undefined ? `completed on or before ${options.on}` : ''].filter(Boolean).join(' ');
    throw new UsageError(`compare needs toolkits of at least two children${which ? ` ${which}` : ''}; found ${chosen.length} in ${paths.join(' ')}`);
  }
  const templates = new Set(chosen.map((v) => v.record.template));
  if (templates.size > 1) throw new UsageError(`the toolkits use different templates (${[...templates].join(', ')}); compare children assessed with the same one`);
  const sheet = compareChildren(
    chosen.map((v) => ({ file: v.source.file, record: v.record })),
    chosen[0]!.template,
  );
  await writeOutput(renderers[options.format](sheet, options, ctx), options, files, ctx);
  return findings.length > 0 ? EXIT.findings : EXIT.ok;
}
