import type { Decision, ToolkitRecord } from './types.js';

/**
 * The words of the record's fixed choices, kept here once for every command
 * and format: the schema's enums give the values (the types below are
 * generated from it, so a value added there and not here does not compile).
 */

/** What each decision means, in the words of the guidance. The tool records decisions; it never makes them. */
export const decisionLabels: Record<Decision, string> = {
  'single-agency': 'Talk with the family and continue to support as a single agency',
  'community-services': 'Referral to community-based services',
  'early-help': 'Request for support to Early Help',
  mash: 'Request for support to the MASH',
  'mash-urgent': 'Urgent contact with the MASH (risk of significant harm)',
};

/** The decisions in the guidance's order, from support as a single agency to urgent contact with the MASH. */
export const DECISIONS = Object.keys(decisionLabels) as Decision[];

export type FrontDoor = NonNullable<ToolkitRecord['child']['front_door']>;

/** Which Early Help / MASH front door serves the child's address, by its authority's name. */
export const frontDoorLabels: Record<FrontDoor, string> = { city: 'Nottingham City', county: 'Nottinghamshire' };
