import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DECISIONS, frontDoorLabels } from '../../src/record/vocabulary.js';

const schema = JSON.parse(readFileSync('schemas/toolkit.schema.json', 'utf8')) as {
  properties: { summary: { properties: { decision: { enum: string[] } } }; child: { properties: { front_door: { enum: string[] } } } };
};

describe('the words of the record’s fixed choices', () => {
  it('word every decision of the schema, in its order', () => {
    expect(DECISIONS).toEqual(schema.properties.summary.properties.decision.enum);
  });

  it('word every front door of the schema', () => {
    expect(Object.keys(frontDoorLabels)).toEqual(schema.properties.child.properties.front_door.enum);
  });
});
