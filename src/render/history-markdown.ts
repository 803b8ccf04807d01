import type { AreaTimeline, ChildHistory } from '../analyse/history.js';
import { changeSummary, pointLabel, sectionsWith, shortDate, trendMarks, trendWords } from './history-style.js';
import type { TemplateIndex } from '../template/load-template.js';
import { markdownCell, markdownInline } from './safe-text.js';
import { NOT_ASSESSED_MARK, scaleLook } from './score-style.js';

/**
 * Each child's timeline as Markdown: a table of the toolkits, then per area a
 * Mermaid xychart (GitHub and GitLab draw it) and a table of section scores
 * with their trend, then the call-outs and who changed what.
 */
export function renderHistoryMarkdown(histories: readonly ChildHistory[], decisionLabel: (key: string) => string, templateOf: (ref: string) => TemplateIndex): string {
  return `${histories.map((h) => renderChildHistoryMarkdown(h, decisionLabel, templateOf(h.ref))).join('\n')}`;
}

/** One child's timeline, on the child's template's scale; children are joined by a blank line. */
export function renderChildHistoryMarkdown(h: ChildHistory, decisionLabel: (key: string) => string, template: TemplateIndex): string {
  const md = markdownInline;
  const out: string[] = [];
  out.push(`# History: ${h.name ? `${md(h.name)} (${md(h.ref)})` : md(h.ref)}`, '');
  out.push('| # | Toolkit | Decision | Source |', '|---|---|---|---|');
  h.points.forEach((p, i) => {
    const source = p.source.commit ? `${markdownCell(p.source.file)} at \`${p.source.commit.slice(0, 7)}\` (${markdownCell(p.source.author ?? '')}, ${p.source.date})` : markdownCell(p.source.file);
    out.push(`| ${i + 1} | ${pointLabel(p)} | ${p.decision ? markdownCell(decisionLabel(p.decision)) : 'not recorded'} | ${source} |`);
  });
  out.push('', `${template.worryingWords.betterHeading} scores mean better care. **Sustained**: improvement held across two or more toolkits. **Slipped back**: worse again after improving.`, '');

  const sustained = sectionsWith(h, 'sustained');
  const slipped = sectionsWith(h, 'slipped-back');
  if (sustained.length) out.push(`> ★ **Sustained** - to celebrate with the family: ${sustained.map((x) => `${x.section} ${md(x.title)}`).join(', ')}`, '');
  if (slipped.length) out.push(`> ⚠️ **Slipped back** - worse again after improving: ${slipped.map((x) => `${x.section} ${md(x.title)}`).join(', ')}`, '');

  for (const a of h.areas) out.push(...renderArea(a, h, template));

  if (h.changes.length) {
    out.push('## Who changed what and when', '', '| When | Who | Commit | File | Change |', '|---|---|---|---|---|');
    for (const ch of h.changes) {
      const commit = ch.source.commit ? `\`${ch.source.commit.slice(0, 7)}\` ${markdownCell(ch.source.subject ?? '')}` : 'not yet committed';
      out.push(`| ${ch.source.date ?? ''} | ${markdownCell(ch.source.author ?? '')} | ${commit} | ${markdownCell(ch.source.file)} | ${markdownCell(changeSummary(ch))} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Mermaid strings are quoted; a quote or control character in a title must not end them. */
function mermaidText(text: string): string {
  return text.replace(/["\\`]/g, "'").replace(/[\u0000-\u001f\u007f]/g, ' ');
}

function renderArea(a: AreaTimeline, h: ChildHistory, template: TemplateIndex): string[] {
  const words = template.worryingWords;
  const look = scaleLook(template.template);
  const trendMark = trendMarks(words.better);
  const out: string[] = [`## ${a.number} ${markdownInline(a.title)} - ${trendMark[a.trend]} ${trendWords[a.trend]}`, ''];
  const scored = h.points.map((p, i) => ({ p, v: a.highest[i] })).filter((x): x is { p: (typeof h.points)[number]; v: number } => x.v !== null && x.v !== undefined);
  if (scored.length > 1) {
    out.push(
      '```mermaid',
      'xychart-beta',
      `    title "${mermaidText(`${a.number} ${a.title}`)}: ${words.worst} score (${words.better} is better care)"`,
      `    x-axis [${scored.map((x) => `"${shortDate(x.p.completed)}"`).join(', ')}]`,
      `    y-axis "${words.worstHeading} score" ${template.scores[0]!} --> ${template.scores[template.scores.length - 1]!}`,
      `    line [${scored.map((x) => x.v).join(', ')}]`,
      '```',
      '',
    );
  }
  out.push(`| Section | ${h.points.map((p) => shortDate(p.completed)).join(' | ')} | Trend |`, `|---|${h.points.map(() => '---|').join('')}---|`);
  for (const s of a.sections) {
    const cells = s.scores.map((x) => (x === null ? NOT_ASSESSED_MARK : `${look.square(x)} ${x}`));
    const trend = `${trendMark[s.trend]} ${s.trend === 'sustained' || s.trend === 'slipped-back' ? `**${trendWords[s.trend]}**` : trendWords[s.trend]}`;
    out.push(`| ${s.section} ${markdownInline(s.title)} | ${cells.join(' | ')} | ${trend} |`);
  }
  out.push(`| *${words.worstHeading}* | ${a.highest.map((x) => (x === null ? NOT_ASSESSED_MARK : `${look.square(x)} ${x}`)).join(' | ')} | ${trendWords[a.trend]} |`);
  out.push(`| *At ${words.or}* | ${a.pattern.map((p) => (p.scored === 0 ? NOT_ASSESSED_MARK : `${p.worrying} of ${p.scored}`)).join(' | ')} | |`, '');
  return out;
}
