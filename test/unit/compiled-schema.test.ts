import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

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
