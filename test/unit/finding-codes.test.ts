import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readmeWithCodes, TABLE_TEMPLATE_FILE } from '../../scripts/finding-codes-table.js';
import { REPORT_PROMPTS } from '../../src/analyse/caseload-report.js';
import { loadTemplates } from '../../src/template/load-template.js';
import { FINDING_CODES, findingCodes } from '../../src/record/finding-codes.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const registryFile = join('src', 'validate', 'finding-codes.ts');
const source = sourceFiles('src')
  .filter((file) => file !== registryFile)
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

describe('the registry of finding codes', () => {
  // A code outside the registry does not compile (Finding['code'] is its union); this is the other half:
  // every code in the registry is one a rule can report, so the README lists no rule that is gone.
  it('holds exactly the codes the rules can report', () => {
    const reported = new Set([...source.matchAll(/(?<!typeof )\b(?:code: |code === |warn\(|error\(|fail\()'([a-z0-9-]+)'/g)].map((m) => m[1]!));
    const unknownToRegistry = [...reported].filter((code) => !Object.hasOwn(FINDING_CODES, code) && code !== 'slipped-back' && code !== 'moved-back-in');
    expect(unknownToRegistry).toEqual([]);
    // A template's practice reminders name their codes (templates/*.yaml); template-checks.ts keeps them in the registry.
    const reminderCodes = new Set([...loadTemplates().values()].flatMap((t) => t.template.areas.flatMap((a) => a.sections.flatMap((s) => s.reminder?.code ?? []))));
    const neverReported = findingCodes.filter((code) => !source.includes(`'${code}'`) && !reminderCodes.has(code));
    expect(neverReported).toEqual([]);
  });

  it('gives every code a title and help that end as sentences, in kebab-case', () => {
    for (const code of findingCodes) {
      const info = FINDING_CODES[code];
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(info.title, code).toMatch(/[.!?]$/);
      expect(info.help, code).toMatch(/[.!?]$/);
    }
  });

  it('gives the caseload report its prompts in the registry order', () => {
    expect(REPORT_PROMPTS).toEqual([
      'discuss-with-lead',
      'domestic-abuse-reminder',
      'lead-not-consulted',
      'differential-care',
      'household-wide-differs',
      'drift-action-overdue',
      'drift-review-late',
      'drift-no-improvement',
    ]);
  });

  it('is what the README lists (npm run docs:codes rewrites it)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readmeWithCodes(readme, parse(readFileSync(TABLE_TEMPLATE_FILE, 'utf8')))).toBe(readme);
  });
});
