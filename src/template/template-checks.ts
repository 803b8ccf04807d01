import { isFindingCode, severityOf } from '../record/finding-codes.js';
import { bestFirst } from './scale-facts.js';
import type { ToolkitTemplate } from './template.generated.js';

/**
 * What schemas/template.schema.json cannot say about a template: that its
 * scale runs in whole steps with its worrying scores at the worse end, that
 * every section describes every score of it and no other, that a reminder's
 * score is on it, and that no key of its vocabulary is used twice. Checked wherever a template is loaded, so a
 * partnership's new template file is refused with a reason, never half-used.
 */
export function templateProblems(template: ToolkitTemplate): string[] {
  const problems: string[] = [];
  const scores = template.scale.map((p) => p.score);
  scores.forEach((score, i) => {
    if (i > 0 && score !== scores[i - 1]! + 1) problems.push(`/scale/${i} the scale's scores must run in steps of one, the lowest first (got ${score} after ${scores[i - 1]!})`);
  });
  if (!template.scale.some((p) => p.worrying === true)) problems.push('/scale no score is marked worrying');
  // Worrying care is the bad end of the scale: a gap means the flags or `better` are wrong, and a scale read the wrong way round would call harm an improvement.
  const order = bestFirst(template);
  const firstWorrying = order.findIndex((s) => template.scale.find((p) => p.score === s)?.worrying === true);
  const calm = firstWorrying < 0 ? undefined : order.slice(firstWorrying).find((s) => template.scale.find((p) => p.score === s)?.worrying !== true);
  if (calm !== undefined) {
    problems.push(`/scale the worrying scores must be the worst of the scale (better: ${template.better ?? 'lower'}), but ${calm} is not marked worrying and is worse than ${order[firstWorrying]!}`);
  }
  const wanted = scores.map(String).join(', ');
  for (const area of template.areas) {
    area.sections.forEach((section, j) => {
      const where = `/areas/${template.areas.indexOf(area)}/sections/${j}`;
      const keys = Object.keys(section.descriptors);
      if (keys.length !== scores.length || !scores.every((s) => keys.includes(String(s)))) {
        problems.push(`${where}/descriptors section ${section.key} must describe every score of the scale (${wanted}), no other (got ${keys.join(', ')})`);
      }
      const at = section.reminder?.when_score_at_least;
      if (at !== undefined && !scores.includes(at)) problems.push(`${where}/reminder/when_score_at_least ${at} is not a score of the scale (${wanted})`);
      const code = section.reminder?.code;
      if (code !== undefined && !(isFindingCode(code) && severityOf(code) === 'prompt')) problems.push(`${where}/reminder/code ${code} is not a prompt in the registry of finding codes (src/record/finding-codes.ts)`);
    });
  }
  const repeated = (name: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) problems.push(`/${name} the key ${key} is used twice`);
      seen.add(key);
    }
  };
  repeated('areas', template.areas.map((a) => a.key));
  repeated('areas', template.areas.flatMap((a) => a.sections.map((s) => s.key)));
  repeated('decisions', template.decisions.map((d) => d.key));
  repeated('front_doors', template.front_doors.map((d) => d.key));
  repeated('review_questions', template.review_questions.map((q) => q.key));
  return problems;
}
