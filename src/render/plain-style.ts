import type { ChalkInstance } from 'chalk';

/**
 * What chalk does at colour level 0 - give the text back unchanged - without
 * loading chalk: output that is piped, saved or has NO_COLOR set (every
 * script and CI run) starts about 10 ms sooner. Any chain of chalk's styles
 * (`c.red.bold`, `c.rgb(255, 140, 0)`) works, and arguments are joined the
 * way chalk joins them. (`visible`, which hides text without colour, is not
 * offered: nothing in ntk uses it.)
 */
const noStyle = (...text: unknown[]): string => (text.length === 1 ? `${text[0] as string}` : text.join(' '));

const colours = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
const foreground = [...colours, ...colours.map((c) => `${c}Bright`), 'gray', 'grey'];
/** chalk's style names (the test checks them against chalk's own lists). */
export const plainStyleNames: ReadonlySet<string> = new Set([
  ...['reset', 'bold', 'dim', 'italic', 'underline', 'overline', 'inverse', 'hidden', 'strikethrough'],
  ...foreground,
  ...foreground.map((c) => `bg${c[0]!.toUpperCase()}${c.slice(1)}`),
]);
/** Styles that take arguments return the chain again. */
const takesArguments = new Set(['rgb', 'hex', 'ansi256', 'bgRgb', 'bgHex', 'bgAnsi256']);

export const plainStyle: ChalkInstance = new Proxy(noStyle, {
  // Anything else (`then` above all, which `await` looks for) is absent, as on chalk.
  get(target, property) {
    if (property === 'level') return 0;
    if (typeof property !== 'string') return Reflect.get(target, property);
    if (plainStyleNames.has(property)) return plainStyle;
    if (takesArguments.has(property)) return () => plainStyle;
    return undefined;
  },
}) as unknown as ChalkInstance;
