import { buildChronology, CHRONOLOGY_KINDS, type ChronologyKind } from '../../analyse/chronology.js';
import { collectRecordFiles } from '../../read/collect-files.js';
import { viewFormats, type FormatOf } from '../../render/view-formats.js';
import { renderFindingsPretty } from '../../render/findings-report.js';
import { isRealDate } from '../../record/dates.js';
import { EXIT, UsageError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { writeView } from '../write-output.js';
import { childTemplates, decisionLabeller } from '../../template/load-template.js';
import { gatherVersions } from './run-history.js';

export interface ChronologyOptions {
  format: FormatOf<'chronology'>;
  child?: string;
  household?: string;
  from?: string;
  to?: string;
  kind?: string;
  git?: boolean;
  output?: string;
  force?: boolean;
}

export async function runChronology(paths: string[], options: ChronologyOptions, ctx: CliContext): Promise<number> {
  for (const [flag, value] of [['--from', options.from], ['--to', options.to]] as const) {
    if (value !== undefined && !isRealDate(value)) throw new UsageError(`${flag} must be a real date written YYYY-MM-DD (got ${JSON.stringify(value)})`);
  }
  const kinds = parseKinds(options.kind);
  const files = await collectRecordFiles(paths);
  const { versions, findings } = await gatherVersions(files, { useGit: options.git !== false, timelineOnly: false }, ctx);
  if (findings.length > 0) ctx.stderr.write(renderFindingsPretty(findings, files.length, ctx.err));
  const chosen = versions.filter((v) => (options.child === undefined || v.record.child.ref === options.child) && (options.household === undefined || v.record.child.household === options.household));
  if (chosen.length === 0) {
    if (findings.length > 0) return EXIT.findings;
    const whose = options.child !== undefined ? `of ${options.child} ` : options.household !== undefined ? `of household ${options.household} ` : '';
    throw new UsageError(`no toolkit records ${whose}in ${paths.join(' ')}`);
  }
  const chronology = buildChronology(chosen, { today: ctx.today, kinds, ...(options.from !== undefined ? { from: options.from } : {}), ...(options.to !== undefined ? { to: options.to } : {}) });
  await writeView(viewFormats.chronology[options.format], chronology, { decisionLabel: decisionLabeller(chosen.map((v) => v.template)), templateOf: childTemplates(chosen) }, options, files, ctx);
  return findings.length > 0 ? EXIT.findings : EXIT.ok;
}

function parseKinds(value: string | undefined): ChronologyKind[] {
  if (value === undefined) return [...CHRONOLOGY_KINDS];
  const kinds = value.split(',').map((k) => k.trim()).filter((k) => k !== '');
  const unknown = kinds.filter((k) => !(CHRONOLOGY_KINDS as readonly string[]).includes(k));
  if (kinds.length === 0 || unknown.length > 0) throw new UsageError(`--kind takes a comma-separated list of ${CHRONOLOGY_KINDS.join(', ')} (got ${JSON.stringify(value)})`);
  return kinds as ChronologyKind[];
}
