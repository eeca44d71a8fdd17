// Keys and word sets of a post, for exact identity and for similarity.
import type { Post } from '../model.js';
import { hasUnspaced, splitUnspaced } from './tokens.js';

/** Letters and digits; the ASCII ones tried first, which is a third faster on English text. */
const WORD = /(?:[a-z0-9]|[\p{L}\p{N}])+/gu;

/** WORD for text whose only letters and digits are ASCII: the same words, found faster. */
const ASCII_WORD = /[a-z0-9]+/g;

/**
 * Characters beyond ASCII that are neither letters nor digits, common in English text: Latin-1
 * punctuation and symbols (no-break space, «», £, °, ×), general punctuation (curly quotes, dashes,
 * bullets, U+2000–U+206F) and currency signs. Text with no other character beyond ASCII has exactly
 * ASCII_WORD's words (test/align/fingerprint.test.ts checks that none of these is a letter or digit).
 */
export const NOT_WORD_CHARACTERS = '\\u00a0-\\u00a9\\u00ab-\\u00b1\\u00b4\\u00b6-\\u00b8\\u00bb\\u00bf\\u00d7\\u00f7\\u2000-\\u206f\\u20a0-\\u20cf';
const BEYOND_PLAIN = new RegExp(`[^\\x00-\\x7f${NOT_WORD_CHARACTERS}]`);

/** Lower-case words of a text (letters and digits), in order. */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  if (!BEYOND_PLAIN.test(lower)) return lower.match(ASCII_WORD) ?? [];
  const ws = lower.match(WORD) ?? [];
  return hasUnspaced(lower) ? splitUnspaced(ws) : ws; // align/tokens.ts: Chinese, Thai… have no spaces
}

/** The body as one string: blocks with their markers, one per line. */
export function bodyText(post: Post): string {
  return post.body.map((b) => (b.marker ? `${b.marker} ${b.text}` : b.text)).join('\n');
}

export function captionsText(post: Post): string {
  return post.captions.map((c) => (c.credit === null ? c.text : `${c.text} (${c.credit})`)).join('\n');
}

/** Every field equal, compared in place (no key string is built). */
export function samePost(a: Post, b: Post): boolean {
  return (
    a.time === b.time &&
    a.headline === b.headline &&
    a.byline === b.byline &&
    // Posts parsed from the same bytes by one reader share their arrays (parse/chunks.ts): no need to look inside.
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

/**
 * Words as small integers (from 1), for one comparison: word pairs become numbers, and word multisets
 * sorted arrays that are compared in one pass. Cheaper than maps of strings, which matters in a run of
 * a few hundred milliseconds where most code never gets optimised.
 */
export class Vocabulary {
  readonly #ids = new Map<string, number>();

  id(word: string): number {
    let id = this.#ids.get(word);
    if (id === undefined) {
      id = this.#ids.size + 1;
      this.#ids.set(word, id);
    }
    return id;
  }
}

/** Word pairs are coded first * 2^26 + second: above every single word's code, exact in a double. */
const PAIR = 2 ** 26;

/** Word bigrams of the body and captions, sorted (a multiset): what survives a rewrite of a few words. */
export function shingles(post: Post, vocabulary: Vocabulary): Float64Array {
  const ws = words(`${captionsText(post)}\n${bodyText(post)}`);
  if (ws.length === 1) return Float64Array.of(vocabulary.id(ws[0]!));
  const codes = new Float64Array(Math.max(0, ws.length - 1));
  let previous = ws.length > 0 ? vocabulary.id(ws[0]!) : 0;
  for (let i = 1; i < ws.length; i++) {
    const id = vocabulary.id(ws[i]!);
    codes[i - 1] = previous * PAIR + id;
    previous = id;
  }
  return codes.sort();
}

/** The distinct words of a text, sorted. */
export function wordSet(text: string, vocabulary: Vocabulary): Float64Array {
  const codes = wordBag(text, vocabulary);
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[i - 1]) codes[n++] = codes[i]!;
  return codes.subarray(0, n);
}

/** The words of a text with repeats, sorted (a multiset). */
export function wordBag(text: string, vocabulary: Vocabulary): Float64Array {
  const ws = words(text);
  const codes = new Float64Array(ws.length);
  for (let i = 0; i < ws.length; i++) codes[i] = vocabulary.id(ws[i]!);
  return codes.sort();
}

/**
 * Dice coefficient of two sorted multisets: 1 for equal (or both empty), 0 for disjoint. A caller that
 * only needs to know whether it reaches `atLeast` gets 0 as soon as the rest of the arrays cannot: most
 * pairs scored are unrelated, and their merge stops early.
 */
export function dice(a: Float64Array, b: Float64Array, atLeast = 0): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  // Shared elements needed to reach atLeast, a hair under it so that rounding never drops a pair at it.
  const needed = (atLeast * total) / 2 - 1e-9;
  if (Math.min(a.length, b.length) < needed) return 0;
  const shared = sharedCount(a, b, needed);
  return shared < 0 ? 0 : (2 * shared) / total;
}

/**
 * How many elements two sorted multisets share, or -1 as soon as the rest of the arrays cannot bring it to
 * `needed` (by default it always counts to the end).
 */
export function sharedCount(a: Float64Array, b: Float64Array, needed = -1): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else {
      if (a[i]! < b[j]!) i++;
      else j++;
      if (shared + Math.min(a.length - i, b.length - j) < needed) return -1;
    }
  }
  return shared;
}
