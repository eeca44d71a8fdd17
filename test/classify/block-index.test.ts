// Pairing removed with inserted blocks through an index of their words (classify/block-index.ts) finds the
// block that comparing the bags one by one (dice) finds, and the index's pruning (Postings.firstFrom) keeps
// every entry at or after the window.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dice } from '../../src/align/fingerprint.js';
import { Postings } from '../../src/align/postings.js';
import { BlockIndex } from '../../src/classify/block-index.js';
import { FUZZ_RUNS } from '../helpers/arbitraries.js';

/** A sorted bag of a few codes, so that blocks share words and repeat them. */
const bag = fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 12 }).map((xs) => Float64Array.from(xs).sort());

describe('BlockIndex', () => {
  it('finds the first block of the window that dice scores at or above the threshold', () => {
    fc.assert(
      fc.property(
        fc.array(bag, { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(bag, fc.nat(), fc.integer({ min: 1, max: 8 })), { maxLength: 12 }),
        fc.constantFrom(0, 0.2, 0.4, 0.5, 2 / 3, 0.9, 1),
        (blocks, queries, atLeast) => {
          const index = new BlockIndex((j) => blocks[j]!);
          let from = 0;
          // Windows that slide forward, as pairRun's do.
          for (const [b, step, width] of queries) {
            from = Math.min(blocks.length - 1, from + (step % 3));
            const to = Math.min(blocks.length, from + width);
            let want = -1;
            for (let j = from; j < to && want < 0; j++) if (dice(b, blocks[j]!, atLeast) >= atLeast) want = j;
            expect(index.firstSimilar(b, from, to, atLeast)).toBe(want);
          }
        },
      ),
      { numRuns: FUZZ_RUNS * 50 },
    );
  });
});

describe('Postings.firstFrom', () => {
  it('gives the first entry at or after the bound, drops those before it, and takes new entries after', () => {
    const p = new Postings();
    for (const j of [1, 1, 3, 5]) p.add(7, j);
    const posts = (e: number) => {
      const out: number[] = [];
      for (; e !== -1; e = p.next(e)) out.push(p.post(e));
      return out;
    };
    expect(posts(p.firstFrom(7, 2))).toEqual([3, 5]);
    expect(posts(p.first(7, 10))).toEqual([3, 5]);
    expect(p.firstFrom(7, 6)).toBe(-1);
    expect(p.first(7, 10)).toBe(-1);
    p.add(7, 8);
    expect(posts(p.firstFrom(7, 6))).toEqual([8]);
    expect(p.firstFrom(9, 0)).toBe(-1);
  });
});
