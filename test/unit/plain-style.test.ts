import { Chalk, foregroundColorNames, backgroundColorNames, modifierNames, type ChalkInstance } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stylesFor } from '../../src/render/color.js';
import { plainStyle, plainStyleNames } from '../../src/render/plain-style.js';

/** A chain such as `c.red.bold`, `c.rgb(255, 140, 0).underline` or `c.bgHex('#fff')`, applied to one styler. */
type Step = { name: string } | { call: 'rgb' | 'bgRgb' | 'hex' | 'ansi256'; args: unknown[] };

function applyChain(c: ChalkInstance, steps: readonly Step[]): (...text: unknown[]) => string {
  let at = c as unknown as Record<string, unknown>;
  for (const step of steps) {
    at = 'name' in step ? (at[step.name] as Record<string, unknown>) : (at[step.call] as (...a: unknown[]) => Record<string, unknown>)(...step.args);
  }
  return at as unknown as (...text: unknown[]) => string;
}

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom(...foregroundColorNames, ...backgroundColorNames, ...modifierNames).map((name) => ({ name })),
  fc.constantFrom<Step>({ call: 'rgb', args: [255, 140, 0] }, { call: 'bgRgb', args: [0, 0, 0] }, { call: 'hex', args: ['#ff8c00'] }, { call: 'ansi256', args: [208] }),
);

describe('plain styling (no colour, chalk not loaded)', () => {
  it('gives back exactly what chalk gives back at colour level 0, for any chain and any arguments', () => {
    const chalk0 = new Chalk({ level: 0 });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 4 }), fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 3 }), (steps, text) => {
        expect(applyChain(plainStyle, steps)(...text)).toBe(applyChain(chalk0, steps)(...text));
      }),
    );
    expect(plainStyle.level).toBe(0);
  });

  it("offers chalk's styles and nothing else, so it is never mistaken for a promise", async () => {
    expect([...plainStyleNames].sort()).toEqual([...foregroundColorNames, ...backgroundColorNames, ...modifierNames].sort());
    expect((plainStyle as unknown as Record<string, unknown>).then).toBeUndefined();
    expect(await Promise.resolve(plainStyle)).toBe(plainStyle);
  });

  it('is what a stream without colour gets; colour loads chalk at the level asked for', async () => {
    expect(await stylesFor(0)).toBe(plainStyle);
    const coloured = await stylesFor(1);
    expect(coloured.level).toBe(1);
    expect(coloured.red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});
