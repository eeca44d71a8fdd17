// Keys and word sets of a post, for exact identity and for similarity.
import type { Post } from '../model.js';
import { Hash64 } from '../parse/hash.js';
import { slotIn } from './postings.js';
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

/**
 * Plain text: ASCII, and beyond it only NOT_WORD_CHARACTERS, which have no case. Its words are the runs of
 * ASCII letters and digits, in either case, so that they can be found and counted in place.
 */
export function isPlain(text: string): boolean {
  return !BEYOND_PLAIN.test(text);
}

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
 * bodyKey's text as a 64-bit hash, made without joining or lower-casing a copy of the body: the aligner's
 * body layer keys every unpaired post of both sides by it (on 5,000 edited posts the keys were 45 MB of
 * copies, and the map hashed every one whole). Equal bodyKeys give equal hashes: each block is lower-cased
 * alone, which is lower-casing the joined text (the one mapping that looks at its neighbours, a final
 * sigma, stops at the space or line break around a block). Pairs are confirmed by `sameBody`.
 */
export function bodyHash(post: Post): string | null {
  const hash = new Hash64();
  let length = 0;
  for (let i = 0; i < post.body.length; i++) {
    const b = post.body[i]!;
    if (i > 0) length += hash.feed('\n');
    if (b.marker) length += hash.feedLower(b.marker) + hash.feed(' ');
    length += hash.feedLower(b.text);
  }
  return length >= MIN_BODY_KEY_CHARS ? hash.digest() : null;
}

/** Equal bodyKeys (what two equal bodyHashes almost always mean). */
export function sameBody(a: Post, b: Post): boolean {
  return bodyKey(a) === bodyKey(b);
}

/**
 * Words as numbers, for similarity: word multisets become sorted arrays of numbers compared in one pass,
 * word pairs single numbers. A word's code is a 53-bit hash of its characters (two 32-bit multiplicative
 * hashes), so that no table of words is kept or looked up: on 5,000 edited posts the lookups in a Map of
 * two million words cost more than finding the words. Two words share a code with a chance of 2^-53 a
 * pair; the most a collision can do is raise a similarity score by one shared word.
 */
const HASH1 = 2654435761;
const HASH2 = 1597334677;
/** The low 21 bits of the second hash go below the first's 32: a code is an integer below 2^53. */
const LOW = 2 ** 21;

const SEED1 = 0x2f1e3d4c;
const SEED2 = 0x7a6b5c4d;

function code53(h1: number, h2: number): number {
  return (h1 >>> 0) * LOW + (h2 >>> 11);
}

/** A word pair's code, from the two words' hashes: not the same as the pair the other way round. */
function pairCode(a1: number, a2: number, b1: number, b2: number): number {
  let x1 = Math.imul(a1 ^ Math.imul(b1, 0x9e3779b1), 0x85ebca6b);
  x1 ^= x1 >>> 15;
  let x2 = Math.imul(a2 ^ Math.imul(b2, 0xc2b2ae35), 0x27d4eb2f);
  x2 ^= x2 >>> 13;
  return code53(x1, x2);
}

/**
 * The two hashes of each word of texts in turn (as one text with a line between each two), in order, in
 * a buffer shared by every call (read before the next call: making a typed array per call cost more than
 * the hashing). Plain text (ASCII letters and digits among punctuation, see BEYOND_PLAIN) is read
 * character by character, without making a string of each word; other text goes through words(), the
 * definition.
 */
const SCRATCH = 4096;
let hashes = new Int32Array(SCRATCH);
let hashCount = 0;

function growHashes(): void {
  const grown = new Int32Array(hashes.length * 2);
  grown.set(hashes);
  hashes = grown;
}

function pushHash(h1: number, h2: number): void {
  if (2 * hashCount + 2 > hashes.length) growHashes();
  hashes[2 * hashCount] = h1;
  hashes[2 * hashCount + 1] = h2;
  hashCount++;
}

/**
 * Word hashes of plain texts already read (two numbers a word, as in `hashes`), by text: a caller that reads
 * the same texts more than once (the similarity stage: an edited post's unchanged paragraphs, in both
 * captures) holds one and drops it when done.
 */
export type HashMemo = Map<string, Int32Array>;

/** Texts shorter than this are hashed again rather than looked up: the lookup costs as much. */
const MIN_MEMO_LENGTH = 64;

/** Hash the words of `texts` into `hashes`; returns how many. With `remember` false, the memo is only read. */
function hashWords(texts: readonly string[], memo?: HashMemo, remember = true): number {
  hashCount = 0;
  if (hashes.length > 16 * SCRATCH) hashes = new Int32Array(SCRATCH); // a huge post's buffer is not kept
  if (texts.some((t) => BEYOND_PLAIN.test(t))) {
    for (const word of words(texts.join('\n'))) {
      let h1 = SEED1;
      let h2 = SEED2;
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, HASH1);
        h2 = Math.imul(h2 ^ c, HASH2);
      }
      pushHash(h1, h2);
    }
  } else {
    for (const text of texts) {
      if (memo === undefined || text.length < MIN_MEMO_LENGTH) hashPlain(text);
      else hashRemembered(text, memo, remember);
    }
  }
  return hashCount;
}

/** hashPlain(text) through the memo: copied from it when read before, else hashed (and kept if `remember`). */
function hashRemembered(text: string, memo: HashMemo, remember: boolean): void {
  const known = memo.get(text);
  if (known === undefined) {
    const from = hashCount;
    hashPlain(text);
    if (remember) memo.set(text, hashes.slice(2 * from, 2 * hashCount));
    return;
  }
  while (2 * hashCount + known.length > hashes.length) growHashes();
  hashes.set(known, 2 * hashCount);
  hashCount += known.length / 2;
}

/** ASCII_WORD's words of a plain text, lower-cased as they are read, hashed as hashWords does. */
function hashPlain(text: string): void {
  let inWord = false;
  let h1 = 0;
  let h2 = 0;
  for (let i = 0; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (!inWord) {
        inWord = true;
        h1 = SEED1;
        h2 = SEED2;
      }
      h1 = Math.imul(h1 ^ c, HASH1);
      h2 = Math.imul(h2 ^ c, HASH2);
    } else if (inWord) {
      inWord = false;
      pushHash(h1, h2);
    }
  }
}

/** The texts a post's shingles are made of, in the order captionsText and bodyText join them. */
function shingleTexts(post: Post): string[] {
  const texts: string[] = [];
  for (const c of post.captions) {
    texts.push(c.text);
    if (c.credit !== null) texts.push(c.credit);
  }
  for (const b of post.body) {
    if (b.marker) texts.push(b.marker);
    texts.push(b.text);
  }
  return texts;
}

/**
 * Word bigrams of the body and captions, sorted (a multiset): what survives a rewrite of a few words. With
 * a memo, texts read before are not hashed again, and texts read now are remembered unless `remember` is
 * false.
 */
export function shingles(post: Post, memo?: HashMemo, remember = true): Float64Array {
  const count = hashWords(shingleTexts(post), memo, remember);
  const h = hashes;
  if (count === 1) return Float64Array.of(code53(h[0]!, h[1]!));
  const codes = new Float64Array(Math.max(0, count - 1));
  for (let i = 1; i < count; i++) codes[i - 1] = pairCode(h[2 * i - 2]!, h[2 * i - 1]!, h[2 * i]!, h[2 * i + 1]!);
  return codes.sort();
}

/** The distinct words of a text, sorted. */
export function wordSet(text: string): Float64Array {
  const codes = wordBag(text);
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[i - 1]) codes[n++] = codes[i]!;
  return codes.subarray(0, n);
}

/** The words of a text with repeats, sorted (a multiset). */
export function wordBag(text: string): Float64Array {
  const count = hashWords([text]);
  const codes = new Float64Array(count);
  for (let i = 0; i < count; i++) codes[i] = code53(hashes[2 * i]!, hashes[2 * i + 1]!);
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

/** What two texts' word multisets have in common (bagOverlap). */
export interface Overlap {
  /** Words of the first text, of the second, and how many they share (with repeats, as sharedCount counts). */
  sizeA: number;
  sizeB: number;
  shared: number;
}

/** Open-addressing table of word codes with their counts, reused by every bagOverlap call. */
let tableCodes = new Float64Array(256);
let tableCounts = new Int32Array(256);

/**
 * sharedCount(wordBag(a), wordBag(b)) and the two bags' sizes, through a table of a's words and their
 * counts rather than two sorted bags: sorting a short bag costs more than hashing its words (a paragraph
 * pair scored once in block pairing pays for two sorts and uses them once).
 */
export function bagOverlap(a: string, b: string): Overlap {
  const sizeA = hashWords([a]);
  let size = 16;
  while (size < 2 * sizeA) size *= 2;
  if (tableCodes.length < size) {
    tableCodes = new Float64Array(size);
    tableCounts = new Int32Array(size);
  } else if (tableCodes.length > 16 * size && tableCodes.length > 4096) {
    // A huge text's table is not kept for the many short ones after it.
    tableCodes = new Float64Array(Math.max(256, size));
    tableCounts = new Int32Array(Math.max(256, size));
  }
  const mask = size - 1;
  tableCodes.fill(NaN, 0, size);
  tableCounts.fill(0, 0, size);
  for (let i = 0; i < sizeA; i++) {
    const code = code53(hashes[2 * i]!, hashes[2 * i + 1]!);
    const slot = slotIn(tableCodes, code, mask);
    tableCodes[slot] = code;
    tableCounts[slot]!++;
  }
  const sizeB = hashWords([b]);
  let shared = 0;
  for (let i = 0; i < sizeB; i++) {
    const slot = slotIn(tableCodes, code53(hashes[2 * i]!, hashes[2 * i + 1]!), mask);
    if (tableCounts[slot]! > 0) {
      tableCounts[slot]!--;
      shared++;
    }
  }
  return { sizeA, sizeB, shared };
}
