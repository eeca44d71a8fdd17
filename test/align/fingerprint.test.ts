// The word sets behind similarity: words() and dice(), including their shortcuts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dice, words } from '../../src/align/fingerprint.js';
import { FUZZ_RUNS } from '../helpers/arbitraries.js';

/** A sorted multiset of small codes, as wordBag makes them. */
const bag = fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 30 }).map((xs) => Float64Array.from(xs).sort());

/** Dice by counting, the definition. */
function diceByCounting(a: Float64Array, b: Float64Array): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Map<number, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let shared = 0;
  for (const x of b) {
    const c = counts.get(x) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(x, c - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

describe('dice', () => {
  it('is the Dice coefficient of two multisets', () => {
    fc.assert(
      fc.property(bag, bag, (a, b) => {
        expect(dice(a, b)).toBeCloseTo(diceByCounting(a, b), 12);
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
  });

  it('with a floor, is exact at or above it and below it otherwise', () => {
    fc.assert(
      fc.property(bag, bag, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, floor) => {
        const exact = diceByCounting(a, b);
        const got = dice(a, b, floor);
        if (exact >= floor) expect(got).toBeCloseTo(exact, 12);
        else expect(got).toBeLessThan(floor);
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
  });

  it('keeps a pair exactly at the floor', () => {
    const a = Float64Array.of(1, 2, 3, 4, 5);
    const b = Float64Array.of(1, 2, 3, 7, 8);
    expect(dice(a, b, 0.6)).toBe(0.6);
  });
});

describe('words', () => {
  it('finds the same words in ASCII text as the Unicode expression does', () => {
    const unicode = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (text) => {
        expect(words(text)).toEqual(unicode(text));
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
    expect(words('Zelensky’s café, 2023: KYIV')).toEqual(['zelensky', 's', 'café', '2023', 'kyiv']);
    expect(words('\u212Aelvin')).toEqual(['kelvin']);
  });
});
