import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASI_AREAS, ASI_ITEMS, type AsiItemKind, COMPOSITES, SATISFACTION_ANSWERS, scoreAsi, validateAsiInput } from './asi.ts';

const integer = (min: number, max: number) => fc.integer({ min, max });

const validValue: Record<AsiItemKind, fc.Arbitrary<unknown>> = {
  days: integer(0, 30),
  rating: integer(0, 4),
  yesno: integer(0, 1),
  money: fc.oneof(integer(0, 50_000), fc.double({ min: 0, max: 1_000_000, noNaN: true, noDefaultInfinity: true })),
  satisfaction: fc.constantFrom(...SATISFACTION_ANSWERS),
};

const fraction = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x));

const outOfRange: Record<AsiItemKind, fc.Arbitrary<unknown>> = {
  days: fc.oneof(integer(31, 10_000), integer(-10_000, -1), fraction(0, 30)),
  rating: fc.oneof(integer(5, 10_000), integer(-10_000, -1), fraction(0, 4)),
  yesno: fc.oneof(integer(2, 10_000), integer(-10_000, -1), fraction(0, 1), fc.boolean()),
  money: fc.oneof(fc.double({ min: -1e9, max: -Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }), fc.constant('100')),
  satisfaction: fc.string().filter((s) => !(SATISFACTION_ANSWERS as readonly string[]).includes(s)),
};

/** A full valid item set, then a few items left out (missing), sometimes none. */
const validItems = fc
  .tuple(
    fc.tuple(...ASI_ITEMS.map((item) => validValue[item.kind])),
    fc.subarray(ASI_ITEMS.map((item) => item.code), { maxLength: 6 }),
  )
  .map(([values, dropped]) => {
    const items: Record<string, unknown> = {};
    ASI_ITEMS.forEach((item, i) => {
      if (!(dropped as readonly string[]).includes(item.code)) items[item.code] = values[i];
    });
    return items;
  });

const input = (items: Record<string, unknown>) => ({ instrument: 'asi', version: '5', items });

describe('ASI-5 properties', () => {
  it('gives every composite a value in 0–1, or null exactly when one of its items is missing', () => {
    fc.assert(
      fc.property(validItems, (items) => {
        const valid = validateAsiInput(input(items));
        expect(valid.ok).toBe(true);
        if (!valid.ok) return;
        const result = scoreAsi(valid.value);
        for (const area of ASI_AREAS) {
          const value = result.composites[area];
          const incomplete = COMPOSITES[area].items.some((code) => !(code in items));
          expect(value === null).toBe(incomplete);
          if (value === null) continue;
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
          expect(Math.round(value * 10_000) / 10_000).toBe(value);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a valid item set with one value out of range, naming the item', () => {
    const oneBadItem = fc.nat(ASI_ITEMS.length - 1).chain((i) => {
      const item = ASI_ITEMS[i] as (typeof ASI_ITEMS)[number];
      return fc.tuple(fc.constant(item.code), outOfRange[item.kind]);
    });
    fc.assert(
      fc.property(validItems, oneBadItem, (items, [code, bad]) => {
        const valid = validateAsiInput(input({ ...items, [code]: bad }));
        expect(valid.ok).toBe(false);
        if (valid.ok) return;
        expect(valid.errors.map((e) => e.path)).toEqual([`items.${code}`]);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an item code that ASI-5 does not have', () => {
    const codes = new Set<string>(ASI_ITEMS.map((item) => item.code));
    const unknownCode = fc.string({ minLength: 1 }).filter((k) => !codes.has(k) && k !== '__proto__');
    fc.assert(
      fc.property(validItems, unknownCode, (items, code) => {
        const valid = validateAsiInput(input({ ...items, [code]: 0 }));
        expect(valid.ok ? [] : valid.errors.map((e) => e.path)).toEqual([`items.${code}`]);
      }),
    );
  });
});
