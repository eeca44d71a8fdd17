// Which paired posts moved: those outside the longest run that kept its relative order (O(n log n)).
import type { Pair } from '../model.js';

/**
 * `pairs` sorted by new index. Returns the indices (into `pairs`) of the pairs that are not part of a
 * longest increasing subsequence of old indices: the fewest posts whose moving explains the new order.
 */
export function findMoved(pairs: readonly Pair[]): Set<number> {
  const tails: number[] = []; // tails[k]: index into pairs of the smallest tail of an increasing run of length k+1
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let i = 0; i < pairs.length; i++) {
    const value = pairs[i]!.old;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]!.old < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  // Marks, not a set: almost every pair is kept, and a large page has thousands.
  const kept = new Uint8Array(pairs.length);
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) kept[i] = 1;
  const moved = new Set<number>();
  for (let i = 0; i < pairs.length; i++) if (kept[i] === 0) moved.add(i);
  return moved;
}
