import type { ParsedRecord } from '../read/yaml-document.js';
import type { ToolkitRecord } from '../record/types.js';
import { findTemplate, type TemplateIndex } from '../template/load-template.js';
import { compareFindings, findingAt, type Finding } from '../record/finding.js';
import { mergeConflictFindings } from '../read/merge-conflicts.js';
import { practiceErrors, practiceFindings } from './practice-rules.js';
import { recordRuleErrors, vocabularyErrors } from './record-rules.js';
import type { RuleFinding } from './rule-finding.js';
import { checkAgainstSchema } from './schema-check.js';

export interface ValidateOptions {
  /** YYYY-MM-DD; fixed by --today for tests and audits. */
  today: string;
  /**
   * Only what says whether the record has errors, for the readers that ask
   * no more (history's revisions, git's textconv): the practice prompts and
   * warnings are not worked out.
   */
  errorsOnly?: boolean;
}

/** A record after validation: the typed record when it passed the schema, and everything found. */
export interface CheckedRecord {
  file: string;
  record: ToolkitRecord | null;
  template: TemplateIndex | null;
  findings: Finding[];
}

/**
 * Schema first, then the rules. The rules read typed fields, so they run
 * only on data the schema accepted; a record with schema errors shows those
 * first, and the rules' findings once they are fixed.
 */
export function validateParsedRecord(file: string, parsed: ParsedRecord, options: ValidateOptions): CheckedRecord {
  const place = (f: RuleFinding): Finding => {
    const pos = parsed.locate(f.path, f.part ?? 'value');
    // join writes a number as String does: no list of strings per finding.
    return findingAt(file, pos, { code: f.code, path: f.path.join('.'), message: f.message });
  };
  const data = parsed.data;
  const conflicts = mergeConflictFindings(file, parsed);
  if (conflicts.length > 0) return { file, record: null, template: null, findings: conflicts };
  if (!looksLikeRecord(data)) {
    return {
      file,
      record: null,
      template: null,
      findings: [place({ code: 'not-a-record', path: [], message: 'this is not a toolkit record: expected fields such as `format: neglect-toolkit/1`, `child` and `assessment`' })],
    };
  }
  const schema = checkAgainstSchema(data);
  if (!schema.ok) {
    return { file, record: null, template: null, findings: schema.problems.map((p) => place(p)).sort(compareFindings) };
  }
  const record = schema.record;
  const template = findTemplate(record.template);
  if (!template) {
    return {
      file,
      record,
      template: null,
      findings: [place({ code: 'unknown-template', path: ['template'], message: `there is no template \`${record.template}\` (set NTK_TEMPLATE_PATH to a folder holding it)` })],
    };
  }
  // Like the schema's errors, a value the template has no word for stops the rules, which read the template's words.
  const unknown = vocabularyErrors(record, template);
  if (unknown.length > 0) return { file, record: null, template: null, findings: unknown.map(place).sort(compareFindings) };
  const errors = recordRuleErrors(record, template);
  const practice = options.errorsOnly ? practiceErrors(record, options.today) : practiceFindings(record, template, options.today);
  return { file, record, template, findings: [...errors, ...practice].map(place).sort(compareFindings) };
}

function looksLikeRecord(data: unknown): data is Record<string, unknown> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  return ['format', 'child', 'assessment', 'areas'].some((k) => Object.hasOwn(data, k));
}
