import { parseRecordBytesFast } from '../../read/fast-yaml.js';
import { readBoundedFile } from '../../read/bounded-file.js';
import { renderRecordText } from '../../render/record-text.js';
import { terminalSafe, terminalSafeLine } from '../../render/safe-text.js';
import { validateParsedRecord } from '../../validate/validate-record.js';
import type { CliStreams } from '../context.js';

/**
 * git shows whatever this prints, so it never fails on a record that is
 * half-edited or broken: such a file is shown as it is (made safe for the
 * terminal), which is what plain `git diff` would have shown. A file no
 * record could be (too large, a pipe, a device) is never read: one line says
 * why, so the diff still shows that something changed.
 */
export async function runDiffTextconv(file: string, ctx: CliStreams): Promise<number> {
  const bounded = await readBoundedFile(file);
  if (!bounded.ok) {
    ctx.stdout.write(`${terminalSafeLine(`[ntk: not shown: ${bounded.problem.message}]`)}\n`);
    return 0;
  }
  const bytes = bounded.bytes;
  // The fast reader for a plain record; the `yaml` reader (slower to load) only for what it declines.
  const parsed = parseRecordBytesFast(bytes) ?? (await import('../../read/read-record.js')).readRecordBytes(file, bytes).record;
  // Not today's date: the same record must give the same text on any day, or git would show changes that are not there.
  const checked = parsed ? validateParsedRecord(file, parsed, { today: '9999-12-31', errorsOnly: true }) : null;
  if (checked?.record && checked.template && !checked.findings.some((f) => f.severity === 'error')) {
    ctx.stdout.write(renderRecordText(checked.record, checked.template));
  } else {
    ctx.stdout.write(terminalSafe(Buffer.from(bytes).toString('utf8')));
  }
  return 0;
}
