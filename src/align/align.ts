// Which post is which: exact identities first (linear, hash maps), then similarity for what is left.
import type { Alignment, MatchKind, Post } from '../model.js';
import { textSource } from '../parse/chunks.js';
import { keyOf, samePost } from '../parse/post.js';
import { bodyHash, sameBody, timeHeadlineKey } from './fingerprint.js';
import { matchGrown } from './growth.js';
import { findMoved } from './moves.js';
import { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from './options.js';
import { pairRewrites } from './rewrites.js';
import { idsDiffer, matchBySimilarity } from './similarity.js';
import { free, inNewOrder, newPair, type State, take } from './state.js';

type KeyFn = (post: Post) => string | null;
type SameFn = (a: Post, b: Post) => boolean;

/**
 * Identity layers after `identical`, strongest first: a pair found by one layer is settled before the next
 * runs. The first flag says whether the layer may pair two posts whose publisher ids differ (see
 * idsDiffer); the second that only a key found once on each side is an identity: several posts with one
 * time and headline ("Latest", one minute) are told apart by their bodies (the later layers), not paired
 * in page order, which paired 168 of 5,000 with the wrong partner and reported the wrong one dropped.
 * The last, when given, confirms a pair whose key is a hash (the body layer: equal bodies, case-folded).
 */
const LAYERS: ReadonlyArray<[MatchKind, KeyFn, boolean, boolean, SameFn?]> = [
  ['time+headline', timeHeadlineKey, false, true],
  ['body', bodyHash, true, false, sameBody],
];

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
  same?: SameFn,
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
  matchByKey(state, 'identical', keyOf, true, false, samePost);
  for (const [match, key, acrossIds, uniqueOnly, same] of LAYERS) matchByKey(state, match, key, acrossIds, uniqueOnly, same);
  matchBySimilarity(state, opts); // align/similarity.ts
  matchGrown(state, opts); // align/growth.ts: posts that kept every paragraph and grew
  pairRewrites(state, opts); // align/rewrites.ts: rewrites in place, from slot, time and content together
  const pairs = inNewOrder(state.pairs, newPosts.length);
  return {
    pairs,
    unmatchedOld: free(state.oldTaken),
    unmatchedNew: free(state.newTaken),
    moved: findMoved(pairs),
  };
}
