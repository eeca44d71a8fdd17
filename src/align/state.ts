// What the aligner's stages share while they pair (align.ts's layers and similarity, rewrites.ts): which
// posts are taken, the pairs so far, and the helpers that read and change them.
import type { MatchKind, Pair, Post } from '../model.js';

/** Which posts are taken (flags: a large page has thousands) and the pairs so far. */
export interface State {
  oldPosts: readonly Post[];
  newPosts: readonly Post[];
  oldTaken: Uint8Array;
  newTaken: Uint8Array;
  pairs: Pair[];
  /** The pairs that kept their order, made for the first `count` pairs (align/slots.ts anchorsOf). */
  anchors?: { count: number; list: Pair[] };
}

/**
 * A pair, its score stored as a double from the first pair on (NaN, then the score). Were the first score
 * a small integer (1: every identical pair) and a later one a fraction (a similar pair), V8 would retire
 * the pairs' shape and migrate every pair made before on its next read: 9 ms on the 5,000-post benchmark.
 */
export function newPair(o: number, n: number, match: MatchKind, score: number): Pair {
  const p: Pair = { old: o, new: n, match, score: NaN };
  p.score = score;
  return p;
}

/** Add `p` to the pairs and take its two posts. */
export function take(state: State, p: Pair): void {
  state.pairs.push(p);
  state.oldTaken[p.old] = 1;
  state.newTaken[p.new] = 1;
}

/** Take, best first, each of `edges` whose two posts are both still free (sorts `edges`). */
export function takeBest(state: State, edges: Pair[], order: (x: Pair, y: Pair) => number): void {
  edges.sort(order);
  for (const e of edges) if (!state.oldTaken[e.old] && !state.newTaken[e.new]) take(state, e);
}

/** The indices of the posts not taken yet, in page order. */
export function free(taken: Uint8Array): number[] {
  const indices: number[] = [];
  for (let i = 0; i < taken.length; i++) if (taken[i] === 0) indices.push(i);
  return indices;
}

/** `pairs` in new order. Each new post has at most one pair, so they are placed rather than sorted. */
export function inNewOrder(pairs: readonly Pair[], newLength: number): Pair[] {
  const byNew: Array<Pair | undefined> = new Array(newLength);
  for (const p of pairs) byNew[p.new] = p;
  return byNew.filter((p): p is Pair => p !== undefined);
}
