// Publisher ids that are not identities: a page that numbers its posts by their place (`entry-1` at the
// top) gives every post below an added or deleted one its neighbour's id. Trusted, the id layer paired each
// post with its neighbour: a deletion reported as every post below it `edited`, the last `out of view`.
import type { Post } from '../model.js';
import { keyOf } from '../parse/post.js';

/**
 * How many posts the ids pair with a post that is not theirs: an id found in both captures on different
 * content, whose new content is, field for field, the content of another old post under another id. A
 * publisher that keeps its ids does not move one post's exact text under another post's id; a page that
 * numbers its posts does so at every post added or deleted above. 0 when the ids can be trusted.
 */
export function shiftedIds(oldPosts: readonly Post[], newPosts: readonly Post[]): number {
  const newById = new Map<string, number>();
  for (let n = 0; n < newPosts.length; n++) {
    const id = newPosts[n]!.id;
    if (id !== null) newById.set(id, newById.has(id) ? -1 : n);
  }
  if (newById.size === 0) return 0;
  let oldByKey: Map<string, number> | null = null;
  let shifted = 0;
  for (let o = 0; o < oldPosts.length; o++) {
    const a = oldPosts[o]!;
    const n = a.id === null ? undefined : newById.get(a.id);
    if (n === undefined || n < 0) continue;
    const b = newPosts[n]!;
    const key = keyOf(b);
    if (keyOf(a) === key) continue;
    // Keyed only once an id pair differs: a page whose ids hold reads no key beyond those pairs.
    if (oldByKey === null) {
      oldByKey = new Map();
      for (let i = 0; i < oldPosts.length; i++) oldByKey.set(keyOf(oldPosts[i]!), i);
    }
    const other = oldByKey.get(key);
    if (other !== undefined && other !== o && oldPosts[other]!.id !== b.id) shifted++;
  }
  return shifted;
}

/** The posts with their ids taken away, for a comparison whose ids say nothing (shiftedIds > 0). */
export function withoutIds(posts: readonly Post[]): Post[] {
  return posts.map((p) => (p.id === null ? p : { ...p, id: null }));
}
