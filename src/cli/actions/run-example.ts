import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { diffRecords } from '../../analyse/review-diff.js';
import { buildChronology } from '../../analyse/chronology.js';
import { buildHistories, type RecordVersion } from '../../analyse/history.js';
import { compareChildren, latestPerChild } from '../../analyse/sibling-comparison.js';
import { buildSummarySheet } from '../../analyse/summary-sheet.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { refuseOutputsOverInputs } from '../../io/output-not-input.js';
import { readRecordBytes } from '../../read/read-record.js';
import { renderChronologyMarkdown } from '../../render/chronology-markdown.js';
import { renderCompareHtml } from '../../render/compare-html.js';
import { renderCompareMarkdown } from '../../render/compare-markdown.js';
import { childTemplates, decisionLabeller } from '../../template/load-template.js';
import { renderDiffHtml } from '../../render/diff-html.js';
import { renderDiffMarkdown } from '../../render/diff-markdown.js';
import { renderHistoryMarkdown } from '../../render/history-markdown.js';
import { sideTitle } from '../../render/diff-style.js';
import { markdownInline, terminalSafeLine } from '../../render/safe-text.js';
import { renderSummaryHtml } from '../../render/summary-html.js';
import { renderSummaryMarkdown } from '../../render/summary-markdown.js';
import { UsageError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { validOrReport, type ValidRecord } from '../load-valid-record.js';
import { packagePath } from '../../io/package-files.js';

export interface ExampleOptions {
  out?: string;
  force?: boolean;
}

/** Examples ship in the package: every folder of fixtures/ that holds a story.md. */
const examplesFolder = packagePath('fixtures');

async function availableExamples(): Promise<string[]> {
  const entries = await readdir(examplesFolder, { withFileTypes: true }).catch(() => []);
  const names: string[] = [];
  for (const e of entries) if (e.isDirectory() && (await stat(join(examplesFolder, e.name, 'story.md')).catch(() => null))) names.push(e.name);
  return names.sort();
}

export async function runExample(name: string, options: ExampleOptions, ctx: CliContext): Promise<number> {
  const available = await availableExamples();
  if (!available.includes(name)) throw new UsageError(`there is no example called ${JSON.stringify(name)} (available: ${available.join(', ')})`);
  const out = options.out ?? name;
  await prepareFolder(out, options.force === true);
  const source = join(examplesFolder, name);
  const recordNames = (await readdir(source)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const records: ValidRecord[] = [];
  const files = new Map<string, string | Uint8Array>();
  for (const file of recordNames) {
    const bytes = await readFile(join(source, file));
    files.set(file, bytes);
    const read = readRecordBytes(file, bytes);
    // Each sheet as it looked on the day the toolkit was completed, so no review shows as overdue years later.
    const completed = (read.record?.data as { assessment?: { completed?: string } } | undefined)?.assessment?.completed ?? '';
    records.push(validOrReport(file, read.record, read.findings, ctx, completed));
  }
  const story = await readFile(join(source, 'story.md'), 'utf8');
  const { readme, pages } = workedExample(name, story, records);
  for (const [file, html] of pages) files.set(file, html);
  files.set('README.md', readme);
  // `--out` naming the packaged example itself must not rewrite the copy every later run starts from.
  await refuseOutputsOverInputs([...files.keys()].map((file) => join(out, file)), [...recordNames, 'story.md'].map((file) => join(source, file)));
  for (const [file, content] of files) await writeFileAtomic(join(out, file), content, { overwrite: options.force === true, mode: 0o644 });
  ctx.stderr.write(`${terminalSafeLine(`wrote ${join(out, 'README.md')}, ${records.length} records and ${pages.size} pages to print`)}\n`);
  return 0;
}

async function prepareFolder(out: string, force: boolean): Promise<void> {
  const info = await stat(out).catch(() => null);
  if (info && !info.isDirectory()) throw new UsageError(`${out} is a file, not a folder`);
  if (info && !force && (await readdir(out)).length > 0) throw new UsageError(`${out} is not empty; choose a new folder or add --force to write into it`);
  await mkdir(out, { recursive: true });
}

const childName = (r: ValidRecord) => r.record.child.name ?? r.record.child.ref;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const sideOf = (r: ValidRecord) => ({ type: r.record.assessment.type, completed: r.record.assessment.completed });

/** Our own headings only start with `#`: record text reaching Markdown has a leading `#` escaped. */
function demote(markdown: string, levels: number): string {
  return markdown.replace(/^(#+) /gm, (_m, hashes: string) => `${hashes}${'#'.repeat(levels)} `);
}

const baseName = (file: string) => file.replace(/\.ya?ml$/, '');

/** A Markdown link to a page written beside the README. */
function pageLink(file: string, text: string): string {
  return `[${text}](${encodeURI(file)})`;
}

/**
 * The story as written, then everything ntk shows about it, generated now
 * from the records written beside it; the questions for discussion last.
 * Beside it, the printable pages (HTML): each summary sheet and each review
 * diff, linked from the README.
 */
function workedExample(name: string, story: string, records: ValidRecord[]): { readme: string; pages: Map<string, string> } {
  const pages = new Map<string, string>();
  const questionsAt = story.search(/^## Questions for discussion/m);
  const prose = (questionsAt >= 0 ? story.slice(0, questionsAt) : story).trimEnd();
  const questions = questionsAt >= 0 ? story.slice(questionsAt).trimEnd() : '';
  const byChild = new Map<string, ValidRecord[]>();
  for (const r of records) byChild.set(r.record.child.ref, [...(byChild.get(r.record.child.ref) ?? []), r]);
  for (const list of byChild.values()) list.sort((a, b) => a.record.assessment.completed.localeCompare(b.record.assessment.completed));
  const ordered = [...byChild.values()].flat();

  const parts: string[] = [prose, ''];
  parts.push(
    '## What ntk shows',
    '',
    `Everything from here to the questions was produced by \`ntk\` from the records in this folder (${ordered.map((r) => `\`${r.file}\``).join(', ')}) ` +
      `when the folder was written. Run the same commands yourself, for example \`ntk summary ${ordered[0]?.file ?? ''}\`, \`ntk diff\` on two of the files, or \`ntk history .\`. ` +
      'Each summary sheet and review diff also has a page to print, an HTML file beside this one that opens in any browser, linked below.',
    '',
    '## The summary sheets',
    '',
  );
  for (const r of ordered) {
    const sheet = buildSummarySheet(r.record, r.template, r.findings);
    const page = `summary-${baseName(r.file)}.html`;
    pages.set(page, renderSummaryHtml(sheet));
    parts.push(
      `### ${markdownInline(childName(r))}: ${lowerFirst(sideTitle(sideOf(r)))}`,
      '',
      `To print for the family or a meeting: ${pageLink(page, page)}, made by \`ntk summary ${r.file} --format html --today ${r.record.assessment.completed}\`.`,
      '',
      demote(renderSummaryMarkdown(sheet, { evidence: true }), 3),
      `*Produced by \`ntk summary ${r.file} --evidence --today ${r.record.assessment.completed}\`.*`,
      '',
    );
  }
  const pairs = [...byChild.values()].flatMap((list) => list.slice(1).map((r, i) => [list[i]!, r] as const));
  if (pairs.length) {
    parts.push('## What changed at each review', '');
    for (const [before, after] of pairs) {
      const diff = diffRecords(before.record, after.record, after.template, { from: before.file, to: after.file });
      const page = `diff-${baseName(before.file)}-to-${baseName(after.file)}.html`;
      pages.set(page, renderDiffHtml(diff, after.template.template));
      parts.push(
        `### ${markdownInline(childName(after))}: ${lowerFirst(sideTitle(diff.from))} → ${lowerFirst(sideTitle(diff.to))}`,
        '',
        `To print for the review meeting: ${pageLink(page, page)}, made by \`ntk diff ${before.file} ${after.file} --format html\`.`,
        '',
        demote(renderDiffMarkdown(diff, after.template.template), 3),
        `*Produced by \`ntk diff ${before.file} ${after.file} --format markdown\`.*`,
        '',
      );
    }
  }
  const versions = ordered.map((r) => ({ record: r.record, template: r.template, source: { file: r.file, commit: null, author: null, date: null, subject: null } }));
  const histories = buildHistories(versions);
  parts.push('## Over time', '', demote(renderHistoryMarkdown(histories.filter((h) => h.points.length > 1), decisionLabeller(versions.map((v) => v.template)), childTemplates(versions)), 2), `*Produced by \`ntk history . --format markdown\`.*`, '');
  parts.push(...householdPages(versions, pages));
  if (questions) parts.push(questions, '');
  parts.push('---', '', `*Written by \`ntk example ${name}\`. The story is fictional; see "About this case study" above.*`);
  return { readme: `${parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`, pages };
}

/**
 * Each household's children side by side, at the latest date all of them
 * had a toolkit (so the comparison is of one time, not of months apart),
 * and the household's chronology as it stood at the latest toolkit.
 */
function householdPages(versions: readonly RecordVersion[], pages: Map<string, string>): string[] {
  const households = [...new Set(versions.map((v) => v.record.child.household).filter((h): h is string => h !== undefined))].sort();
  const parts: string[] = [];
  for (const household of households) {
    const own = versions.filter((v) => v.record.child.household === household);
    const children = latestPerChild(own, { household });
    if (children.length < 2) continue;
    const on = children.map((v) => v.record.assessment.completed).sort()[0]!;
    const sheet = compareChildren(latestPerChild(own, { household, on }).map((v) => ({ file: v.source.file, record: v.record })), children[0]!.template);
    const page = `compare-${household}.html`;
    pages.set(page, renderCompareHtml(sheet));
    parts.push(
      '## Side by side',
      '',
      `To print for supervision: ${pageLink(page, page)}, made by \`ntk compare . --household ${household} --on ${on} --format html\`.`,
      '',
      demote(renderCompareMarkdown(sheet), 2),
      `*Produced by \`ntk compare . --household ${household} --on ${on} --format markdown\`.*`,
      '',
    );
    const today = own.map((v) => v.record.assessment.completed).sort().at(-1)!;
    parts.push(
      '## The household\'s chronology',
      '',
      demote(renderChronologyMarkdown(buildChronology(own, { today }), { decisionLabel: decisionLabeller(own.map((v) => v.template)), templateOf: childTemplates(own) }), 2),
      `*Produced by \`ntk chronology . --household ${household} --no-git --today ${today} --format markdown\`.*`,
      '',
    );
  }
  return parts;
}

