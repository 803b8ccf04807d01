/**
 * Record types, derived from schemas/toolkit.schema.json (see
 * record.generated.ts). Only convenience names are added here.
 */
export type {
  Action,
  Area,
  Assessment,
  Child,
  ChildVoice,
  Contributor,
  FamilyMember,
  HomeConditions,
  LastEdit,
  ReviewAnswers,
  Section,
  Session,
  Summary,
  ToolkitRecord,
  UnmatchedExplanation,
} from './record.generated.js';

import type { ToolkitRecord } from './record.generated.js';

export const RECORD_FORMAT: ToolkitRecord['format'] = 'neglect-toolkit/1';
export type Decision = NonNullable<NonNullable<ToolkitRecord['summary']>['decision']>;
export type SessionType = NonNullable<ToolkitRecord['assessment']['sessions']>[number]['type'];
