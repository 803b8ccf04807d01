import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { commonJsScript, runCommonJs, verifiedCodeCache } from '../../src/io/cached-script.js';

// npm test builds first, so dist/ holds the validators scripts/build-validators.mjs generated.
const require = createRequire(import.meta.url);
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as object;

describe('validators compiled at build time', () => {
  it('report exactly what Ajv compiling the record schema at run time reports', () => {
    const built = require('../../dist/validate/toolkit-schema.validator.cjs') as ValidateFunction;
    const fresh = new Ajv({ allErrors: true, verbose: true, strict: true }).compile(json('schemas/toolkit.schema.json'));
    const record = parse(readFileSync('fixtures/mary-jo/MJ-01-2021-03-16.yaml', 'utf8'), { version: '1.2' }) as Record<string, Record<string, unknown>>;
    const samples: unknown[] = [
      record,
      { ...record, extra: 1 },
      { ...record, child: { ...record.child, ref: '!!', born: 20120314 } },
      { ...record, areas: { 'physical-care': { sections: { '1.1': { score: 7, evidence: 3 } } }, Bad_Key: {} } },
      { format: 'neglect-toolkit/2' },
      [],
    ];
    for (const sample of samples) {
      expect(built(sample)).toBe(fresh(sample));
      expect(built.errors ?? null).toStrictEqual(fresh.errors ?? null);
    }
  });

  it('validate the template as the run-time compiled template schema does', () => {
    const built = require('../../dist/template/template-schema.validator.cjs') as ValidateFunction;
    const fresh = new Ajv({ allErrors: true }).compile(json('schemas/template.schema.json'));
    const template = parse(readFileSync('templates/nscp-ncscp-2021.yaml', 'utf8')) as Record<string, unknown>;
    for (const sample of [template, { ...template, areas: [] }, { id: 3 }]) {
      expect(built(sample)).toBe(fresh(sample));
      expect(built.errors ?? null).toStrictEqual(fresh.errors ?? null);
    }
  });
});

/**
 * The build keeps V8's compiled code of each standalone validator beside it
 * (scripts/bundle.mjs). It must be taken by the Node that built it, and a
 * validator must judge every record alike with it, without it, and with a
 * cache V8 refuses (another Node's). V8 itself checks a cache's version but
 * not its content, and of the source only the length: a damaged cache, or
 * one for another text of the same length, must not be used at all.
 */
describe('validators compiled at build time, with the code V8 compiled of them (dist/bin/*.v8cache)', () => {
  const yamlIn = (folder: string) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => {
        try {
          return parse(readFileSync(join(folder, name), 'utf8')) as unknown;
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
      const source = readFileSync(join('dist', 'bin', name), 'utf8');
      const cache = readFileSync(join('dist', 'bin', `${name}.v8cache`));
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
      expect(commonJsScript(file, edited, cache.subarray(4)).cachedDataRejected).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const { name, samples } of cases) {
    it(`${name}: its cache is taken, and the verdicts and errors are the same with it, without it and with a refused one`, () => {
      const file = resolve('dist', 'bin', name);
      const source = readFileSync(file, 'utf8');
      const code = verifiedCodeCache(file, source);
      expect(code).toBeDefined();
      const cached = commonJsScript(file, source, code);
      expect(cached.cachedDataRejected).toBe(false);
      const refused = commonJsScript(file, source, Buffer.from(code!.subarray(0, 64)));
      expect(refused.cachedDataRejected).toBe(true);
      const judges = [cached, commonJsScript(file, source), refused].map((script) => runCommonJs(script, file) as ValidateFunction);
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
