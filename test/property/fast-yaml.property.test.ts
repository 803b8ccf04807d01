import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { recordYaml } from '../../bench/generate-records.mjs';
import { parseRecordYamlFast } from '../../src/read/fast-yaml.js';
import { parseRecordYaml, type ParsedRecord } from '../../src/read/yaml-document.js';
import type { RecordPath } from '../../src/record/finding.js';

/** Every path in the data, plus a missing child of each, so fallbacks to an ancestor are compared too. */
function paths(data: unknown, prefix: (string | number)[] = []): RecordPath[] {
  const out: RecordPath[] = [prefix, [...prefix, 'no-such-key']];
  if (Array.isArray(data)) data.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (data !== null && typeof data === 'object') for (const [k, v] of Object.entries(data)) out.push(...paths(v, [...prefix, k]));
  return out;
}

/** The fast reader either declines or agrees with the `yaml` reader on data and every position. */
function agrees(text: string): boolean {
  const fast = parseRecordYamlFast(text);
  if (fast === null) return true;
  const slow = parseRecordYaml(text);
  expect(slow.ok, `fast path accepted what the yaml reader rejects:\n${text}`).toBe(true);
  const record = (slow as { record: ParsedRecord }).record;
  expect(fast.data).toStrictEqual(record.data);
  for (const path of paths(record.data)) {
    for (const part of ['key', 'value'] as const) expect(fast.locate(path, part), `${path.join('.')} (${part})`).toStrictEqual(record.locate(path, part));
  }
  return true;
}

const tricky = fc.constantFrom(
  'plain words', 'a: colon', '# not a comment', 'quote " inside', "it's", '2021-03-16', '2021-02-30', '12', '012', '0x1F', '1.5', '1e3', '.inf',
  'null', '~', 'true', 'yes', 'No', 'A&E', '*star', '!bang', 'tab\there', 'line\nbreak', 'trailing ', ' leading', '', '- dash', '[x]', '{y}',
  'emoji 😀', 'Zoë', '%percent', '@at', '`tick`', '| pipe', '> gt', '<< merge', 'back\\slash', '\u0085nel', 'key: value\n  nested: 1',
);
const key = fc.oneof(fc.constantFrom('ref', 'score', '5.2', '1', 'summary', 'a b', 'true', 'null', '2021-01-01', '0x10'), fc.string({ maxLength: 6 }));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, tricky, fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 3 }),
  map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
})).node;

describe('fast YAML reader against the yaml reader (differential)', () => {
  it("reads Mary Jo's Story and generated realistic records itself, with the same data and positions", () => {
    const texts = readdirSync('fixtures/mary-jo')
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => readFileSync(`fixtures/mary-jo/${name}`, 'utf8'));
    for (let i = 0; i < 30; i++) texts.push(recordYaml(i, i % 2));
    for (const text of texts) {
      expect(parseRecordYamlFast(text)).not.toBeNull();
      agrees(text);
    }
  });

  it('leaves plain infinities and not-a-number, numbers to the yaml reader, to that reader', () => {
    for (const text of ['a: .inf\n', 'a: -.Inf\n', 'a: +.INF\n', 'a: .nan\n']) {
      expect(parseRecordYamlFast(text), text).toBeNull();
      agrees(text);
    }
  });

  it('agrees on record-like documents, and reads most of them itself', () => {
    const word = fc.constantFrom('Kerry', 'school', 'tired', "didn't", 'A&E', '2021-03-16', '9am', '97%', 'said:', 'yes', 'null', '#3', 'Zoë', '-', 'a "b"', '12', 'x:y');
    const text = fc.array(word, { minLength: 1, maxLength: 30 }).map((ws) => ws.join(' '));
    const recordLike: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, text, fc.integer({ min: -5, max: 2000 }), fc.boolean(), tie('list'), tie('map')),
      list: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
      map: fc.dictionary(fc.constantFrom('score', 'evidence', '5.2', 'by', 'note', 'date', 'seen alone'), tie('node'), { minKeys: 1, maxKeys: 4 }),
    })).node;
    let read = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('child', 'areas', 'summary', 'ref'), recordLike, { minKeys: 1, maxKeys: 4 }), fc.constantFrom('PLAIN', 'BLOCK_FOLDED', 'BLOCK_LITERAL', 'QUOTE_SINGLE'), fc.integer({ min: 20, max: 100 }), (data, style, lineWidth) => {
        const yaml = stringify(data, { defaultStringType: style as 'PLAIN', lineWidth });
        if (parseRecordYamlFast(yaml) !== null) read++;
        return agrees(yaml);
      }),
      { numRuns: 300 },
    );
    expect(read).toBeGreaterThan(100);
  });

  it('agrees on arbitrary documents in several layouts', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'), fc.integer({ min: 2, max: 4 }), (data, defaultStringType, indent) =>
        agrees(stringify(data, { defaultStringType: defaultStringType as 'PLAIN', indent, lineWidth: 40 })),
      ),
      { numRuns: 400 },
    );
  });

  it('agrees on documents read one after another whose keys are alike, as a batch reads records of one template', () => {
    // Keys as written: plain, quoted forms of the same key, keys that begin the same, ones the reader declines.
    const written = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom('score', 'scores', 'scoreboard', '"score"', "'score'", 'sc', '"2.1"', "'2.1'", '"2.10"', '"a: b"', 'a b', '"a #b"', '"<<<<<<< ours"', 'sections', '"null"', 'Zoë', '"Zoë"') },
      { weight: 1, arbitrary: fc.constantFrom('score ', '2.1', '"a', "'it''s'", 'a #b', '<<<<<<< ours', '<<', '__proto__', 'null', '12', 'true', 'x:y') },
    );
    const scalar = fc.constantFrom('1', '2021-03-16', 'plain words', '"quoted: text"', 'null', '>-\n    folded text');
    type Tree = [string, Tree | string][];
    const tree: fc.Arbitrary<Tree> = fc.letrec((tie) => ({
      map: fc.array(fc.tuple(written, fc.oneof({ depthSize: 'small' }, scalar, tie('map'))), { minLength: 1, maxLength: 4 }),
    })).map as fc.Arbitrary<Tree>;
    const render = (t: Tree, indent: string, list: boolean): string =>
      t
        .map(([k, v], i) => {
          const lead = list && i === 0 ? `${indent.slice(2)}- ` : indent;
          return typeof v === 'string' ? `${lead}${k}: ${v.replace('\n', `\n${indent}`)}\n` : `${lead}${k}:\n${render(v, `${indent}  `, false)}`;
        })
        .join('');
    const document = fc.tuple(tree, fc.boolean()).map(([t, list]) => (list ? `items:\n${render(t, '    ', true)}${render(t, '    ', true)}` : render(t, '', false)));
    let read = 0;
    fc.assert(
      fc.property(fc.array(document, { minLength: 2, maxLength: 6 }), (texts) => {
        for (const text of texts) {
          if (parseRecordYamlFast(text) !== null) read++;
          agrees(text);
        }
      }),
      { numRuns: 400 },
    );
    expect(read).toBeGreaterThan(200);
  });

  it('declines anchors, and the aliases, merge keys, tags, duplicate keys and tabs that the yaml reader refuses', () => {
    const base = recordYaml(5);
    expect(parseRecordYamlFast(base.replace(/household: (\S+)/, 'household: &h $1'))).toBeNull();
    const refused = [
      base.replace(/household: \S+/, 'household: *h'),
      base.replace('child:\n', 'child:\n  <<: {ref: X}\n'),
      base.replace('format: neglect-toolkit/1', 'format: !!js/function neglect-toolkit/1'),
      base.replace('format: neglect-toolkit/1', 'format: neglect-toolkit/1\nformat: neglect-toolkit/1'),
      base.replace('  household:', '\thousehold:'),
    ];
    for (const text of refused) {
      expect(parseRecordYamlFast(text)).toBeNull();
      expect(parseRecordYaml(text).ok).toBe(false);
    }
  });

  it('agrees on records with hostile edits: either it declines or it matches', () => {
    const base = recordYaml(3);
    const snippets = fc.constantFrom(
      '&a ', '*a', '!!str ', '<<: ', '\t', '"', "'", '#', ': ', '\n', '\n  ', '- ', '? ', '---\n', '...\n', '%YAML 1.2\n', '\\', '{', ']', 'x: 1\n', '\r\n', '\r',
      'null', '~', '0o17', '1_000', '+12', '-0', '1.0', '2021-13-45', 'yes', '\u00a0', '\ufeff',
    );
    // Where structure starts (line starts, after `: ` and `- `) as well as anywhere at all.
    const structural = [...base.matchAll(/\n|: |- /g)].map((m) => m.index + m[0].length);
    const offset = fc.oneof(fc.nat(base.length), fc.constantFrom(...structural));
    fc.assert(
      fc.property(fc.array(fc.tuple(offset, snippets), { minLength: 1, maxLength: 3 }), (edits) => {
        let text = base;
        for (const [at, s] of edits) text = text.slice(0, at) + s + text.slice(at);
        return agrees(text);
      }),
      { numRuns: 300 },
    );
  });
});
