// The similarity stage: pair the posts no identity paired, by word pairs of the body and words of the
// headline, scoring only candidates that share uncommon word pairs or words, best pairs first.
import type { Pair, Post } from '../model.js';
import { dice, type HashMemo, shingles, wordSet } from './fingerprint.js';
import type { AlignOptions } from './options.js';
import { Postings } from './postings.js';
import { freeBySlot, slotCandidates } from './slots.js';
import { free, newPair, type State, take, takeBest } from './state.js';

/**
 * Both posts carry publisher ids, and different ones. The publisher says they are different posts, which we
 * believe unless the text is the same (a deleted post re-posted under a new id: `identical` or `body`);
 * a similar headline or text at the same time is not enough against the ids (two "Goal!" posts).
 */
export function idsDiffer(a: Post, b: Post): boolean {
  return a.id !== null && b.id !== null && a.id !== b.id;
}

interface Features {
  /** Word pairs of body and captions, sorted with repeats. */
  body: Float64Array;
  /** Words of the headline, sorted, distinct. */
  headline: Float64Array;
}

function features(post: Post, memo?: HashMemo, remember = true): Features {
  return { body: shingles(post, memo, remember), headline: wordSet(post.headline) };
}

/** Similarity of two posts in [0, 1]: body and captions weighed against the headline, plus same-time bonus. */
export function similarity(a: Post, b: Post, opts: AlignOptions): number {
  return score(a, b, opts, features(a), features(b));
}

/**
 * similarity() from the posts' features. With `atLeast`, a score below it may come out as any lower value:
 * the body comparison stops once it cannot lift the score to `atLeast`. A score at or above it is exact.
 */
function score(a: Post, b: Post, opts: AlignOptions, fa: Features, fb: Features, atLeast = 0): number {
  const head = dice(fa.headline, fb.headline);
  const bothEmpty = fa.body.length === 0 && fb.body.length === 0;
  const bonus = a.time === b.time ? opts.sameTimeBonus : 0;
  const bodyAtLeast = (atLeast - opts.headlineWeight * head - bonus) / (1 - opts.headlineWeight);
  const body = bothEmpty ? head : dice(fa.body, fb.body, bodyAtLeast);
  return Math.min(1, (1 - opts.headlineWeight) * body + opts.headlineWeight * head + bonus);
}

/** Tokens (word pairs of the body, words of the headline) and the new posts that have them. */
interface Index {
  body: Postings;
  headline: Postings;
}

/** Add post `n` under each distinct code of `codes` (sorted). */
function addTo(index: Postings, codes: Float64Array, n: number): void {
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[i - 1]) index.add(codes[i]!, n);
}

/**
 * New posts sharing uncommon tokens with `f`, those sharing most first (ties in the order first met).
 * `counts` is all zeros on entry and on return.
 */
function candidatesFor(f: Features, index: Index, counts: Int32Array, opts: AlignOptions): number[] {
  const touched: number[] = [];
  const count = (codes: Float64Array, postings: Postings) => {
    for (let i = 0; i < codes.length; i++) {
      if (i > 0 && codes[i] === codes[i - 1]) continue;
      for (let e = postings.first(codes[i]!, opts.maxPostingList); e !== -1; e = postings.next(e)) {
        const n = postings.post(e);
        if (counts[n]!++ === 0) touched.push(n);
      }
    }
  };
  count(f.body, index.body);
  count(f.headline, index.headline);
  const chosen = topShared(touched, counts, opts.maxCandidates);
  for (const n of touched) counts[n] = 0;
  return chosen;
}

/**
 * The first `k` of `touched` ordered by `counts` (most first), ties in the order of `touched`: what
 * sorting all of them and taking `k` gives, found in linear time. An old post of a page whose posts all
 * changed touches thousands of new posts for its 20 candidates; sorting them all was a tenth of the stage.
 */
export function topShared(touched: readonly number[], counts: Int32Array, k: number): number[] {
  if (touched.length <= k) return [...touched].sort((x, y) => counts[y]! - counts[x]!);
  let most = 0;
  for (const n of touched) most = Math.max(most, counts[n]!);
  const withCount = new Int32Array(most + 1);
  for (const n of touched) withCount[counts[n]!]!++;
  // The count `bar` at which the k-th falls: fewer than k above it, at least k from it up.
  let bar = most;
  let above = 0;
  while (above + withCount[bar]! < k) above += withCount[bar--]!;
  let atBar = k - above;
  const chosen: number[] = [];
  for (const n of touched) {
    const c = counts[n]!;
    if (c > bar || (c === bar && atBar-- > 0)) chosen.push(n);
  }
  // A stable sort: equal counts stay in the order of `touched`.
  return chosen.sort((x, y) => counts[y]! - counts[x]!);
}

/** A scored pair the stage may take, with what orders it among equal scores (see `before`). */
interface Edge {
  pair: Pair;
  /** The old post's place among the old posts scored (page order). */
  seq: number;
  /** The new post's rank among the old post's candidates. */
  rank: number;
  /** The old post, for its next edge. */
  from: OldPost;
}

/**
 * The order in which the stage takes pairs: higher score first, then the pair nearer in page position
 * (|old − new|), then the old post earlier in page order, then its candidates in the order candidatesFor
 * ranks them. A total order, so that the pairs taken never depend on how the edges were found.
 */
function before(x: Edge, y: Edge): boolean {
  return (
    x.pair.score > y.pair.score ||
    (x.pair.score === y.pair.score &&
      (Math.abs(x.pair.old - x.pair.new) < Math.abs(y.pair.old - y.pair.new) ||
        (Math.abs(x.pair.old - x.pair.new) === Math.abs(y.pair.old - y.pair.new) && (x.seq < y.seq || (x.seq === y.seq && x.rank < y.rank)))))
  );
}

/** A binary heap of edges, the first by `before` on top. */
class EdgeHeap {
  readonly #items: Edge[] = [];

  get size(): number {
    return this.#items.length;
  }

  push(e: Edge): void {
    const items = this.#items;
    let i = items.push(e) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(e, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = e;
  }

  pop(): Edge {
    const items = this.#items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= items.length) break;
        const r = l + 1;
        const c = r < items.length && before(items[r]!, items[l]!) ? r : l;
        if (!before(items[c]!, last)) break;
        items[i] = items[c]!;
        i = c;
      }
      items[i] = last;
    }
    return top;
  }
}

/** What the stage knows of one old post: its features, candidates, and the edges scored in full so far. */
export interface OldPost {
  o: number;
  seq: number;
  /** Dropped once the best edge is found (a page of posts all changed holds them all otherwise); made again if needed. */
  features: Features | null;
  candidates: number[];
  /** Every edge at or above minSimilarity, in take order, once scored in full (null until needed). */
  edges: Edge[] | null;
  /** The next of `edges` to offer. */
  next: number;
}

/** The free new posts' features and their index, and the free old posts: what the stage scores. */
export interface Leftovers {
  oldFree: number[];
  /** Features of the free new posts, by index. */
  newFeatures: Array<Features | undefined>;
  index: Index;
  /** Word hashes of the new posts' texts, for the stage's duration (see HashMemo). */
  memo: HashMemo;
  /** Scratch for candidatesFor. */
  counts: Int32Array;
}

/** Index the free new posts' features; the free old posts are read one at a time (oldPost). */
export function leftovers(state: State): Leftovers {
  const oldFree = free(state.oldTaken);
  const newFree = free(state.newTaken);
  const newFeatures: Array<Features | undefined> = new Array(state.newPosts.length);
  // Word hashes of the new posts' texts, by text: an edited post's unchanged paragraphs are read once, not twice.
  const memo: HashMemo = new Map();
  const counts = new Int32Array(state.newPosts.length);
  // Nothing to pair when either side has no free post left.
  if (oldFree.length === 0 || newFree.length === 0) return { oldFree: [], newFeatures, index: { body: new Postings(), headline: new Postings() }, memo, counts };
  let bodyCodes = 0;
  let headlineCodes = 0;
  for (const n of newFree) {
    const f = features(state.newPosts[n]!, memo);
    newFeatures[n] = f;
    bodyCodes += f.body.length;
    headlineCodes += f.headline.length;
  }
  // Made for as many codes as the posts have (repeats included: a bound, not a count).
  const index: Index = { body: new Postings(bodyCodes), headline: new Postings(headlineCodes) };
  for (const n of newFree) {
    addTo(index.body, newFeatures[n]!.body, n);
    addTo(index.headline, newFeatures[n]!.headline, n);
  }
  return { oldFree, newFeatures, index, memo, counts };
}

/** The `seq`-th free old post: its features and candidates. */
export function oldPost(state: State, opts: AlignOptions, left: Leftovers, seq: number): OldPost {
  const o = left.oldFree[seq]!;
  // The new posts' texts are remembered; an old post's are only looked up (the memo stays the size of
  // the new side's words, whatever the old side holds).
  const fo = features(state.oldPosts[o]!, left.memo, false);
  return { o, seq, features: fo, candidates: candidatesFor(fo, left.index, left.counts, opts), edges: null, next: 0 };
}

/** The score of an old post and one of its candidates (see score: exact at or above `atLeast`). */
export function scoreCandidate(state: State, opts: AlignOptions, left: Leftovers, post: OldPost, n: number, atLeast: number): number {
  post.features ??= features(state.oldPosts[post.o]!);
  return score(state.oldPosts[post.o]!, state.newPosts[n]!, opts, post.features, left.newFeatures[n]!, atLeast);
}

/**
 * Pair leftover posts by similarity, scoring only candidates that share uncommon words, and taking the best
 * pairs first (see `before`). The pairs are those of scoring every candidate and taking the edges in that
 * order (test/align/similarity.test.ts checks it), found with less scoring: each old post's best edge is
 * found first, every other candidate scored only until it cannot beat it; the old post's other edges are
 * scored in full only if its best partner is taken by a better pair first. Then the old posts left meet
 * the new posts left near their place (matchByPlace).
 */
export function matchBySimilarity(state: State, opts: AlignOptions): void {
  const left = leftovers(state);
  matchByWords(state, opts, left);
  matchByPlace(state, opts, left);
}

/** The stage's first pass: the candidates that share uncommon words (see matchBySimilarity). */
export function matchByWords(state: State, opts: AlignOptions, left: Leftovers): void {
  const heap = new EdgeHeap();
  for (let seq = 0; seq < left.oldFree.length; seq++) {
    const post = oldPost(state, opts, left, seq);
    const best = bestEdge(state, opts, left, post);
    // Kept, an old post's features would make a page whose posts all changed hold them all at once: the
    // few whose best partner goes to a better pair make them again.
    post.features = null;
    if (best !== null) heap.push(best);
  }
  left.memo.clear();
  while (heap.size > 0) {
    const e = heap.pop();
    if (state.newTaken[e.pair.new]) {
      // Its best partner went to a better pair: offer the old post's next edge.
      const next = nextEdge(state, opts, left, e.from);
      if (next !== null) heap.push(next);
    } else take(state, e.pair);
  }
}

/**
 * The stage's last pass: each old post still free meets the free new posts of its slot (align/slots.ts:
 * between the same anchored pairs, near its rank), scored the same way and taken best first down to
 * minSimilarity. Words find no candidate for a post whose every word pair and headline word is common on
 * the page, nor the right one when `maxCandidates` posts share more of them; such a post, edited, was one
 * post dropped and one added (54 of 48,000 posts a side built from stock paragraphs, every post edited:
 * false deletions). Only the posts left over are compared, at most MAX_SLOT_PAIRS a slot or a window
 * around each rank, so that the pass stays linear.
 */
export function matchByPlace(state: State, opts: AlignOptions, left: Leftovers): void {
  const oldLeft = left.oldFree.filter((o) => !state.oldTaken[o]);
  const newLeft = free(state.newTaken);
  if (oldLeft.length === 0 || newLeft.length === 0) return;
  const { oldBySlot, newBySlot } = freeBySlot(state, oldLeft, newLeft);
  const edges: Pair[] = [];
  for (const [slot, olds] of oldBySlot) {
    const news = newBySlot.get(slot);
    if (news === undefined) continue;
    // Its features, made once for the old post's run of candidates.
    let post: OldPost = { o: -1, seq: 0, features: null, candidates: [], edges: null, next: 0 };
    for (const [o, n] of slotCandidates(olds, news)) {
      if (post.o !== o) post = { o, seq: 0, features: null, candidates: [], edges: null, next: 0 };
      if (idsDiffer(state.oldPosts[o]!, state.newPosts[n]!)) continue;
      const value = scoreCandidate(state, opts, left, post, n, opts.minSimilarity);
      if (value >= opts.minSimilarity) edges.push(newPair(o, n, 'similar', value));
    }
  }
  // Best score first, then the pair nearer in page position, then page order (as `before`).
  takeBest(state, edges, (x, y) => y.score - x.score || Math.abs(x.old - x.new) - Math.abs(y.old - y.new) || x.old - y.old || x.new - y.new);
}

/**
 * The old post's first edge in take order (see `before`), or null for none at or above minSimilarity. The
 * bar rises to the best score found, so that each candidate after the best is scored only until it
 * cannot reach it.
 */
function bestEdge(state: State, opts: AlignOptions, left: Leftovers, post: OldPost): Edge | null {
  let best: Edge | null = null;
  for (let rank = 0; rank < post.candidates.length; rank++) {
    const n = post.candidates[rank]!;
    if (idsDiffer(state.oldPosts[post.o]!, state.newPosts[n]!)) continue;
    const bar = best === null ? opts.minSimilarity : Math.max(opts.minSimilarity, best.pair.score);
    const value = scoreCandidate(state, opts, left, post, n, bar);
    if (value < bar) continue;
    const edge: Edge = { pair: newPair(post.o, n, 'similar', value), seq: post.seq, rank, from: post };
    if (best === null || before(edge, best)) best = edge;
  }
  return best;
}

/**
 * The old post's next edge to a new post still free, in take order: every candidate scored in full the
 * first time it is needed (as many scores as one pass over the candidates), then read in turn.
 */
function nextEdge(state: State, opts: AlignOptions, left: Leftovers, post: OldPost): Edge | null {
  if (post.edges === null) {
    const edges: Edge[] = [];
    for (let rank = 0; rank < post.candidates.length; rank++) {
      const n = post.candidates[rank]!;
      if (state.newTaken[n] || idsDiffer(state.oldPosts[post.o]!, state.newPosts[n]!)) continue;
      const value = scoreCandidate(state, opts, left, post, n, opts.minSimilarity);
      if (value >= opts.minSimilarity) edges.push({ pair: newPair(post.o, n, 'similar', value), seq: post.seq, rank, from: post });
    }
    edges.sort((x, y) => (before(x, y) ? -1 : before(y, x) ? 1 : 0));
    post.edges = edges;
    post.features = null;
  }
  while (post.next < post.edges.length) {
    const e = post.edges[post.next++]!;
    if (!state.newTaken[e.pair.new]) return e;
  }
  return null;
}
