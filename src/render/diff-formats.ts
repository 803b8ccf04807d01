import type { ReviewDiff } from '../analyse/review-diff.js';
import type { DiffHtmlTemplate } from './diff-html.js';
import type { FormatTable } from './format-table.js';

/** The formats of `ntk diff`; `words` are the template's words for scores, decisions and the review questions. */
export const diffFormats = {
  terminal: async (diff, m) => (await import('./diff-terminal.js')).renderDiffTerminal(diff, m.words, m.style, m.width),
  markdown: async (diff, m) => (await import('./diff-markdown.js')).renderDiffMarkdown(diff, m.words),
  json: async (diff) => (await import('./diff-json.js')).renderDiffJson(diff),
  html: async (diff, m) => (await import('./diff-html.js')).renderDiffHtml(diff, m.words),
} satisfies FormatTable<ReviewDiff, { words: DiffHtmlTemplate }>;
