// Slots: the gaps between the pairs that kept their order (the anchors). A post rewritten or edited where
// it stood is still in the same gap on both sides, near the same rank: the rewrite-in-place stage
// (rewrites.ts) and the similarity stage's last pass (similarity.ts matchByPlace) compare the free posts
// of one slot, not every old with every new.
import { pushTo } from '../arrays.js';
import type { Pair } from '../model.js';
import { findMoved } from './moves.js';
import { inNewOrder, type State } from './state.js';

/** Every old post of a slot meets every new one up to this many pairs in the slot. */
export const MAX_SLOT_PAIRS = 4096;
/** Past MAX_SLOT_PAIRS, how far from its rank (from the slot's top and from its bottom) an old post looks. */
export const SLOT_RANK_WINDOW = 8;

/** The anchors, the slot of each old post, and the free posts of each side by slot. */
export interface Slots {
  /** The pairs that kept their order (not moved), in new order. */
  anchors: Pair[];
  /** Each free old post's slot: the anchors above and below it, by their index in `anchors` (-1: an edge). */
  oldSlots: Array<[number, number]>;
  /** The free old and new posts by slot, each slot's in page order. */
  oldBySlot: Map<string, number[]>;
  newBySlot: Map<string, number[]>;
}

/** The slots of `state`'s pairs so far, holding the free posts `oldFree` and `newFree`. */
export function freeBySlot(state: State, oldFree: readonly number[], newFree: readonly number[]): Slots {
  const anchors = anchorsOf(state);
  const oldSlots = slotsOf(state.oldPosts.length, anchors, 'old', oldFree);
  const newSlots = slotsOf(state.newPosts.length, anchors, 'new', newFree);
  return { anchors, oldSlots, oldBySlot: bySlot(oldFree, oldSlots), newBySlot: bySlot(newFree, newSlots) };
}

/**
 * The pairs that kept their order (not moved), in new order: made once for the pairs so far and kept in
 * `state` until a pair is added (pairs are only ever added). The similarity stage's pass by place and
 * the rewrite stage after it most often see the same pairs.
 */
export function anchorsOf(state: State): Pair[] {
  if (state.anchors?.count === state.pairs.length) return state.anchors.list;
  const sorted = inNewOrder(state.pairs, state.newPosts.length);
  const moved = findMoved(sorted);
  const list = sorted.filter((_, i) => !moved.has(i));
  state.anchors = { count: state.pairs.length, list };
  return list;
}

/**
 * For each of `indices` (free posts, in page order): the slot it sits in, as the anchored (non-moved)
 * pair above and below it, named by that pair's index in `anchors` (-1: the edge of the capture); other
 * indices have none (a page of thousands of posts has a few dozen free). `side` picks the pairs' old or
 * new index.
 */
function slotsOf(length: number, anchors: readonly Pair[], side: 'old' | 'new', indices: readonly number[]): Array<[number, number]> {
  const at = new Int32Array(length).fill(-1);
  for (let a = 0; a < anchors.length; a++) at[anchors[a]![side]] = a;
  const slot: Array<[number, number]> = new Array(length);
  let above = -1;
  let i = 0;
  for (const k of indices) {
    for (; i <= k; i++) if (at[i]! >= 0) above = at[i]!;
    slot[k] = [above, -1];
  }
  let below = -1;
  i = length - 1;
  for (let j = indices.length - 1; j >= 0; j--) {
    const k = indices[j]!;
    for (; i >= k; i--) if (at[i]! >= 0) below = at[i]!;
    slot[k]![1] = below;
  }
  return slot;
}

/** Posts by the slot they sit in (named by its two anchors), each slot's in page order. */
function bySlot(indices: readonly number[], slots: ReadonlyArray<[number, number]>): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const i of indices) {
    const [above, below] = slots[i]!;
    pushTo(groups, `${above},${below}`, i);
  }
  return groups;
}

/**
 * The old and new posts of one slot to compare, each list in page order. Every pair up to
 * MAX_SLOT_PAIRS. Past it, for a slot where most of a page changed, each old post meets only the new posts
 * near its own rank, counted from the slot's top and from its bottom. A post rewritten in place keeps its
 * position, give or take the posts added or dropped around it. Pairing all of them made the rewrite stage
 * quadratic: one post kept and 2,000 others replaced, all in one minute, took 9.8 s.
 */
export function slotCandidates(olds: readonly number[], news: readonly number[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  if (olds.length * news.length <= MAX_SLOT_PAIRS) {
    for (const o of olds) for (const n of news) pairs.push([o, n]);
    return pairs;
  }
  const near = new Set<number>();
  olds.forEach((o, rank) => {
    near.clear();
    const fromBottom = news.length - (olds.length - rank);
    for (const centre of [rank, fromBottom]) {
      for (let j = Math.max(0, centre - SLOT_RANK_WINDOW); j <= Math.min(news.length - 1, centre + SLOT_RANK_WINDOW); j++) near.add(j);
    }
    for (const j of [...near].sort((x, y) => x - y)) pairs.push([o, news[j]!]);
  });
  return pairs;
}
