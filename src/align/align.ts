// Which post is which: exact identities first (linear, hash maps), then similarity for what is left.
import type { Alignment, MatchKind, Pair, Post } from '../model.js';
import { bodyKey, dice, fullKey, samePost, shingles, timeHeadlineKey, wordSet } from './fingerprint.js';
import { findMoved } from './moves.js';
import { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from './options.js';

type KeyFn = (post: Post) => string | null;

/**
 * Identity layers after `identical`, strongest first: a pair found by one layer is settled before the next
 * runs. The flag says whether the layer may pair two posts whose publisher ids differ (see idsDiffer).
 */
const LAYERS: ReadonlyArray<[MatchKind, KeyFn, boolean]> = [
  ['time+headline', timeHeadlineKey, false],
  ['body', bodyKey, true],
];

/**
 * Both posts carry publisher ids, and different ones. The publisher says they are different posts, which we
 * believe unless the text is the same (a deleted post re-posted under a new id: `identical` or `body`);
 * a similar headline or text at the same time is not enough against the ids (two "Goal!" posts).
 */
function idsDiffer(a: Post, b: Post): boolean {
  return a.id !== null && b.id !== null && a.id !== b.id;
}

interface State {
  oldPosts: Post[];
  newPosts: Post[];
  oldFree: Set<number>;
  newFree: Set<number>;
  pairs: Pair[];
}

function pair(state: State, o: number, n: number, match: MatchKind, score: number): void {
  state.pairs.push({ old: o, new: n, match, score });
  state.oldFree.delete(o);
  state.newFree.delete(n);
}

/** Pair posts with equal keys; several posts with one key pair up in page order. */
function matchByKey(state: State, match: MatchKind, key: KeyFn, acrossIds = true): void {
  // Each key's new posts in page order, and how many of them are taken (no shift(): linear with duplicates).
  const byKey = new Map<string, { posts: number[]; taken: number }>();
  for (const n of state.newFree) {
    const k = key(state.newPosts[n]!);
    if (k === null) continue;
    const entry = byKey.get(k);
    if (entry) entry.posts.push(n);
    else byKey.set(k, { posts: [n], taken: 0 });
  }
  if (byKey.size === 0) return;
  for (const o of [...state.oldFree]) {
    const k = key(state.oldPosts[o]!);
    const entry = k === null ? undefined : byKey.get(k);
    if (!entry || entry.taken >= entry.posts.length) continue;
    if (!acrossIds && idsDiffer(state.oldPosts[o]!, state.newPosts[entry.posts[entry.taken]!]!)) continue;
    pair(state, o, entry.posts[entry.taken++]!, match, 1);
  }
}

/**
 * Pair identical posts. Grouping by the short time+headline key and comparing fields within a group
 * avoids building and hashing a key of every post's whole text (the bulk of a large page's cost).
 */
function matchIdentical(state: State): void {
  const groups = new Map<string, number[]>();
  for (const n of state.newFree) {
    const k = timeHeadlineKey(state.newPosts[n]!);
    const list = groups.get(k);
    if (list) list.push(n);
    else groups.set(k, [n]);
  }
  // A group of several posts (same time and headline) is matched by whole-text key, built only for it.
  const bigGroups = new Map<string, Map<string, { posts: number[]; taken: number }>>();
  for (const o of [...state.oldFree]) {
    const post = state.oldPosts[o]!;
    const k = timeHeadlineKey(post);
    const list = groups.get(k);
    if (!list) continue;
    if (list.length === 1) {
      const n = list[0]!;
      if (state.newFree.has(n) && samePost(post, state.newPosts[n]!)) pair(state, o, n, 'identical', 1);
      continue;
    }
    let byFull = bigGroups.get(k);
    if (!byFull) {
      byFull = new Map();
      for (const n of list) {
        const full = fullKey(state.newPosts[n]!);
        const entry = byFull.get(full);
        if (entry) entry.posts.push(n);
        else byFull.set(full, { posts: [n], taken: 0 });
      }
      bigGroups.set(k, byFull);
    }
    const entry = byFull.get(fullKey(post));
    if (entry && entry.taken < entry.posts.length) pair(state, o, entry.posts[entry.taken++]!, 'identical', 1);
  }
}

interface Features {
  body: Map<string, number>;
  headline: Map<string, number>;
}

function features(post: Post): Features {
  return { body: shingles(post), headline: wordSet(post.headline) };
}

/** Similarity of two posts in [0, 1]: body and captions weighed against the headline, plus same-time bonus. */
export function similarity(a: Post, b: Post, opts: AlignOptions, fa = features(a), fb = features(b)): number {
  const head = dice(fa.headline, fb.headline);
  const bothEmpty = fa.body.size === 0 && fb.body.size === 0;
  const body = bothEmpty ? head : dice(fa.body, fb.body);
  const bonus = a.time === b.time ? opts.sameTimeBonus : 0;
  return Math.min(1, (1 - opts.headlineWeight) * body + opts.headlineWeight * head + bonus);
}

/** Pair leftover posts by similarity, scoring only candidates that share uncommon words. */
function matchBySimilarity(state: State, opts: AlignOptions): void {
  if (state.oldFree.size === 0 || state.newFree.size === 0) return;
  const newFeatures = new Map<number, Features>();
  const index = new Map<string, number[]>();
  for (const n of state.newFree) {
    const f = features(state.newPosts[n]!);
    newFeatures.set(n, f);
    for (const token of tokens(f)) {
      const list = index.get(token);
      if (list) list.push(n);
      else index.set(token, [n]);
    }
  }
  const edges: Pair[] = [];
  for (const o of state.oldFree) {
    const fo = features(state.oldPosts[o]!);
    const shared = new Map<number, number>();
    for (const token of tokens(fo)) {
      const list = index.get(token);
      if (!list || list.length > opts.maxPostingList) continue;
      for (const n of list) shared.set(n, (shared.get(n) ?? 0) + 1);
    }
    const candidates = [...shared].sort((x, y) => y[1] - x[1]).slice(0, opts.maxCandidates);
    for (const [n] of candidates) {
      if (idsDiffer(state.oldPosts[o]!, state.newPosts[n]!)) continue;
      const score = similarity(state.oldPosts[o]!, state.newPosts[n]!, opts, fo, newFeatures.get(n));
      if (score >= opts.minSimilarity) edges.push({ old: o, new: n, match: 'similar', score });
    }
  }
  edges.sort((x, y) => y.score - x.score || Math.abs(x.old - x.new) - Math.abs(y.old - y.new));
  for (const e of edges) {
    if (state.oldFree.has(e.old) && state.newFree.has(e.new)) pair(state, e.old, e.new, 'similar', e.score);
  }
}

function* tokens(f: Features): Iterable<string> {
  for (const k of f.body.keys()) yield `b:${k}`;
  for (const k of f.headline.keys()) yield `h:${k}`;
}

/** Align the posts of two captures. Every post ends up in exactly one pair or one unmatched list. */
export function alignPosts(oldPosts: Post[], newPosts: Post[], options: Partial<AlignOptions> = {}): Alignment {
  const opts: AlignOptions = { ...DEFAULT_ALIGN_OPTIONS, ...options };
  const state: State = {
    oldPosts,
    newPosts,
    oldFree: new Set(oldPosts.keys()),
    newFree: new Set(newPosts.keys()),
    pairs: [],
  };
  matchByKey(state, 'id', (p) => p.id);
  matchIdentical(state);
  for (const [match, key, acrossIds] of LAYERS) matchByKey(state, match, key, acrossIds);
  matchBySimilarity(state, opts);
  state.pairs.sort((a, b) => a.new - b.new);
  return {
    pairs: state.pairs,
    unmatchedOld: [...state.oldFree].sort((a, b) => a - b),
    unmatchedNew: [...state.newFree].sort((a, b) => a - b),
    moved: findMoved(state.pairs),
  };
}
