// The similarity stage's inverted index against the Map of arrays it replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Postings } from '../../src/align/postings.js';

describe('Postings', () => {
  it('gives each code its posts in the order added, and none past the limit', () => {
    // Codes as the fingerprints make them (integers below 2^53), few enough to repeat; thousands of adds
    // so that the table grows several times.
    const code = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 ** 53 - 1 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(code, fc.nat(5000)), { minLength: 700, maxLength: 3000 }), fc.integer({ min: 1, max: 60 }), (adds, max) => {
        const index = new Postings();
        const model = new Map<number, number[]>();
        for (const [c, n] of adds) {
          index.add(c, n);
          const list = model.get(c);
          if (list) list.push(n);
          else model.set(c, [n]);
        }
        for (const c of [...model.keys(), 2 ** 52 + 1]) {
          const got: number[] = [];
          for (let e = index.first(c, max); e !== -1; e = index.next(e)) got.push(index.post(e));
          const want = model.get(c) ?? [];
          expect(got).toEqual(want.length <= max ? want : []);
        }
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });
});
