import { readFile } from 'node:fs/promises';
import { parseRecordBytesFast } from '../../read/fast-yaml.js';
import { renderRecordText } from '../../render/record-text.js';
import { terminalSafe } from '../../render/safe-text.js';
import { localToday } from '../../validate/dates.js';
import { validateParsedRecord } from '../../validate/validate-record.js';
import type { CliContext } from '../context.js';

/**
 * git shows whatever this prints, so it never fails on a record that is
 * half-edited or broken: such a file is shown as it is (made safe for the
 * terminal), which is what plain `git diff` would have shown.
 */
export async function runDiffTextconv(file: string, ctx: CliContext): Promise<number> {
  const bytes = await readFile(file);
  // The fast reader for a plain record; the `yaml` reader (slower to load) only for what it declines.
  const parsed = parseRecordBytesFast(bytes) ?? (await import('../../read/read-record.js')).readRecordBytes(file, bytes).record;
  const checked = parsed ? validateParsedRecord(file, parsed, { today: localToday() }) : null;
  if (checked?.record && checked.template && !checked.findings.some((f) => f.severity === 'error')) {
    ctx.stdout.write(renderRecordText(checked.record, checked.template));
  } else {
    ctx.stdout.write(terminalSafe(bytes.toString('utf8')));
  }
  return 0;
}
