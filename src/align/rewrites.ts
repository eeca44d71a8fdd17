// Rewrites in place: a post overwritten where it stood (a ticker's "58' Goal!" placeholder replaced by the
// full description, a headline rewritten under the same time) that no other layer pairs. Run after
// similarity: one old and one new post left in the same slot between the same anchored neighbours, close
// in time, with content in common, are one post. Content is required: a post deleted and an unrelated one
// published at the same time in the same place stay one dropped and one added.
import type { Evidence, Pair, Post } from '../model.js';
import { foldedBytes } from '../parse/chunks.js';
import { bodyText, captionsText, words } from './fingerprint.js';
import { pinnedOnTop } from './order.js';
import type { AlignOptions } from './options.js';
import { freeBySlot, slotCandidates } from './slots.js';
import { free, type State, takeBest } from './state.js';
import { hasUnspaced } from './tokens.js';

/** Score parts (docs/ARCHITECTURE.md, Align): each piece of evidence adds its weight, capped at 1. */
export const REWRITE_WEIGHTS = {
  /** Both posts sit between the same two anchored neighbours (required). */
  slot: 0.3,
  /** The same timestamp. */
  sameTime: 0.3,
  /** A time within `maxRewriteMinutes`. */
  closeTime: 0.2,
  /** Each shared rare word (in no other post of either capture), up to three. */
  rareWord: 0.15,
  /** The same ticker minute mark (`58'`). */
  minuteMark: 0.3,
  /** The page's post counter unchanged (weak: a deletion plus a new post keeps it too). */
  counterUnchanged: 0.05,
  /**
   * The old post was pinned on top (older than the post below it) and the new post above the same
   * neighbour has its headline: a catch-up ("What we know so far") rewritten and re-timed.
   */
  pinnedHeadline: 0.3,
} as const;

/** A ticker's minute mark: `58'`, `45+2'`, with a straight or typographic apostrophe. */
const MINUTE_MARK = /(?:^|[^\d])(\d{1,3}(?:\+\d{1,2})?)['’′]/;
/**
 * Words shorter than this are too often shared by chance ("open", "said"); a bigram of an unspaced
 * script counts as half a word (two are needed).
 */
export const MIN_RARE_WORD_LENGTH = 6;

function text(post: Post): string {
  return `${post.headline}\n${captionsText(post)}\n${bodyText(post)}`;
}

function minuteMark(post: Post): string | null {
  return MINUTE_MARK.exec(post.headline)?.[1] ?? MINUTE_MARK.exec(bodyText(post))?.[1] ?? null;
}

/** Distinct words of a post that could be rare (the Unicode test only on words that are not ASCII). */
function contentWords(post: Post): Set<string> {
  return new Set(words(text(post)).filter((w) => w.length >= MIN_RARE_WORD_LENGTH || (w.charCodeAt(0) > 0x7f && hasUnspaced(w))));
}

/** Score one candidate pair; null when the content gives nothing or the time rules it out. */
export function rewriteScore(
  a: Post,
  b: Post,
  rare: (w: string) => boolean,
  opts: AlignOptions,
  wordsOf: (p: Post) => Set<string> = contentWords,
  counterUnchanged = false,
  pinned = false,
): { score: number; evidence: Evidence } | null {
  const inB = wordsOf(b);
  // Words of a common opening (a feed's `【快讯】` prefix, a ticker's label) say nothing about identity.
  const ta = text(a).toLowerCase();
  const tb = text(b).toLowerCase();
  let common = 0;
  while (common < ta.length && ta[common] === tb[common]) common++;
  const opening = new Set(words(ta.slice(0, common)));
  // Rarity last: it is the costly test (a count over every post), and only shared words need it.
  const shared = [...wordsOf(a)].filter((w) => inB.has(w) && !opening.has(w) && rare(w)).sort();
  const units = shared.reduce((sum, w) => sum + (hasUnspaced(w) ? 0.5 : 1), 0);
  const markA = minuteMark(a);
  const mark = markA !== null && markA === minuteMark(b) ? markA : null;
  if (units < 1 && mark === null && !pinned) return null;
  const gap = a.minutes !== null && b.minutes !== null ? Math.abs(a.minutes - b.minutes) : null;
  // A pinned catch-up is rewritten whenever the story moves on: its new time is no evidence against it.
  const close = gap !== null && gap <= opts.maxRewriteMinutes;
  if (gap !== null && !close && !pinned) return null;
  const sameTime = a.time !== '' && a.time === b.time;
  const w = REWRITE_WEIGHTS;
  const score =
    w.slot +
    (sameTime ? w.sameTime : close ? w.closeTime : 0) +
    Math.min(3, Math.floor(units)) * w.rareWord +
    (mark !== null ? w.minuteMark : 0) +
    (counterUnchanged ? w.counterUnchanged : 0) +
    (pinned ? w.pinnedHeadline : 0);
  const evidence: Evidence = { kind: 'same-slot', confident: score >= opts.rewriteConfidentScore, sameTime, minutesApart: gap, sharedWords: shared.slice(0, 5), minuteMark: mark, counterUnchanged, pinned };
  return { score: Math.min(1, Math.round(score * 1000) / 1000), evidence };
}

/** A headline as compared for a pinned post: case and spacing folded. */
function headlineKey(post: Post): string {
  return post.headline.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Distinct words whose posts are counted one by one; past it, every post's words are counted once. */
const MAX_WORDS_ASKED = 64;
/** An ASCII word: found, when a post has it, in the post's folded bytes (parse/chunks.ts foldedBytes). */
const ASCII_WORD = /^[a-z0-9]+$/;

/**
 * Whether a word is rare: in at most two of `posts` (the candidate pair's own). Counted for each word
 * asked, stopping at three, and reading only the posts whose raw bytes can hold the word: a large page
 * with one rewrite in place is not parsed whole (every post of 5,000 was: 4.7 × the time of the same
 * pair without it). Past MAX_WORDS_ASKED words, every post's words are counted once, as before, each
 * post's set made and dropped in turn (`wordsOf` remembers the sets it makes: through it, the count kept
 * every post's set alive, 520 MB of them for 48,000 edited posts a side).
 */
export function rarity(posts: readonly Post[], wordsOf: (p: Post) => Set<string>): (w: string) => boolean {
  const known = new Map<string, boolean>();
  const folded = new Map<Post, string | null>();
  let df: Map<string, number> | null = null;
  const mayHold = (p: Post, w: string) => {
    if (!ASCII_WORD.test(w)) return true;
    let f = folded.get(p);
    if (f === undefined) folded.set(p, (f = foldedBytes(p)));
    return f === null || f.includes(w);
  };
  return (w) => {
    let rare = known.get(w);
    if (rare !== undefined) return rare;
    if (df === null && known.size >= MAX_WORDS_ASKED) {
      df = new Map();
      for (const p of posts) for (const x of contentWords(p)) df.set(x, (df.get(x) ?? 0) + 1);
    }
    if (df !== null) rare = (df.get(w) ?? 0) <= 2;
    else {
      let n = 0;
      for (const p of posts) if (mayHold(p, w) && wordsOf(p).has(w) && ++n > 2) break;
      rare = n <= 2;
    }
    known.set(w, rare);
    return rare;
  };
}

/** Pair rewrites in place among the posts still free in `state` (mutates it). */
export function pairRewrites(state: State, opts: AlignOptions): void {
  const oldFree = free(state.oldTaken);
  const newFree = free(state.newTaken);
  if (oldFree.length === 0 || newFree.length === 0 || state.pairs.length === 0) return;
  // Free posts grouped by slot: only posts of one slot are compared (not every old with every new).
  const { anchors, oldSlots, oldBySlot, newBySlot } = freeBySlot(state, oldFree, newFree);
  if (![...oldBySlot.keys()].some((k) => newBySlot.has(k))) return;
  // How many posts of both captures have each word: rare words are in the candidate pair's two posts only.
  const cache = new Map<Post, Set<string>>();
  const wordsOf = (p: Post) => {
    let ws = cache.get(p);
    if (ws === undefined) cache.set(p, (ws = contentWords(p)));
    return ws;
  };
  const rare = rarity([...state.oldPosts, ...state.newPosts], wordsOf);
  const counters = opts.pageCounters;
  const counterUnchanged = counters !== undefined && counters.old !== null && counters.old === counters.new;
  // A slot at an edge of the shared posts is where windows move: only the live end (both posts at least as
  // new as every anchored post) can hold a rewrite; at the other end a post merely scrolls in or out.
  let newestAnchor = -Infinity;
  for (const p of anchors) newestAnchor = Math.max(newestAnchor, state.oldPosts[p.old]!.minutes ?? Infinity, state.newPosts[p.new]!.minutes ?? Infinity);
  const liveEnd = (post: Post) => post.minutes !== null && post.minutes >= newestAnchor;
  // The old capture's top post pinned there (older than the post below it): it may meet, in the top slot,
  // a new post under its headline however far its time moved.
  const pinnedTopHeadline = pinnedOnTop(state.oldPosts) ? headlineKey(state.oldPosts[0]!) : '';
  // Differing publisher ids do not forbid a rewrite in place, as they forbid the time+headline and
  // similarity layers: here a free post's id is never in the other capture (the id layer paired those), so
  // the two ids only say that the item got a new one, which a feed whose guid hashes the item's content
  // does at every correction. The slot, the time and the shared content decide.
  const edges: Pair[] = [];
  for (const [k, olds] of oldBySlot) {
    const news = newBySlot.get(k);
    if (news === undefined) continue;
    for (const [o, n] of slotCandidates(olds, news)) {
      const [oa, ob] = oldSlots[o]!;
      const a = state.oldPosts[o]!;
      const b = state.newPosts[n]!;
      const pinned = o === 0 && oa < 0 && pinnedTopHeadline !== '' && headlineKey(b) === pinnedTopHeadline;
      if ((oa < 0 || ob < 0) && !(liveEnd(a) && liveEnd(b)) && !pinned) continue;
      const r = rewriteScore(a, b, rare, opts, wordsOf, counterUnchanged, pinned);
      if (r === null || r.score < opts.minRewriteScore) continue;
      edges.push({ old: o, new: n, match: 'in-place', score: r.score, confidence: r.score, evidence: r.evidence });
    }
  }
  takeBest(state, edges, (x, y) => y.score - x.score || x.old - y.old || x.new - y.new);
}
