import { once } from 'node:events';
import { fstatSync, writeSync } from 'node:fs';
import { writeFileAtomic } from '../io/atomic-write.js';
import { refuseOutputsOverInputs } from '../io/output-not-input.js';
import type { Renderer } from '../render/format-table.js';
import { plainStyle } from '../render/plain-style.js';
import { terminalSafeLine } from '../render/safe-text.js';
import type { CliContext, CliStreams } from './context.js';

interface OutputOptions {
  output?: string;
  force?: boolean;
}

/**
 * A view rendered by the renderer of the format asked for (an entry of the
 * view's format table) and written as writeOutput writes, or in pieces as
 * writeOutputPieces writes them. A file gets no colour codes; a terminal
 * what its colour level allows.
 */
export async function writeView<View, Extra>(render: Renderer<View, Extra>, view: View, extra: Extra, options: OutputOptions, inputs: readonly string[], ctx: CliContext): Promise<void> {
  const text = await render(view, { style: mediumStyle(options, ctx), width: ctx.width, ...extra });
  await (typeof text === 'string' ? writeOutput(text, options, inputs, ctx) : writeOutputPieces(text, options, inputs, ctx));
}

/** The colours of where the output goes: none for --output, what the terminal allows for standard output. */
export function mediumStyle(options: OutputOptions, ctx: CliStreams): CliStreams['out'] {
  return options.output ? plainStyle : ctx.out;
}

/**
 * The same for a result made piece by piece: to stdout in writes of about
 * 64 KB as the pieces come, so the whole is never one string; to --output
 * joined, as a file is written whole and atomically.
 */
export async function writeOutputPieces(pieces: Iterable<string>, options: OutputOptions, inputs: readonly string[], ctx: CliContext): Promise<void> {
  if (options.output !== undefined && options.output !== '-') return writeOutput([...pieces].join(''), options, inputs, ctx);
  await writePieces(ctx.stdout, pieces);
}

/**
 * Writes pieces to a stream in writes of about 64 KB, waiting whenever the
 * stream has as much as it holds: standard output to a pipe read slower than
 * ntk writes (`| less`, `| jq`) is written as it is read, where the whole
 * output waited in memory (850 MB for the findings of 50,000 records). A
 * stream that fails ends the run (main.ts), so a wait never outlives it.
 */
export async function writePieces(out: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  const fd = fileDescriptorOf(out);
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (pending.length > 65_536) {
      if (fd !== null) writeAll(fd, pending, out);
      else if (!out.write(pending)) await once(out, 'drain');
      pending = '';
    }
  }
  if (fd !== null) writeAll(fd, pending, out);
  else out.write(pending);
}

/**
 * The descriptor of standard output when it is a file or a device (`>
 * findings.json`, /dev/null), which Node writes synchronously anyway:
 * writeSync takes each piece as the string it is, where the stream first
 * copied it into a buffer of its own (a fifth of the time a warm check of
 * findings-heavy records took to print 25 MB). Null for anything else.
 */
function fileDescriptorOf(out: NodeJS.WritableStream): number | null {
  if (out !== process.stdout || process.stdout.isTTY) return null;
  try {
    const info = fstatSync(1);
    return info.isFile() || info.isCharacterDevice() ? 1 : null;
  } catch {
    return null;
  }
}

/** Writes all of `text`; a failure (a full disk) is the stream's, as it would have been had the stream written it (main.ts). */
function writeAll(fd: number, text: string, out: NodeJS.WritableStream): void {
  try {
    const written = writeSync(fd, text);
    // A file takes the whole of a write unless it is full (which throws); should one ever take part, the rest follows.
    const bytes = Buffer.byteLength(text);
    if (written < bytes) {
      const rest = Buffer.from(text);
      for (let at = written; at < bytes; ) at += writeSync(fd, rest, at);
    }
  } catch (error) {
    out.emit('error', error);
  }
}

/**
 * Writes a command's result to stdout, or atomically to --output: never over
 * an existing file without --force, and never, even with it, over one of
 * the files the command read (`inputs`).
 */
export async function writeOutput(text: string, options: OutputOptions, inputs: readonly string[], ctx: CliContext): Promise<void> {
  if (options.output === undefined || options.output === '-') {
    ctx.stdout.write(text);
    return;
  }
  await refuseOutputsOverInputs([options.output], inputs);
  await writeFileAtomic(options.output, text, { overwrite: options.force === true, mode: 0o600 });
  ctx.stderr.write(`${terminalSafeLine(`wrote ${options.output}`)}\n`);
}
