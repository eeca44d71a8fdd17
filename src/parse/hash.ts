// The 64-bit content hash behind post keys (parse/post.ts postKey) and the aligner's body layer
// (align/fingerprint.ts bodyHash).
import { NON_ASCII } from './normalize.js';

/**
 * A 64-bit hash (16 hex digits) of strings in turn: two multiplicative hashes of their UTF-16 code units,
 * mixed at the end (after cyrb53). Not cryptographic: the aligner confirms a pair of equal keys field by
 * field, so a collision could only cost a missed pair, never a wrong one. No crypto module: loading it
 * costs every run start-up time (see builtins.ts). Strings are hashed where they are rather than joined
 * first: joining copies every post's text once more.
 */
export class Hash64 {
  #h1 = 0xdeadbeef;
  #h2 = 0x41c6ce57;

  /** Hash `text` followed by a separator no normalised text has, so that ('ab', 'c') and ('a', 'bc') differ. */
  add(text: string): this {
    this.feed(text);
    this.#code(0xffff);
    return this;
  }

  /** Hash `text` with nothing after it: feeding 'ab' then 'c' is feeding 'abc'. Returns its length. */
  feed(text: string): number {
    let h1 = this.#h1;
    let h2 = this.#h2;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.#h1 = h1;
    this.#h2 = h2;
    return text.length;
  }

  /**
   * feed(text.toLowerCase()), without making the lower-cased copy when `text` is ASCII. Returns the length
   * of the lower-cased text (not always that of `text`: 'İ' lower-cases to two code units).
   */
  feedLower(text: string): number {
    // Its own loop, not feed's with a flag: one loop for both measured three times slower on every post's key.
    if (NON_ASCII.test(text)) return this.feed(text.toLowerCase());
    let h1 = this.#h1;
    let h2 = this.#h2;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.#h1 = h1;
    this.#h2 = h2;
    return text.length;
  }

  #code(c: number): void {
    this.#h1 = Math.imul(this.#h1 ^ c, 2654435761);
    this.#h2 = Math.imul(this.#h2 ^ c, 1597334677);
  }

  digest(): string {
    const h1 = Math.imul(this.#h1 ^ (this.#h1 >>> 16), 2246822507) ^ Math.imul(this.#h2 ^ (this.#h2 >>> 13), 3266489909);
    const h2 = Math.imul(this.#h2 ^ (this.#h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    // One flat string of 16 digits: two toString(16) and padStart cost three times as much, and joining
    // them makes a two-part string that every Map lookup of the key flattens again.
    return String.fromCharCode(
      hex(h2, 28), hex(h2, 24), hex(h2, 20), hex(h2, 16), hex(h2, 12), hex(h2, 8), hex(h2, 4), hex(h2, 0),
      hex(h1, 28), hex(h1, 24), hex(h1, 20), hex(h1, 16), hex(h1, 12), hex(h1, 8), hex(h1, 4), hex(h1, 0),
    );
  }
}

/** The character code of the hexadecimal digit of `x` at bit `shift` (0-9, a-f). */
function hex(x: number, shift: number): number {
  const d = (x >>> shift) & 15;
  return d < 10 ? 48 + d : 87 + d;
}
