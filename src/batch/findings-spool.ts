import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Findings held in memory before the rest go to a temporary file: a few thousand findings-heavy files. */
const IN_MEMORY_CHARS = 24 * 1024 * 1024;
/** How much of the temporary file is read at a time: files are written nearly in order, so most reads are served from it. */
const READ_AHEAD = 1024 * 1024;

/**
 * Each checked file's findings (file-findings.ts: packed text) from the
 * moment it is checked until the report is
 * written: the formats need totals before the first finding, and the batch
 * rules add findings only once every file is read, so nothing can be
 * written while files are checked. What a batch keeps in memory is bounded: past IN_MEMORY_CHARS, texts go to a file in
 * the system's temporary folder, readable by its owner only and unlinked
 * while open where the system allows it, so that a killed run leaves
 * nothing of the records behind.
 */
export class FindingsSpool {
  private readonly held: (string | undefined)[];
  private heldChars = 0;
  private fd: number | null = null;
  private folder: string | null = null;
  private size = 0;
  /** Where each file's text is in the temporary file; -1 where it is held (or empty). */
  private readonly offsets: Float64Array;
  private readonly lengths: Float64Array;
  private window = Buffer.alloc(0);
  private windowStart = 0;

  constructor(
    files: number,
    /** How much is held in memory before the temporary file is opened (a test sets a smaller amount). */
    private readonly inMemoryChars = IN_MEMORY_CHARS,
  ) {
    this.held = new Array<string | undefined>(files);
    this.offsets = new Float64Array(files).fill(-1);
    this.lengths = new Float64Array(files);
  }

  put(index: number, findings: string): void {
    const chars = findings.length;
    if (chars === 0) return;
    if (this.fd === null && this.heldChars + chars <= this.inMemoryChars) {
      this.held[index] = findings;
      this.heldChars += chars;
      return;
    }
    const fd = this.fd ?? this.open();
    const bytes = writeSync(fd, findings, this.size, 'utf8');
    this.offsets[index] = this.size;
    this.lengths[index] = bytes;
    this.size += bytes;
  }

  /** What was put for `index` (as text once it has gone to the file), or '' when nothing was. */
  get(index: number): string {
    const held = this.held[index];
    if (held !== undefined) return held;
    const offset = this.offsets[index]!;
    if (offset < 0) return '';
    const length = this.lengths[index]!;
    if (offset < this.windowStart || offset + length > this.windowStart + this.window.length) {
      this.window = Buffer.allocUnsafe(Math.max(READ_AHEAD, length));
      const got = readSync(this.fd!, this.window, 0, this.window.length, offset);
      this.window = this.window.subarray(0, got);
      this.windowStart = offset;
    }
    return this.window.toString('utf8', offset - this.windowStart, offset - this.windowStart + length);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    if (this.folder !== null) rmSync(this.folder, { recursive: true, force: true });
    this.fd = null;
    this.folder = null;
  }

  private open(): number {
    this.folder = mkdtempSync(join(tmpdir(), 'ntk-check-'));
    const place = join(this.folder, 'findings');
    const fd = openSync(place, 'wx+', 0o600);
    this.fd = fd;
    try {
      rmSync(this.folder, { recursive: true });
      this.folder = null;
    } catch {
      // Not on this system (Windows keeps open files): removed by close().
    }
    return fd;
  }
}
