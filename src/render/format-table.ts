import type { ChalkInstance } from 'chalk';

/** Where a view is going: the colours it may use (none in a file) and the width to wrap at. */
export interface Medium {
  style: ChalkInstance;
  width: number;
}

/** A renderer of one format: the view (and what else its formats need, `Extra`) as the text to write, whole or in pieces to write as they come. */
export type Renderer<View, Extra = unknown> = (view: View, medium: Medium & Extra) => Promise<string | Iterable<string>>;

/**
 * A view's formats, by the name `--format` takes: the one list that the
 * command's choices, its type of format names (`keyof typeof` the table) and
 * the dispatch all come from. Each renderer loads its module when it is
 * called, so the command table (and `ntk --help`) names the formats without
 * loading any.
 */
export type FormatTable<View, Extra = unknown> = Readonly<Record<string, Renderer<View, Extra>>>;
