import { compareChildren, latestPerChild } from '../../analyse/sibling-comparison.js';
import { collectRecordFiles } from '../../read/collect-files.js';
import { viewFormats, type FormatOf } from '../../render/view-formats.js';
import { renderFindingsPretty } from '../../render/findings-report.js';
import { isRealDate } from '../../record/dates.js';
import { EXIT, UsageError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { writeView } from '../write-output.js';
import { gatherVersions } from './run-history.js';

export interface CompareOptions {
  format: FormatOf<'compare'>;
  household?: string;
  on?: string;
  output?: string;
  force?: boolean;
}

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
  await writeView(viewFormats.compare[options.format], sheet, {}, options, files, ctx);
  return findings.length > 0 ? EXIT.findings : EXIT.ok;
}
