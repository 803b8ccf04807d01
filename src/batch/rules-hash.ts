/**
 * Written into the bundle at build time (scripts/rules-hash.mjs): the hash of
 * every file the check worker is built from. The check cache is keyed by it,
 * so a build with a new or changed rule never replays results the old rules
 * gave, even when ntk's version number is the same.
 */
declare const NTK_RULES_HASH: string;

export const RULES_HASH: string = NTK_RULES_HASH;
