// Posts that grew: a developing story updated, re-headlined and bumped to the top keeps what it said word
// for word and adds to it. The similarity score counts every added word against the pair (its Dice
// coefficient halves when the post triples), so such a post read as dropped, and its new version as added.
// Run after similarity, on the posts still free: an old post whose every paragraph is found, word for word,
// in one new post, and in no other free post of either side, is that post grown.
import { pushTo } from '../arrays.js';
import type { Post } from '../model.js';
import { dice, wordSet } from './fingerprint.js';
import type { AlignOptions } from './options.js';
import { idsDiffer, similarity } from './similarity.js';
import { free, newPair, type State, take } from './state.js';

/** Shorter paragraphs ("Read more.", "Watch:") prove nothing; a post needs at least one longer to be found. */
export const MIN_GROWN_PARAGRAPH = 40;

/**
 * A paragraph reworded in a word or two as the story developed (`Explosions were heard` → `Several
 * explosions were heard`, `mayor` → `acting mayor`) still proves the post: word sets this alike (Dice).
 */
export const MIN_REWORDED_PARAGRAPH = 0.8;

/**
 * How many paragraph comparisons the search for reworded paragraphs may make: exact paragraphs are looked
 * up, reworded ones compared with every free new post's paragraphs, so a page of thousands of free posts
 * stops here and keeps the exact ones only.
 */
export const MAX_REWORDED_COMPARISONS = 200_000;

/** The paragraphs of a post that can prove it, distinct (classify/merged.ts reads them too). */
export function proving(post: Post): string[] {
  return [...new Set(post.body.map((b) => b.text).filter((t) => t.length >= MIN_GROWN_PARAGRAPH))];
}

/**
 * Publisher ids that differ keep two posts apart (similarity.ts), unless the new post has the old one's
 * time and headline too: a feed that puts the revision in the guid (`p-104` → `p-104-r2`) when it appends
 * a correction. Then it is that post, its id changed.
 */
function reissued(a: Post, b: Post): boolean {
  return idsDiffer(a, b) && (a.time !== b.time || a.headline !== b.headline);
}

/** Pair free old posts with the free new post that contains all their paragraphs (mutates `state`). */
export function matchGrown(state: State, opts: AlignOptions): void {
  const oldFree = free(state.oldTaken);
  const newFree = free(state.newTaken);
  if (oldFree.length === 0 || newFree.length === 0) return;
  // Which free new posts have each paragraph, and how many free old posts have it.
  const inNew = new Map<string, number[]>();
  for (const n of newFree) for (const t of proving(state.newPosts[n]!)) pushTo(inNew, t, n);
  const oldPhrases = new Map(oldFree.map((o) => [o, proving(state.oldPosts[o]!)]));
  const inOld = new Map<string, number>();
  for (const ps of oldPhrases.values()) for (const t of ps) inOld.set(t, (inOld.get(t) ?? 0) + 1);
  const reworded = rewordedHomes(oldPhrases, inNew);
  // Each new post's claimants: an old post found whole in it, its paragraphs in no other free post.
  const claims = new Map<number, number[]>();
  for (const [o, ps] of oldPhrases) {
    if (ps.length === 0) continue;
    const homes = new Set<number>();
    for (const t of ps) {
      const ns = inNew.get(t) ?? reworded.get(t);
      if (ns === undefined || ns.length !== 1 || inOld.get(t) !== 1) homes.add(-1);
      else homes.add(ns[0]!);
    }
    const [n] = homes;
    if (homes.size !== 1 || n === undefined || n < 0 || reissued(state.oldPosts[o]!, state.newPosts[n]!)) continue;
    pushTo(claims, n, o);
  }
  // A new post found to contain two old posts (two merged) is left: which one it continues is not known.
  let quoted: ((n: number, o: number) => boolean) | null = null;
  for (const [n, os] of claims) {
    if (os.length !== 1) continue;
    const o = os[0]!;
    quoted ??= quotesAnother(state);
    if (quoted(n, o)) continue;
    take(state, newPair(o, n, 'grown', similarity(state.oldPosts[o]!, state.newPosts[n]!, opts)));
  }
}

/**
 * Whether new post `n`, beyond old post `o`'s paragraphs, has one that is another post's: a recap
 * ("the morning so far") quoting several posts, not `o` grown. Another post's: a paragraph of exactly one
 * other post of a capture (one in several is boilerplate, a sign-off or a disclaimer, and proves nothing).
 * A red-team pass: a recap quoting a post that had scrolled out of view was paired with it as grown, and
 * the recap was not `added`. Built on the first claim: it reads every post of both captures.
 */
function quotesAnother(state: State): (n: number, o: number) => boolean {
  const owners = (posts: readonly Post[]) => {
    const by = new Map<string, number>();
    posts.forEach((p, i) => {
      for (const t of proving(p)) by.set(t, by.has(t) ? -1 : i);
    });
    return by;
  };
  const inOld = owners(state.oldPosts);
  const inNew = owners(state.newPosts);
  return (n, o) => {
    const own = new Set(proving(state.oldPosts[o]!));
    return proving(state.newPosts[n]!).some((t) => {
      if (own.has(t)) return false;
      const a = inOld.get(t);
      const b = inNew.get(t);
      return (a !== undefined && a >= 0 && a !== o) || (b !== undefined && b >= 0 && b !== n);
    });
  };
}

/**
 * For old paragraphs found nowhere word for word: the free new posts with a paragraph reworded from it
 * (MIN_REWORDED_PARAGRAPH), each post once. Nothing when the comparisons would exceed the bound.
 */
function rewordedHomes(oldPhrases: ReadonlyMap<number, string[]>, inNew: ReadonlyMap<string, number[]>): Map<string, number[]> {
  const homes = new Map<string, number[]>();
  const sought = [...new Set([...oldPhrases.values()].flat().filter((t) => !inNew.has(t)))];
  if (sought.length === 0 || sought.length * inNew.size > MAX_REWORDED_COMPARISONS) return homes;
  // Word sets as sorted codes (fingerprint.ts): compared in one merge that stops once it cannot reach the bar.
  const newWords = [...inNew].map(([t, ns]) => ({ set: wordSet(t), ns }));
  for (const t of sought) {
    const set = wordSet(t);
    if (set.length === 0) continue;
    const found = new Set<number>();
    for (const cand of newWords) {
      if (cand.set.length > 0 && dice(set, cand.set, MIN_REWORDED_PARAGRAPH) >= MIN_REWORDED_PARAGRAPH) for (const n of cand.ns) found.add(n);
    }
    if (found.size > 0) homes.set(t, [...found]);
  }
  return homes;
}
