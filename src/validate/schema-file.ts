import { packagePath } from '../package-files.js';

/** The record schema's path: a module of its own so that code needing only the path (the check cache, `ntk schema`) does not load the validator. */
export const SCHEMA_FILE = packagePath('schemas', 'toolkit.schema.json');
