import { describe, expect, it } from 'vitest';
import { buildProgram, commandsFor } from '../../src/cli/main.js';

const names = buildProgram('0').commands.map((c) => c.name());

describe('the command table (src/cli/main.ts)', () => {
  it('defines each command under the name the table knows it by, alone when asked to', () => {
    for (const name of names) expect(buildProgram('0', [name]).commands.map((c) => c.name())).toEqual([name]);
  });

  it('defines only the command named first on the command line', () => {
    for (const name of names.filter((n) => n !== 'completion')) expect(commandsFor([name, 'x', '--help'])).toEqual([name]);
  });

  it('defines them all when the run needs the whole table', () => {
    for (const args of [[], ['--help'], ['-h'], ['--version'], ['--no-color', 'check'], ['help', 'check'], ['chek'], ['completion', 'bash'], ['constructor'], ['__proto__'], ['toString']]) {
      expect(commandsFor(args), args.join(' ')).toBeUndefined();
    }
  });
});
