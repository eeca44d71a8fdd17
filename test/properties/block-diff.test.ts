// diffBlocks pairs a post's blocks edited in place without jsdiff (editedInPlace); its hunks must be the
// ones the jsdiff alignment gives. The reference: the same lists with one more block at the end of the new
// side, which jsdiff aligns (the lengths differ) and which can only add itself as an insertion at the end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffBlocks } from '../../src/classify/text-diff.js';

// Few paragraphs, so that repeats make many equally long alignments where another could be chosen.
const PARAGRAPHS = [
  'Russian forces shelled the town overnight, officials said.',
  'The mayor said the water supply was cut.',
  'Read more.',
  'The mayor said the water supply was cut off.',
  'Officials said the talks would resume on Friday.',
  'Watch:',
];
const EXTRA = 'A paragraph only the newer capture has, at its end.';

const blocks = fc.array(fc.constantFrom(...PARAGRAPHS), { minLength: 1, maxLength: 24 });
const edits = fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...PARAGRAPHS), fc.constantFrom(' reportedly', ' (updated)', '!'))), {
  minLength: 1,
  maxLength: 5,
});

describe('diffBlocks, blocks edited in place', () => {
  it('gives the hunks of the jsdiff alignment', () => {
    fc.assert(
      fc.property(blocks, edits, (old, changes) => {
        const neu = [...old];
        // The last block stays as it is, so that the reference's extra block is an insertion of its own.
        for (const [at, change] of changes) {
          if (old.length < 2) break;
          const i = at % (old.length - 1);
          neu[i] = PARAGRAPHS.includes(change) ? change : `${neu[i]}${change} ${i}`;
        }
        const fast = diffBlocks(old, neu);
        const reference = diffBlocks(old, [...neu, EXTRA]);
        expect(reference.at(-1)).toEqual({ op: '+', text: EXTRA });
        expect(fast).toEqual(reference.slice(0, -1));
      }),
      { numRuns: 2000 },
    );
  });

  it('a paragraph edited in one word is a word diff between the same neighbours', () => {
    const old = [PARAGRAPHS[0]!, PARAGRAPHS[1]!, PARAGRAPHS[4]!];
    const neu = [PARAGRAPHS[0]!, PARAGRAPHS[3]!, PARAGRAPHS[4]!];
    expect(diffBlocks(old, neu).map((h) => h.op)).toEqual(['=', '~', '=']);
  });
});
