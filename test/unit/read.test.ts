import { describe, expect, it } from 'vitest';
import { readRecordBytes } from '../../src/read/read-record.js';

const enc = new TextEncoder();
const minimal = 'format: neglect-toolkit/1\ntemplate: nscp-ncscp/2021\nchild:\n  ref: A1\n  born: 2013-05-14\nassessment:\n  type: initial\n  completed: 2020-09-21\n';

function read(text: string | Uint8Array) {
  return readRecordBytes('r.yaml', typeof text === 'string' ? enc.encode(text) : text);
}

describe('reading records', () => {
  it('keeps dates as the strings typed, never Date objects', () => {
    const r = read(minimal);
    expect(r.record?.data).toMatchObject({ child: { born: '2013-05-14' }, assessment: { completed: '2020-09-21' } });
  });

  it('accepts a UTF-8 byte order mark and Windows line endings', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(minimal.replace(/\n/g, '\r\n'))]);
    const r = read(bom);
    expect(r.findings).toEqual([]);
    expect(r.record?.data).toMatchObject({ child: { ref: 'A1' } });
    expect(r.record?.locate(['assessment', 'completed'])).toEqual({ line: 8, column: 14 });
  });

  it('explains UTF-16, binary data and broken UTF-8 with a position', () => {
    expect(read(new Uint8Array([0xff, 0xfe, 0x66, 0x00])).findings[0]).toMatchObject({ code: 'not-utf8', line: 1, column: 1 });
    expect(read(new Uint8Array([...enc.encode('format: x\nab'), 0, 1])).findings[0]).toMatchObject({ code: 'binary-file', line: 2, column: 3 });
    const latin1 = new Uint8Array([...enc.encode('child:\n  name: Zo'), 0xeb, ...enc.encode('\n')]);
    expect(read(latin1).findings[0]).toMatchObject({ code: 'not-utf8', line: 2, column: 11 });
  });

  it('refuses aliases, so an alias bomb never expands', () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`;
    const r = read(bomb);
    expect(r.record).toBeNull();
    expect(r.findings.every((f) => f.code === 'yaml-alias')).toBe(true);
  });

  it('reports a duplicate key where it repeats, naming the first line', () => {
    const r = read('child:\n  ref: A1\n  ref: A2\n');
    expect(r.findings[0]).toMatchObject({ code: 'duplicate-key', line: 3, column: 3 });
    expect(r.findings[0]?.message).toContain('first on line 2');
  });

  it('refuses custom tags, merge keys and several documents', () => {
    expect(read('a: !!js/function "x"\n').findings[0]?.code).toBe('yaml-tag');
    expect(read('a: {x: 1}\n<<: {y: 2}\n').findings[0]?.code).toBe('yaml-merge-key');
    expect(read('a: 1\n---\nb: 2\n').findings[0]?.message).toContain('more than one YAML document');
  });

  it('locates missing paths at the nearest block that exists', () => {
    const r = read(minimal);
    expect(r.record?.locate(['child', 'name'])).toEqual({ line: 3, column: 1 });
    expect(r.record?.locate(['child', 'born'], 'key')).toEqual({ line: 5, column: 3 });
  });
});
