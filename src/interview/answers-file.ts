import { yamlReader } from '../io/yaml-reader.js';
import { decodeRecordBytes } from '../read/decode-text.js';
import { readBoundedFile } from '../read/bounded-file.js';
import { checkAgainstSchema } from '../validate/schema-check.js';
import { isPlainObject, type PlainRecord } from '../record/plain-data.js';

export class AnswersFileError extends Error {}

/**
 * Reads --answers: a partial record in the record format (for --household,
 * one YAML document per child, separated by `---`). Whatever it gives must
 * already be right where it is given; what it leaves out is asked for.
 */
export async function readAnswersFile(file: string): Promise<PlainRecord[]> {
  // The bounds of a record file: size, type (never waiting on a pipe), UTF-8.
  const read = await readBoundedFile(file);
  if (!read.ok) throw new AnswersFileError(read.problem.code === 'unreadable-file' && /does not exist/.test(read.problem.message) ? `${file}: no such answers file` : `${file}: ${read.problem.message}`);
  const decoded = decodeRecordBytes(read.bytes);
  if (!decoded.ok) throw new AnswersFileError(`${file}${decoded.position ? `:${decoded.position.line}:${decoded.position.column}` : ''}: ${decoded.message}`);
  const lines = new (yamlReader().LineCounter)();
  const docs = yamlReader().parseAllDocuments(decoded.text, { version: '1.2', schema: 'core', merge: false, lineCounter: lines });
  if (!Array.isArray(docs)) throw new AnswersFileError(`${file}: not YAML`);
  const records: PlainRecord[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new AnswersFileError(`${file}: not valid YAML (${doc.errors[0]?.message.split('\n')[0] ?? ''})`);
    // As in records: an alias or anchor is refused with its place, before anything expands it.
    yamlReader().visit(doc, (_key, node) => {
      if (!yamlReader().isNode(node) || (!yamlReader().isAlias(node) && !node.anchor)) return;
      const at = node.range ? lines.linePos(node.range[0]) : null;
      throw new AnswersFileError(`${file}${at ? `:${at.line}:${at.col}` : ''}: YAML anchors and aliases (&name, *name) are not allowed; write the value out in full`);
    });
    const data: unknown = doc.toJS();
    if (data === null || data === undefined) continue;
    if (!isPlainObject(data)) throw new AnswersFileError(`${file}: each document must be a partial toolkit record (a mapping of fields)`);
    const problems = schemaProblems(data);
    if (problems.length > 0) throw new AnswersFileError(`${file}: ${problems.join('; ')}`);
    records.push(data);
  }
  return records;
}

/** Fills the fields every record needs, so the schema judges only what the file says. */
function withPlaceholders(data: PlainRecord): PlainRecord {
  const copy = structuredClone(data);
  copy.format ??= 'neglect-toolkit/1';
  copy.template ??= 'placeholder/1';
  const child = isPlainObject(copy.child) ? copy.child : {};
  child.ref ??= 'placeholder';
  copy.child = child;
  const assessment = isPlainObject(copy.assessment) ? copy.assessment : {};
  assessment.type ??= 'initial';
  assessment.completed ??= '2000-01-01';
  copy.assessment = assessment;
  return copy;
}

function schemaProblems(data: PlainRecord): string[] {
  const result = checkAgainstSchema(withPlaceholders(data));
  if (result.ok) return [];
  // Missing fields inside lists are asked for, like any other missing answer.
  return result.problems.filter((p) => p.code !== 'missing-field').map((p) => `${p.path.join('.') || 'the record'} ${p.message}`);
}
