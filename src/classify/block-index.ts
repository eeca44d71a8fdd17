// Which inserted block a removed block pairs with (classify/text-diff.ts pairRun), found from the words
// they share rather than by comparing the removed block with each block of its window in turn.
import { Postings } from '../align/postings.js';

/**
 * The word bags (align/fingerprint.ts wordBag: sorted, with repeats) of a run's inserted blocks, indexed
 * by word as a removed block's window reaches them. Two bags share, counting repeats, the sum over the
 * words of one of the lesser of the word's two counts: walking a removed block's words through the index
 * gives its shared count with every block of the window at once, exactly, and a word no block of the
 * window has costs one lookup. Comparing the bags pair by pair cost a merge of both for each of up to
 * PAIR_WINDOW blocks, for every removed block: a 10 MB Chinese post rewritten in every paragraph spent
 * 70% of its time there.
 */
export class BlockIndex {
  readonly #bag: (j: number) => Float64Array;
  readonly #postings = new Postings();
  /** Blocks [0, indexed) are in the postings. */
  #indexed = 0;
  #shared = new Int32Array(64);

  constructor(bag: (j: number) => Float64Array) {
    this.#bag = bag;
  }

  /**
   * The first block `j` in [from, to) whose bag's Dice coefficient with `bag` is at least `atLeast` (as
   * align/fingerprint.ts dice scores it), or -1. Calls must not decrease `from`: the index drops what
   * lies before it.
   */
  firstSimilar(bag: Float64Array, from: number, to: number, atLeast: number): number {
    for (; this.#indexed < to; this.#indexed++) {
      const b = this.#bag(this.#indexed);
      for (let i = 0; i < b.length; i++) this.#postings.add(b[i]!, this.#indexed);
    }
    if (this.#shared.length < to - from) this.#shared = new Int32Array(to - from);
    const shared = this.#shared;
    shared.fill(0, 0, to - from);
    const postings = this.#postings;
    for (let i = 0; i < bag.length; ) {
      const code = bag[i]!;
      let count = 0;
      for (; i < bag.length && bag[i] === code; i++) count++;
      for (let e = postings.firstFrom(code, from); e !== -1 && postings.post(e) < to; ) {
        const j = postings.post(e);
        let theirs = 0;
        for (; e !== -1 && postings.post(e) === j; e = postings.next(e)) theirs++;
        shared[j - from]! += Math.min(count, theirs);
      }
    }
    for (let j = from; j < to; j++) {
      const total = bag.length + this.#bag(j).length;
      if ((total === 0 ? 1 : (2 * shared[j - from]!) / total) >= atLeast) return j;
    }
    return -1;
  }
}
