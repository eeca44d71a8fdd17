// The order a capture lists its posts in (newest first, oldest first, or neither), read from their times.
import type { Alignment, PageOrder, Pair, Post } from '../model.js';
import { findMoved } from './moves.js';

/**
 * Fewer than this many pairs of posts with known, different times say nothing about the order: the
 * capture is taken to be newest first, as live pages are.
 */
export const MIN_ORDER_EVIDENCE = 3;
/** Saying a capture is not newest first (oldest first, or unordered) takes at least this many pairs. */
export const MIN_REORDER_EVIDENCE = 6;
/**
 * Largest share of time-comparable post pairs that may go against an order for a capture still to be
 * listed in it. Real live pages are not strictly sorted (a post bumped to the top by a time edit, a
 * pinned post: 8% to 39% of pairs against newest first on the fixtures' real captures); a ranked list
 * has about half its pairs each way.
 */
export const MAX_ORDER_DISORDER = 0.4;

/**
 * How many pairs of posts (i before j) have i newer than j, and i older than j: an inversion count over
 * the times' ranks with a Fenwick tree, O(n log n). Posts without a time are left out. Typed arrays
 * throughout (a rank is a binary search in the sorted distinct times): this runs on every post of both
 * captures of every diff, and a Map of ranks with a closure per post cost the 5,000-post pair 15 ms.
 */
export function orderPairs(posts: readonly Post[]): { newerFirst: number; olderFirst: number } {
  const times = new Float64Array(posts.length);
  let count = 0;
  for (const p of posts) if (p.minutes !== null) times[count++] = p.minutes;
  const seq = times.subarray(0, count);
  const monotone = monotonePairs(seq);
  if (monotone !== null) return monotone;
  const sorted = seq.slice().sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
  const tree = new Int32Array(distinct + 1);
  const countUpTo = (r: number): number => {
    let c = 0;
    for (; r > 0; r -= r & -r) c += tree[r]!;
    return c;
  };
  let newerFirst = 0;
  let olderFirst = 0;
  for (let seen = 0; seen < count; seen++) {
    const t = seq[seen]!;
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    const r = lo + 1; // 1-based rank of t among the distinct times
    olderFirst += countUpTo(r - 1); // earlier posts with a smaller time
    newerFirst += seen - countUpTo(r); // earlier posts with a larger time
    for (let i = r; i < tree.length; i += i & -i) tree[i]!++;
  }
  return { newerFirst, olderFirst };
}

/**
 * orderPairs for times already in order (each no later than the one before, or each no earlier): every
 * two different times are one way round. One pass, where the Fenwick tree's loops cost 20 ms on 5,000
 * posts in a process too short for V8 to optimise them. Null when the times are in neither order.
 */
function monotonePairs(times: Float64Array): { newerFirst: number; olderFirst: number } | null {
  let falling = true;
  let rising = true;
  let sameTime = 0; // pairs of posts with equal times (equal times are adjacent in a sorted list)
  let run = 1;
  for (let i = 1; i < times.length; i++) {
    const d = times[i]! - times[i - 1]!;
    if (d > 0) falling = false;
    else if (d < 0) rising = false;
    if (!falling && !rising) return null;
    if (d === 0) sameTime += run++;
    else run = 1;
  }
  const different = times.length < 2 ? 0 : (times.length * (times.length - 1)) / 2 - sameTime;
  return falling ? { newerFirst: different, olderFirst: 0 } : { newerFirst: 0, olderFirst: different };
}

function orderOf(posts: readonly Post[]): PageOrder | null {
  const { newerFirst, olderFirst } = orderPairs(posts);
  const total = newerFirst + olderFirst;
  if (total < MIN_ORDER_EVIDENCE) return null;
  if (olderFirst <= MAX_ORDER_DISORDER * total) return 'newest-first';
  if (total < MIN_REORDER_EVIDENCE) return null;
  if (newerFirst <= MAX_ORDER_DISORDER * total) return 'oldest-first';
  return 'unordered';
}

/**
 * The order of a capture's posts by their times; newest first when they do not say. One post out of
 * place at either end (pinned to the top, a late post appended at the bottom) weighs heavily on a short
 * capture, so a verdict against newest first is checked once more without each end.
 */
export function detectOrder(posts: readonly Post[]): PageOrder {
  return readOrder(posts) ?? 'newest-first';
}

/** detectOrder, or null when the times say too little to leave the default (three posts listed oldest first). */
function readOrder(posts: readonly Post[]): PageOrder | null {
  const order = orderOf(posts);
  if (order === null || order === 'newest-first') return order;
  if (orderOf(posts.slice(1)) === 'newest-first' || orderOf(posts.slice(0, -1)) === 'newest-first') return 'newest-first';
  return order;
}

/**
 * The orders of two captures of one page. A capture whose times say too little (a page that loaded only
 * its first three posts) is listed as the other capture shows the page is: read newest first against an
 * oldest-first capture, every post it shares would seem reversed and the rest dropped.
 */
export function detectOrders(oldPosts: readonly Post[], newPosts: readonly Post[]): { old: PageOrder; new: PageOrder } {
  const old = readOrder(oldPosts);
  const neu = readOrder(newPosts);
  return { old: old ?? neu ?? 'newest-first', new: neu ?? old ?? 'newest-first' };
}

/** Index `i` of a list of `length` seen from its other end. */
export function flip(i: number, length: number, reversed: boolean): number {
  return reversed ? length - 1 - i : i;
}

/**
 * The alignment as if both captures listed their posts newest first (oldest-first captures read from the
 * end): pairs sorted by new index, moves recomputed, unmatched lists ascending.
 */
export function alignmentNewestFirst(
  alignment: Alignment,
  oldLength: number,
  newLength: number,
  reverseOld: boolean,
  reverseNew: boolean,
): Alignment {
  if (!reverseOld && !reverseNew) return alignment;
  const pairs: Pair[] = alignment.pairs
    .map((p) => ({ ...p, old: flip(p.old, oldLength, reverseOld), new: flip(p.new, newLength, reverseNew) }))
    .sort((a, b) => a.new - b.new);
  return {
    pairs,
    unmatchedOld: alignment.unmatchedOld.map((o) => flip(o, oldLength, reverseOld)).sort((a, b) => a - b),
    unmatchedNew: alignment.unmatchedNew.map((n) => flip(n, newLength, reverseNew)).sort((a, b) => a - b),
    moved: findMoved(pairs),
  };
}

/**
 * Which of `alignment.pairs` moved once both captures are read in the same order: a page toggled to
 * oldest first reverses every post, which is not a move of any of them.
 */
export function movedInPageOrder(alignment: Alignment, oldLength: number, newLength: number, orders: { old: PageOrder; new: PageOrder }): Set<number> {
  const reverseOld = orders.old === 'oldest-first';
  const reverseNew = orders.new === 'oldest-first';
  if (reverseOld === reverseNew) return alignment.moved;
  const flipped = alignmentNewestFirst(alignment, oldLength, newLength, reverseOld, reverseNew);
  // Map the flipped pairs' moves back to the original pairs by their new index.
  const movedNew = new Set<number>();
  flipped.pairs.forEach((p, i) => {
    if (flipped.moved.has(i)) movedNew.add(flip(p.new, newLength, reverseNew));
  });
  const moved = new Set<number>();
  alignment.pairs.forEach((p, i) => {
    if (movedNew.has(p.new)) moved.add(i);
  });
  return moved;
}

/**
 * The top post is pinned: older than the post below it (a catch-up or an explainer kept on top of a page
 * listed newest first). Its time says nothing of where the window of newer posts ends.
 */
export function pinnedOnTop(posts: readonly Post[]): boolean {
  const [first, second] = posts;
  return first !== undefined && second !== undefined && first.minutes !== null && second.minutes !== null && first.minutes < second.minutes;
}
