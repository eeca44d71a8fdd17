// Posts merged into another: two updates of a developing story folded into one post, the absorbed one gone
// as a post of its own. Its text lives on, so it is no deletion: a `dropped` would accuse the publisher of
// removing what the page still says.
import { proving } from '../align/growth.js';
import { pushTo } from '../arrays.js';
import type { Alignment, Post } from '../model.js';

/**
 * The old posts without a partner that were merged into a new post: every paragraph that can prove it
 * (align/growth.ts) is in that new post and in no other, and the new post did not have them before (they are
 * not in its old version, so it gained them: a post that already quoted the same text proves nothing).
 * Maps the old post's index to the new post's. Only new posts that can have gained text are read: those
 * without a partner and those whose pair is not byte-identical (a text post is parsed when first read).
 */
export function findMerged(oldPosts: readonly Post[], newPosts: readonly Post[], alignment: Alignment): Map<number, number> {
  const merged = new Map<number, number>();
  if (alignment.unmatchedOld.length === 0) return merged;
  const sought = new Map<number, string[]>();
  const wanted = new Set<string>();
  for (const o of alignment.unmatchedOld) {
    const ps = proving(oldPosts[o]!);
    if (ps.length === 0) continue;
    sought.set(o, ps);
    for (const t of ps) wanted.add(t);
  }
  if (sought.size === 0) return merged;
  // Where each wanted paragraph is now, among the new posts that can have gained it; and where it was.
  const partnerOf = new Map<number, number>();
  for (const p of alignment.pairs) if (p.match !== 'identical') partnerOf.set(p.new, p.old);
  const hosts = new Map<string, number[]>();
  const had = new Set<string>();
  const scan = (post: Post, into: (t: string) => void) => {
    for (const b of post.body) if (wanted.has(b.text)) into(b.text);
  };
  for (const n of [...alignment.unmatchedNew, ...partnerOf.keys()]) {
    const seen = new Set<string>();
    scan(newPosts[n]!, (t) => {
      if (!seen.has(t)) pushTo(hosts, t, n);
      seen.add(t);
    });
  }
  for (const o of partnerOf.values()) scan(oldPosts[o]!, (t) => had.add(t));
  const claimed = new Map<string, number>();
  for (const ps of sought.values()) for (const t of ps) claimed.set(t, (claimed.get(t) ?? 0) + 1);
  for (const [o, ps] of sought) {
    const homes = new Set<number>();
    for (const t of ps) {
      const ns = hosts.get(t);
      // Found once, claimed by this old post only, and new to the post that has it.
      homes.add(ns?.length === 1 && claimed.get(t) === 1 && !had.has(t) ? ns[0]! : -1);
    }
    const [n] = homes;
    if (homes.size === 1 && n !== undefined && n >= 0) merged.set(o, n);
  }
  return merged;
}
