import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { CachedFindings, NumberedFindings, packFindings, unpackFindings } from '../../src/batch/file-findings.js';
import { FindingsSpool } from '../../src/batch/findings-spool.js';
import type { Finding } from '../../src/record/finding.js';

const finding = (file: string, line: number | null, message: string): Finding => ({
  file,
  line,
  column: line === null ? null : 3,
  severity: 'prompt',
  code: 'discuss-with-lead',
  path: 'summary.decision',
  message,
});

const spoolFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('ntk-check-'));

describe('a check keeps its findings packed, in bounded memory, until it writes them', () => {
  it('packs and unpacks a file findings exactly, texts of any kind included', () => {
    const findings = [finding('a.yaml', 4, 'quote " backslash \\ newline \n emoji 👩‍👧 bidi \u202e end'), finding('a.yaml', null, '')];
    expect(unpackFindings('a.yaml', packFindings(findings))).toEqual(findings);
    expect(packFindings([])).toBe('');
    expect(unpackFindings('a.yaml', '')).toEqual([]);
  });

  it('gives back texts holding the separator of the packed fields or half a surrogate pair exactly, also from the temporary file', () => {
    const odd = ['unit \u001f separator', 'lone \ud800 half', 'low \udc00 half', 'pair 😀 whole', '\u001f', ''];
    const spool = new FindingsSpool(odd.length, 0);
    odd.forEach((message, i) => {
      const findings = [finding('a.yaml', i + 1, message), { ...finding('a.yaml', null, 'plain'), path: message }];
      const packed = packFindings(findings);
      expect(unpackFindings('a.yaml', packed)).toEqual(findings);
      // The numbered findings read the same packed text: they give back the same findings.
      const numbered = new NumberedFindings(1);
      numbered.addPacked(0, packed);
      expect(numbered.store.findings(0, 'a.yaml')).toEqual(findings);
      spool.put(i, packed);
    });
    // Past its memory (none here), the spool keeps texts in a UTF-8 file, which holds no half of a pair.
    odd.forEach((message, i) => expect(unpackFindings('a.yaml', spool.get(i))[0]!.message).toBe(message));
    spool.close();
  });

  it('gives back what was put, in any order, once it has gone to a temporary file, which nothing outlives', () => {
    const before = spoolFolders();
    const spool = new FindingsSpool(300, 1000);
    const texts = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? '' : packFindings([finding(`f${i}.yaml`, i, `message ${i} ${'é'.repeat(i % 50)}`)])));
    // Put in the order threads finish chunks: not the files' order.
    const order = Array.from({ length: 300 }, (_, i) => i).sort((a, b) => ((a * 37) % 300) - ((b * 37) % 300));
    for (const i of order) spool.put(i, texts[i]!);
    for (let i = 0; i < 300; i++) {
      expect(spool.get(i)).toBe(texts[i]);
    }
    // Read back out of order too (the read-ahead is only a help).
    expect(spool.get(299)).toBe(texts[299]);
    expect(spool.get(1)).toBe(texts[1]);
    spool.close();
    expect(spoolFolders()).toEqual(before);
  });

  it('keeps the findings a cache gave as numbers, the findings of every file in one array', () => {
    const cached = new CachedFindings(['score-range', 'x', 'y'], 5000);
    for (let i = 0; i < 5000; i++) cached.add(i, i % 3 === 0 ? [] : Int32Array.of(i, 2, 0, 1, 2, 0, 0, 0, 2, 1));
    expect(cached.findings(1, 'f.yaml')).toEqual([
      { file: 'f.yaml', line: 1, column: 2, severity: 'error', code: 'score-range', path: 'x', message: 'y' },
      { file: 'f.yaml', line: null, column: null, severity: 'error', code: 'score-range', path: 'y', message: 'x' },
    ]);
    expect(cached.findings(4999, 'g.yaml')![0]!.line).toBe(4999);
    expect(cached.findings(3, 'h.yaml')).toBeUndefined();
    expect([...cached.numbersOf(4)]).toEqual([4, 2, 0, 1, 2, 0, 0, 0, 2, 1]);
  });
});
