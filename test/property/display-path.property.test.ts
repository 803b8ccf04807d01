import { relative, isAbsolute } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/read/collect-files.js';

/** What displayPath means, written plainly: the path relative to the working folder when inside it, else as given. */
function byRelative(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

const part = fc.constantFrom('a', 'b', 'records', 'work', 'main', '.', '..', '', 'C-1.yaml', '..x', 'a b', 'é');
const path = fc.tuple(fc.boolean(), fc.array(part, { maxLength: 5 })).map(([absolute, parts]) => `${absolute ? '/' : ''}${parts.join('/')}`);
// path.relative resolves a relative path against the process's working folder: only absolute paths meet other folders.
const folder = fc.oneof(fc.constant(process.cwd()), fc.array(fc.constantFrom('a', 'b', 'records', 'work'), { maxLength: 3 }).map((parts) => `/${parts.join('/')}`));

describe('displayPath', () => {
  it('shows every path as path.relative would, its quick way for plain paths included', () => {
    fc.assert(
      fc.property(path, folder, (file, folder) => {
        const cwd = isAbsolute(file) ? folder : process.cwd();
        expect(displayPath(file, cwd)).toBe(byRelative(file, cwd));
      }),
      { numRuns: 3000 },
    );
  });
});
