import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runStandalone, standaloneScript, verifiedCodeCache } from '../../src/record/compiled-schema.js';
import { repoRoot } from './run-ntk.js';

/**
 * The build keeps V8's compiled code of each standalone validator beside it
 * (scripts/bundle.mjs). It must be taken by the Node that built it, and a
 * validator must judge every record alike with it, without it, and with a
 * cache V8 refuses (another Node's). V8 itself checks a cache's version but
 * not its content, and of the source only the length: a damaged cache, or
 * one for another text of the same length, must not be used at all.
 */
describe('the validators compiled at build time', () => {
  const yamlIn = (folder: string) =>
    readdirSync(join(repoRoot, folder))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => {
        try {
          return parse(readFileSync(join(repoRoot, folder, name), 'utf8')) as unknown;
        } catch {
          return null;
        }
      })
      .filter((data) => data !== null);
  const cases = [
    { name: 'toolkit-schema.validator.cjs', samples: [...yamlIn('fixtures/mary-jo'), ...yamlIn('fixtures/invalid'), ...yamlIn('fixtures/many-voices')] },
    { name: 'template-schema.validator.cjs', samples: [...yamlIn('templates'), ...yamlIn('fixtures/mary-jo')] },
  ];

  it('uses no cache whose checksum does not hold: a byte of it changed, or the validator changed and kept its length', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntk-code-cache-'));
    try {
      const name = 'toolkit-schema.validator.cjs';
      const file = join(dir, name);
      const source = readFileSync(join(repoRoot, 'dist', 'bin', name), 'utf8');
      const cache = readFileSync(join(repoRoot, 'dist', 'bin', `${name}.v8cache`));
      writeFileSync(file, source);
      writeFileSync(`${file}.v8cache`, cache);
      expect(verifiedCodeCache(file, source)).toBeDefined();
      const damaged = Buffer.from(cache);
      damaged[damaged.length >> 1]! ^= 0xff;
      writeFileSync(`${file}.v8cache`, damaged);
      expect(verifiedCodeCache(file, source)).toBeUndefined();
      writeFileSync(`${file}.v8cache`, cache);
      // A maximum changed by one digit: the same length, which is all V8 compares of the source.
      const edited = source.replace(/length > 64\b/, 'length > 65');
      expect(edited).not.toBe(source);
      expect(edited.length).toBe(source.length);
      expect(verifiedCodeCache(file, edited)).toBeUndefined();
      // V8 itself would have run the cache's code for the edited text.
      expect(standaloneScript(file, edited, cache.subarray(4)).cachedDataRejected).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const { name, samples } of cases) {
    it(`${name}: its cache is taken, and the verdicts and errors are the same with it, without it and with a refused one`, () => {
      const file = join(repoRoot, 'dist', 'bin', name);
      const source = readFileSync(file, 'utf8');
      const code = verifiedCodeCache(file, source);
      expect(code).toBeDefined();
      const cached = standaloneScript(file, source, code);
      expect(cached.cachedDataRejected).toBe(false);
      const refused = standaloneScript(file, source, Buffer.from(code!.subarray(0, 64)));
      expect(refused.cachedDataRejected).toBe(true);
      const judges = [runStandalone(cached, file), runStandalone(standaloneScript(file, source), file), runStandalone(refused, file)];
      const verdicts = (data: unknown) => judges.map((validate) => ({ valid: validate(data), errors: validate.errors ?? null }));
      expect(samples.length).toBeGreaterThan(5);
      let invalid = 0;
      for (const data of samples) {
        const [first, ...others] = verdicts(data);
        for (const other of others) expect(other).toStrictEqual(first);
        if (!first!.valid) invalid++;
      }
      expect(invalid).toBeGreaterThan(0);
    });
  }
});
