// Keys and word sets of a post, for exact identity and for similarity.
import type { Post } from '../model.js';

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-case words of a text (letters and digits), in order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The body as one string: blocks with their markers, one per line. */
export function bodyText(post: Post): string {
  return post.body.map((b) => (b.marker ? `${b.marker} ${b.text}` : b.text)).join('\n');
}

export function captionsText(post: Post): string {
  return post.captions.map((c) => (c.credit === null ? c.text : `${c.text} (${c.credit})`)).join('\n');
}

/** Everything that makes a post what it is; equal keys mean nothing a reader sees differs. */
export function fullKey(post: Post): string {
  return `${post.time}\u0000${post.headline}\u0000${post.byline ?? ''}\u0000${captionsText(post)}\u0000${bodyText(post)}`;
}

/** Every field equal, compared in place (no key string is built). */
export function samePost(a: Post, b: Post): boolean {
  return (
    a.time === b.time &&
    a.headline === b.headline &&
    a.byline === b.byline &&
    // Posts parsed from the same text share their arrays (see parse/text.ts): no need to look inside.
    (a.captions === b.captions ||
      (a.captions.length === b.captions.length &&
        a.captions.every((c, i) => c.text === b.captions[i]!.text && c.credit === b.captions[i]!.credit))) &&
    (a.body === b.body ||
      (a.body.length === b.body.length &&
        a.body.every((x, i) => x.text === b.body[i]!.text && x.marker === b.body[i]!.marker && x.kind === b.body[i]!.kind)))
  );
}

export function timeHeadlineKey(post: Post): string {
  return `${post.time}\u0000${post.headline.toLowerCase()}`;
}

/** The body alone, case-folded; shorter bodies than this say too little to identify a post. */
export const MIN_BODY_KEY_CHARS = 40;

export function bodyKey(post: Post): string | null {
  const text = bodyText(post).toLowerCase();
  return text.length >= MIN_BODY_KEY_CHARS ? text : null;
}

/** Word bigrams of the body and captions, counted: what survives a rewrite of a few words. */
export function shingles(post: Post): Map<string, number> {
  const ws = words(`${captionsText(post)}\n${bodyText(post)}`);
  const counts = new Map<string, number>();
  if (ws.length === 1) counts.set(ws[0]!, 1);
  for (let i = 0; i + 1 < ws.length; i++) {
    const k = `${ws[i]} ${ws[i + 1]}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of two multisets: 1 for equal, 0 for disjoint. */
export function dice(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  for (const n of a.values()) sizeA += n;
  for (const n of b.values()) sizeB += n;
  if (sizeA + sizeB === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [k, n] of small) shared += Math.min(n, large.get(k) ?? 0);
  return (2 * shared) / (sizeA + sizeB);
}

export function wordSet(text: string): Map<string, number> {
  const set = new Map<string, number>();
  for (const w of words(text)) set.set(w, 1);
  return set;
}

/** How often each word occurs in a text. */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}
