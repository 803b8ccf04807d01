// Child process for the crash test: writes two versions of one file over
// each other, as fast as it can, until it is killed. Prints "ready" once the
// file first exists so the parent knows a kill can only hit a later write.
import { writeFileAtomic } from '../../dist/io/atomic-write.js';

const [target] = process.argv.slice(2);
// The same two versions the parent test expects (see atomic-write.test.ts).
const a = `version: a\n${'a'.repeat(300_000)}\n`;
const b = `version: b\n${'b'.repeat(500_000)}\n`;
let first = true;
for (let i = 0; ; i++) {
  await writeFileAtomic(target, i % 2 === 0 ? a : b, { overwrite: true });
  if (first) {
    process.stdout.write('ready\n');
    first = false;
  }
}
