import { join } from 'node:path';
import { packagePath } from '../io/package-files.js';

/** The record schema's path: a module of its own so that code needing only the path (the check cache, `ntk schema`) does not load the validator. */
export const SCHEMA_FILE = packagePath('schemas', 'toolkit.schema.json');

/** Where a records repository keeps its copy of the schema (`ntk init`), relative to its root, as the project's own clone does. */
export const REPOSITORY_SCHEMA = join('schemas', 'toolkit.schema.json');
