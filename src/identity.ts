// Raw identities of posts: a parser that knows two posts came from the same bytes says so here, and the
// aligner pairs them without reading their text (see docs/ARCHITECTURE.md, "raw identity").
import type { Post } from './model.js';

/** Per posts array: for each post, a number shared by every post parsed from the same raw text. */
const IDENTITIES = new WeakMap<readonly Post[], readonly number[]>();

/** Record that `posts[i]` was parsed from the raw text `identities[i]` stands for. */
export function setRawIdentities(posts: readonly Post[], identities: readonly number[]): void {
  IDENTITIES.set(posts, identities);
}

/** The raw identities of a posts array, or undefined when its parser recorded none (or it was copied). */
export function rawIdentities(posts: readonly Post[]): readonly number[] | undefined {
  return IDENTITIES.get(posts);
}
