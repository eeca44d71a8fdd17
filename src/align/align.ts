// Which post is which: exact identities first (linear, hash maps), then similarity for what is left.
import type { Alignment, MatchKind, Pair, Post } from '../model.js';
import { textSource } from '../parse/chunks.js';
import { postKey } from '../parse/post.js';
import { bodyKey, dice, samePost, shingles, timeHeadlineKey, wordSet } from './fingerprint.js';
import { findMoved } from './moves.js';
import { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from './options.js';
import { Postings } from './postings.js';
import { pairRewrites } from './rewrites.js';
import { free, inNewOrder, newPair, type State, take, takeBest } from './state.js';

type KeyFn = (post: Post) => string | null;

/**
 * Identity layers after `identical`, strongest first: a pair found by one layer is settled before the next
 * runs. The first flag says whether the layer may pair two posts whose publisher ids differ (see
 * idsDiffer); the second that only a key found once on each side is an identity: several posts with one
 * time and headline ("Latest", one minute) are told apart by their bodies (the later layers), not paired
 * in page order, which paired 168 of 5,000 with the wrong partner and reported the wrong one dropped.
 */
const LAYERS: ReadonlyArray<[MatchKind, KeyFn, boolean, boolean]> = [
  ['time+headline', timeHeadlineKey, false, true],
  ['body', bodyKey, true, false],
];

/**
 * Both posts carry publisher ids, and different ones. The publisher says they are different posts, which we
 * believe unless the text is the same (a deleted post re-posted under a new id: `identical` or `body`);
 * a similar headline or text at the same time is not enough against the ids (two "Goal!" posts).
 */
function idsDiffer(a: Post, b: Post): boolean {
  return a.id !== null && b.id !== null && a.id !== b.id;
}

function pair(state: State, o: number, n: number, match: MatchKind, score: number): void {
  take(state, newPair(o, n, match, score));
}

/**
 * Pair posts with equal keys; several posts with one key pair up in page order, or, with `uniqueOnly`, only
 * a key found once on each side pairs. `same`, when given, must also hold for a pair (a key says the posts
 * are equal; the fields confirm it).
 */
function matchByKey(
  state: State,
  match: MatchKind,
  key: KeyFn,
  acrossIds = true,
  uniqueOnly = false,
  same?: (a: Post, b: Post) => boolean,
): void {
  // Each key's new posts in page order, and how many of them are taken (no shift(): linear with duplicates).
  const byKey = new Map<string, { posts: number[]; taken: number }>();
  for (const n of free(state.newTaken)) {
    const k = key(state.newPosts[n]!);
    if (k === null) continue;
    const entry = byKey.get(k);
    if (entry) entry.posts.push(n);
    else byKey.set(k, { posts: [n], taken: 0 });
  }
  if (byKey.size === 0) return;
  const oldFree = free(state.oldTaken);
  const oldKeys = oldFree.map((o) => key(state.oldPosts[o]!));
  if (uniqueOnly) {
    // `taken` counts the old posts with the key first: a key with more than one on either side is left.
    for (const k of oldKeys) {
      const entry = k === null ? undefined : byKey.get(k);
      if (entry) entry.taken++;
    }
    for (const entry of byKey.values()) entry.taken = entry.posts.length === 1 && entry.taken === 1 ? 0 : entry.posts.length;
  }
  for (let i = 0; i < oldFree.length; i++) {
    const o = oldFree[i]!;
    const k = oldKeys[i]!;
    const entry = k === null ? undefined : byKey.get(k);
    if (!entry || entry.taken >= entry.posts.length) continue;
    const n = entry.posts[entry.taken]!;
    if (!acrossIds && idsDiffer(state.oldPosts[o]!, state.newPosts[n]!)) continue;
    if (same && !same(state.oldPosts[o]!, state.newPosts[n]!)) continue;
    entry.taken++;
    pair(state, o, n, match, 1);
  }
}

/**
 * Pair text posts read from the same bytes by one reader (the same source, parse/chunks.ts textSource)
 * whose plain fields are as they were: identical without reading their lazy fields, so that they stay
 * unparsed. Several posts of one source pair up in page order. matchByKey's job, kept apart so that its
 * maps see string keys only (object keys there made every layer's lookups slower).
 */
function matchBySource(state: State): void {
  const bySource = new Map<object, { posts: number[]; taken: number }>();
  for (const n of free(state.newTaken)) {
    const source = textSource(state.newPosts[n]!);
    if (source === null) continue;
    const entry = bySource.get(source);
    if (entry) entry.posts.push(n);
    else bySource.set(source, { posts: [n], taken: 0 });
  }
  if (bySource.size === 0) return;
  for (const o of free(state.oldTaken)) {
    const source = textSource(state.oldPosts[o]!);
    const entry = source === null ? undefined : bySource.get(source);
    if (!entry || entry.taken >= entry.posts.length) continue;
    const n = entry.posts[entry.taken]!;
    const a = state.oldPosts[o]!;
    const b = state.newPosts[n]!;
    if (a.time !== b.time || a.headline !== b.headline || a.byline !== b.byline) continue;
    entry.taken++;
    pair(state, o, n, 'identical', 1);
  }
}

interface Features {
  /** Word pairs of body and captions, sorted with repeats. */
  body: Float64Array;
  /** Words of the headline, sorted, distinct. */
  headline: Float64Array;
}

function features(post: Post): Features {
  return { body: shingles(post), headline: wordSet(post.headline) };
}

/** Similarity of two posts in [0, 1]: body and captions weighed against the headline, plus same-time bonus. */
export function similarity(a: Post, b: Post, opts: AlignOptions): number {
  return score(a, b, opts, features(a), features(b));
}

/**
 * similarity() from the posts' features. With `atLeast`, a score below it may
 * come out as any lower value: the body comparison stops once it cannot lift the score to `atLeast`.
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
  const ranked = touched.map((n, order) => ({ n, shared: counts[n]!, order }));
  ranked.sort((x, y) => y.shared - x.shared || x.order - y.order);
  for (const n of touched) counts[n] = 0;
  return ranked.slice(0, opts.maxCandidates).map((c) => c.n);
}

/** Pair leftover posts by similarity, scoring only candidates that share uncommon words. */
function matchBySimilarity(state: State, opts: AlignOptions): void {
  const oldFree = free(state.oldTaken);
  const newFree = free(state.newTaken);
  if (oldFree.length === 0 || newFree.length === 0) return;
  const newFeatures = new Map<number, Features>();
  const index: Index = { body: new Postings(), headline: new Postings() };
  for (const n of newFree) {
    const f = features(state.newPosts[n]!);
    newFeatures.set(n, f);
    addTo(index.body, f.body, n);
    addTo(index.headline, f.headline, n);
  }
  const counts = new Int32Array(state.newPosts.length);
  const edges: Pair[] = [];
  for (const o of oldFree) {
    const fo = features(state.oldPosts[o]!);
    for (const n of candidatesFor(fo, index, counts, opts)) {
      if (idsDiffer(state.oldPosts[o]!, state.newPosts[n]!)) continue;
      const value = score(state.oldPosts[o]!, state.newPosts[n]!, opts, fo, newFeatures.get(n)!, opts.minSimilarity);
      if (value >= opts.minSimilarity) edges.push(newPair(o, n, 'similar', value));
    }
  }
  takeBest(state, edges, (x, y) => y.score - x.score || Math.abs(x.old - x.new) - Math.abs(y.old - y.new));
}

/** Align the posts of two captures. Every post ends up in exactly one pair or one unmatched list. */
export function alignPosts(oldPosts: readonly Post[], newPosts: readonly Post[], options: Partial<AlignOptions> = {}): Alignment {
  const opts: AlignOptions = { ...DEFAULT_ALIGN_OPTIONS, ...options };
  const state: State = {
    oldPosts,
    newPosts,
    oldTaken: new Uint8Array(oldPosts.length),
    newTaken: new Uint8Array(newPosts.length),
    pairs: [],
  };
  matchByKey(state, 'id', (p) => p.id);
  // `identical`, first without reading the posts (most posts of successive captures are the same bytes).
  matchBySource(state);
  // Then equal content keys, confirmed field by field, so that a post edited in place whose key was left
  // as it was is not taken as unchanged. A post built without a key (a library caller's) is keyed here.
  matchByKey(state, 'identical', (p) => p.key ?? postKey(p), true, false, samePost);
  for (const [match, key, acrossIds, uniqueOnly] of LAYERS) matchByKey(state, match, key, acrossIds, uniqueOnly);
  matchBySimilarity(state, opts);
  pairRewrites(state, opts); // align/rewrites.ts: rewrites in place, from slot, time and content together
  const pairs = inNewOrder(state.pairs, newPosts.length);
  return {
    pairs,
    unmatchedOld: free(state.oldTaken),
    unmatchedNew: free(state.newTaken),
    moved: findMoved(pairs),
  };
}
