import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Debian's `chromium` package; .ci/run installs it when it is missing. */
export const chromiumPath = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(chromiumPath);

// A quiet, offline browser: nothing fetched in the background, nothing kept between runs.
const baseFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--hide-scrollbars',
];

/**
 * Opens a local HTML file in headless Chromium with a fresh profile and
 * `extra` flags (print to PDF, screenshot). Chromium starts helper processes
 * of its own, so it runs as the leader of a new process group, and that
 * group, and only it, is killed afterwards, whether it finished, failed or
 * ran out of time.
 */
export async function runChromium(htmlFile: string, extra: readonly string[], timeoutMs = 60_000): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), 'ntk-chromium-'));
  const child = execa(chromiumPath, [...baseFlags, `--user-data-dir=${profile}`, ...extra, pathToFileURL(htmlFile).href], {
    reject: false,
    detached: true,
    stdin: 'ignore',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    all: true,
  });
  try {
    const result = await child;
    if (result.timedOut) throw new Error(`chromium did not finish within ${timeoutMs} ms`);
    if (result.exitCode !== 0) throw new Error(`chromium exited ${result.exitCode}:\n${result.all}`);
  } finally {
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group has already gone: nothing left to stop.
      }
    }
    await rm(profile, { recursive: true, force: true });
  }
}

/** Pages in a PDF as Chromium writes it: one `/Type /Page` object per page (the tree's root is `/Type /Pages`). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
}

/** Width and height of a PNG, from its header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
