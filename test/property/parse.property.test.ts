import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readRecordBytes } from '../../src/read/read-record.js';
import { parseRecordYaml } from '../../src/read/yaml-document.js';
import { checkAgainstSchema } from '../../src/validate/schema-check.js';

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const text = fc.string({ maxLength: 200, unit: 'grapheme' });
const score = fc.integer({ min: 1, max: 4 });
const ref = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/);

const section = fc.record({ score, parent_score: score, evidence: text }, { requiredKeys: ['score'] });
const record = fc.record({
  format: fc.constant('neglect-toolkit/1'),
  template: fc.constant('nscp-ncscp/2021'),
  child: fc.record({ ref, name: text.filter((t) => t.length > 0 && t.length <= 200), born: isoDate }, { requiredKeys: ['ref'] }),
  assessment: fc.record({ type: fc.constantFrom('initial', 'review'), completed: isoDate, background: text }, { requiredKeys: ['type', 'completed'] }),
  areas: fc.record(
    {
      'physical-care': fc.record({ sections: fc.record({ '1.1': section, '1.2': section }), impact: text }),
      'family-relationships': fc.record({ sections: fc.record({ '5.2': section }), concerns: text }),
    },
    { requiredKeys: [] },
  ),
});

describe('parsing (property)', () => {
  it('reads back exactly the record that was written, dates as strings', () => {
    fc.assert(
      fc.property(record, (r) => {
        const parsed = parseRecordYaml(stringify(r));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          expect(parsed.record.data).toEqual(r);
          expect(checkAgainstSchema(parsed.record.data).ok).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('locates every scalar it read at a real line and column', () => {
    fc.assert(
      fc.property(record, (r) => {
        const source = stringify(r);
        const parsed = parseRecordYaml(source);
        if (!parsed.ok) return;
        const lines = source.split('\n').length;
        const pos = parsed.record.locate(['assessment', 'completed']);
        expect(pos).not.toBeNull();
        expect(pos!.line).toBeGreaterThanOrEqual(1);
        expect(pos!.line).toBeLessThanOrEqual(lines);
        expect(source.split('\n')[pos!.line - 1]!.slice(pos!.column - 1)).toMatch(/^['"]?\d{4}-\d{2}-\d{2}/);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on arbitrary bytes: a record or findings, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = readRecordBytes('x.yaml', bytes);
        expect(r.record !== null || r.findings.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseRecordYaml(s);
        expect(r.ok || r.problems.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
