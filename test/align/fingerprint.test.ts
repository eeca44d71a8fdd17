// The word sets behind similarity: words() and dice(), including their shortcuts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bagOverlap, bodyHash, bodyKey, bodyText, captionsText, dice, isPlain, NOT_WORD_CHARACTERS, sharedCount, shingles, wordBag, words } from '../../src/align/fingerprint.js';
import type { Post } from '../../src/model.js';
import { hasUnspacedLetter, MAYBE_UNSPACED, splitUnspaced } from '../../src/align/tokens.js';
import { FUZZ_RUNS } from '../helpers/arbitraries.js';

/** A sorted multiset of codes, as wordBag makes them (small ones here, so that they repeat). */
const bag = fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 30 }).map((xs) => Float64Array.from(xs).sort());

/** Dice by counting, the definition. */
function diceByCounting(a: Float64Array, b: Float64Array): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Map<number, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let shared = 0;
  for (const x of b) {
    const c = counts.get(x) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(x, c - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

describe('dice', () => {
  it('is the Dice coefficient of two multisets', () => {
    fc.assert(
      fc.property(bag, bag, (a, b) => {
        expect(dice(a, b)).toBeCloseTo(diceByCounting(a, b), 12);
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
  });

  it('with a floor, is exact at or above it and below it otherwise', () => {
    fc.assert(
      fc.property(bag, bag, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, floor) => {
        const exact = diceByCounting(a, b);
        const got = dice(a, b, floor);
        if (exact >= floor) expect(got).toBeCloseTo(exact, 12);
        else expect(got).toBeLessThan(floor);
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
  });

  it('keeps a pair exactly at the floor', () => {
    const a = Float64Array.of(1, 2, 3, 4, 5);
    const b = Float64Array.of(1, 2, 3, 7, 8);
    expect(dice(a, b, 0.6)).toBe(0.6);
  });
});

describe('words', () => {
  it('finds the same words in ASCII text as the Unicode expression does', () => {
    const unicode = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (text) => {
        expect(words(text)).toEqual(unicode(text));
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
    expect(words('Zelensky’s café, 2023: KYIV')).toEqual(['zelensky', 's', 'café', '2023', 'kyiv']);
    expect(words('\u212Aelvin')).toEqual(['kelvin']);
  });

  it('takes the ASCII shortcut only past characters that are neither letters nor digits', () => {
    const shortcut = new RegExp(`[${NOT_WORD_CHARACTERS}]`);
    const letterOrDigit = /[\p{L}\p{N}]/u;
    const wrong: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (shortcut.test(ch) && (letterOrDigit.test(ch) || letterOrDigit.test(ch.toLowerCase()))) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('calls plain only text whose words are its runs of ASCII letters and digits, in either case', () => {
    // What counting and cutting plain text in place rely on (classify/text-diff.ts): a plain character
    // beyond ASCII is no letter or digit and has no case.
    const letterOrDigit = /[\p{L}\p{N}]/u;
    const wrong: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isPlain(ch) && (letterOrDigit.test(ch) || ch.toLowerCase() !== ch || ch.toUpperCase() !== ch)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(isPlain('“Zelensky’s” £5 — 2×2…')).toBe(true);
    expect(['café', '\u212Aelvin', 'ΑΣ', '中文', '\ud840\udc00'].filter(isPlain)).toEqual([]);
  });

  it('finds the same words in any text as the definition does', () => {
    // The definition: Unicode letters and digits, lower-cased, unspaced scripts split (align/tokens.ts).
    const definition = (text: string) => {
      const ws = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      return hasUnspacedLetter(text.toLowerCase()) ? splitUnspaced(ws) : ws;
    };
    const alphabet = fc.constantFrom(...'ab Z9.,\n', '\u00a0', '\u00ab', '\u00b2', '\u00b5', '\u00e9', '\u00c9', '\u2019', '\u2014', '\u20ac', '\u2070', '\u0130', '\u03a3', '\u4e2d', '\u56fd', '\u0e01', '\ud840\udc00', '\u3042');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')), (text) => {
        expect(words(text)).toEqual(definition(text));
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
  });
});

describe('unspaced scripts', () => {
  it('are found within the cheap class that is tested first', () => {
    const missed: string[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (hasUnspacedLetter(ch) && !MAYBE_UNSPACED.test(ch)) missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
  });
});

describe('word codes', () => {
  const sorted = (xs: Iterable<number>) => Float64Array.from(xs).sort();
  // Any ASCII (every letter in both cases) among the punctuation the plain path reads past.
  const bit = fc.oneof(fc.constantFrom('a', 'b', 'Cat', '7', ' ', '.', '(', '\u2019', '\u00a0', '\u00b2', 'z1', 'AZaz09'), fc.string({ unit: 'binary-ascii', maxLength: 6 }));
  const piece = fc.array(bit, { maxLength: 12 }).map((cs) => cs.join(''));

  it('are the same read character by character as through words()', () => {
    // é takes wordBag through words(); alone, it is the code of that one word.
    const accent = wordBag('\u00e9');
    fc.assert(
      fc.property(piece, (text) => {
        expect(wordBag(`${text} \u00e9`)).toEqual(sorted([...wordBag(text), ...accent]));
        expect(wordBag(text).length).toBe(words(text).length);
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
  });

  it('give a post the shingles of its captions and body joined as one text', () => {
    const caption = fc.record({ text: piece, credit: fc.option(piece, { nil: null }) });
    const block = fc.record({ kind: fc.constant('paragraph' as const), marker: fc.constantFrom('', '\u2022', '3.'), text: piece });
    fc.assert(
      fc.property(fc.array(caption, { maxLength: 3 }), fc.array(block, { maxLength: 4 }), fc.boolean(), (captions, body, accent) => {
        const post = { headline: '', captions, body: accent ? [...body, { kind: 'paragraph', marker: '', text: '\u00e9t\u00e9' }] : body } as unknown as Post;
        const joined = { headline: '', captions: [], body: [{ kind: 'paragraph', marker: '', text: `${captionsText(post)}\n${bodyText(post)}` }] } as unknown as Post;
        expect(shingles(post)).toEqual(shingles(joined));
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
  });

  it('are the same read through a memo of texts read before', () => {
    // Texts long enough to be remembered, drawn from a few so that they repeat across posts, some not plain.
    const long = fc.array(piece, { minLength: 6, maxLength: 14 }).map((ps) => ps.join(' '));
    const texts = fc.array(fc.oneof(long, fc.constant('caf\u00e9 society, said the caf\u00e9 owner, from the caf\u00e9 door.')), { minLength: 1, maxLength: 4 });
    const bodies = fc.array(fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '\u2022')), { maxLength: 4 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(texts, bodies, (ts, posts) => {
        const memo = new Map<string, Int32Array>();
        for (const blocks of posts) {
          const body = blocks.map(([i, marker]) => ({ kind: 'paragraph', marker, text: ts[i % ts.length]! }));
          const post = { headline: '', captions: [], body } as unknown as Post;
          expect(shingles(post, memo)).toEqual(shingles(post));
        }
      }),
      { numRuns: FUZZ_RUNS * 5 },
    );
  });

  it('are the same through a memo when plain texts are kept and read back', () => {
    // Plain texts only (any other character takes the post past the memo), each long enough to be kept.
    const word = fc.constantFrom('cat', 'Dog', 'sat', 'on', 'the', 'mat', '7', 'z1', 'AZaz09');
    const plain = fc.array(word, { minLength: 14, maxLength: 30 }).map((ws) => `${ws.join(' ')}.`);
    const posts = fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(plain, { minLength: 2, maxLength: 5 }), posts, (ts, picks) => {
        const memo = new Map<string, Int32Array>();
        for (const pick of picks) {
          const post = { headline: '', captions: [], body: pick.map((i) => ({ kind: 'paragraph', marker: '', text: ts[i % ts.length]! })) } as unknown as Post;
          expect(shingles(post, memo)).toEqual(shingles(post));
        }
      }),
      { numRuns: FUZZ_RUNS * 5 },
    );
  });

  it('tell word pairs apart from the same pair the other way round', () => {
    expect(shingles({ captions: [], body: [{ kind: 'paragraph', marker: '', text: 'cat dog' }] } as unknown as Post)).not.toEqual(
      shingles({ captions: [], body: [{ kind: 'paragraph', marker: '', text: 'dog cat' }] } as unknown as Post),
    );
  });
});

describe('bagOverlap', () => {
  it('is the bags and sharedCount of wordBag, whatever the repeats and table sizes', () => {
    // Few distinct words, many repeats: probe chains cross slots whose counts reached zero.
    const word = fc.constantFrom('a', 'b', 'c', 'the', 'The', 'x1', 'é', 'ΑΣ', '中文', 'w9', 'zz');
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', ', ', '\n')), { maxLength: 120 }).map((ws) => ws.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [x, y] = [wordBag(a), wordBag(b)];
        expect(bagOverlap(a, b)).toEqual({ sizeA: x.length, sizeB: y.length, shared: sharedCount(x, y) });
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
    // A large text then a small one: the table is reset, not left with the large one's words.
    const big = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
    expect(bagOverlap(big, big).shared).toBe(5000);
    expect(bagOverlap('w1 w2', 'w2 w3')).toEqual({ sizeA: 2, sizeB: 2, shared: 1 });
  });
});

describe('bodyHash', () => {
  /** Characters that make lower-casing hard: ASCII capitals, a final sigma, İ (two code units once lower), spacing. */
  const chars = fc.constantFrom('a', 'A', 'b', 'B', ' ', '1', '.', 'Σ', 'σ', 'ς', 'Ο', 'İ', 'i', '\u0307', 'é', 'É');
  const text = fc.array(chars, { maxLength: 14 }).map((cs) => cs.join(''));
  const block = fc.record({ kind: fc.constantFrom('paragraph', 'bullet', 'numbered'), marker: fc.constantFrom('', '•', '1.', 'A', 'Σ'), text });
  const post = fc.array(block, { maxLength: 4 }).map((body) => ({ headline: '', captions: [], body }) as unknown as Post);

  /** The post again with some blocks' text and markers in another case: often the same bodyKey, not always (Σ, İ). */
  const recased = (p: Post, flips: boolean[]) =>
    ({
      ...p,
      body: p.body.map((b, i) => (flips[i] ? { ...b, marker: b.marker.toUpperCase(), text: b.text.toUpperCase() } : { ...b, text: b.text.toLowerCase() })),
    }) as Post;
  const pair = fc.oneof(
    fc.tuple(post, post),
    fc.tuple(post, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 })).map(([p, flips]) => [p, recased(p, flips)] as const),
  );

  it('is equal for two posts exactly when bodyKey is, and null exactly when it is', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(bodyHash(a) === null).toBe(bodyKey(a) === null);
        if (bodyKey(a) !== null && bodyKey(b) !== null) expect(bodyHash(a) === bodyHash(b)).toBe(bodyKey(a) === bodyKey(b));
      }),
      { numRuns: FUZZ_RUNS * 50 },
    );
  });

  it('pairs bodies that differ in case, and keeps apart a marker and the same text without it', () => {
    const body = (...blocks: Array<[string, string]>) => ({ body: blocks.map(([marker, text]) => ({ kind: 'paragraph', marker, text })) }) as unknown as Post;
    const long = 'ΟΔΟΣ closed after the İstanbul talks; ministers met';
    expect(bodyHash(body(['', long]))).toBe(bodyHash(body(['', long.toLowerCase()])));
    expect(bodyHash(body(['•', long]))).not.toBe(bodyHash(body(['', long])));
    expect(bodyHash(body(['', long], ['', 'b']))).not.toBe(bodyHash(body(['', `${long} b`])));
    expect(bodyHash(body(['', 'short']))).toBeNull();
  });
});
