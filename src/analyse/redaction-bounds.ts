import type { StringBound } from './redaction.js';

interface SchemaNode {
  $ref?: string;
  maxLength?: number;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  allOf?: SchemaNode[];
}

/**
 * The schema's maxLength for a string at a record path, so a pseudonymised
 * copy is cut to fit rather than made invalid: a replacement may be longer
 * than what it replaces ("[date of birth]" for "14/3/12").
 */
export function schemaStringBound(schema: object): StringBound {
  const root = schema as SchemaNode & { definitions?: Record<string, SchemaNode> };
  const resolve = (node: SchemaNode | undefined): SchemaNode | undefined => {
    let n = node;
    for (let hops = 0; n?.$ref && hops < 20; hops++) n = root.definitions?.[n.$ref.replace('#/definitions/', '')];
    return n;
  };
  const step = (node: SchemaNode | undefined, key: string): SchemaNode | undefined => {
    const n = resolve(node);
    if (!n) return undefined;
    if (n.items && /^\d+$/.test(key)) return n.items;
    const own = n.properties?.[key] ?? (typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined);
    return own ?? n.allOf?.map((a) => step(a, key)).find((x) => x !== undefined);
  };
  return (path) => {
    let node: SchemaNode | undefined = root;
    for (const key of path) node = step(node, key);
    return resolve(node)?.maxLength;
  };
}
