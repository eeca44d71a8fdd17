// The similarity stage's inverted index: which new posts have a given word code; and the probe of an
// open-addressing table of word codes that it shares with align/fingerprint.ts bagOverlap.

/**
 * The slot of `code` in an open-addressing table of codes (`keys[0..mask]`, a power of two long, NaN in an
 * empty slot), probed linearly: where it is, or the empty slot where it goes.
 */
export function slotIn(keys: Float64Array, code: number, mask: number): number {
  let i = (code >>> 0) & mask;
  for (;;) {
    const k = keys[i]!;
    if (k === code || k !== k) return i; // found, or empty (NaN)
    i = (i + 1) & mask;
  }
}

/**
 * New posts by the codes they have (align/fingerprint.ts: word pairs of the body, words of the headline),
 * each code's posts in the order added. An open-addressing table of codes whose posts are linked through
 * typed arrays: on 5,000 edited posts a Map of arrays held a million small arrays, and building and
 * reading it cost more than scoring the candidates.
 */
export class Postings {
  #keys: Float64Array;
  #first: Int32Array;
  #last: Int32Array;
  #length: Int32Array;
  #used = 0;
  #post: Int32Array;
  #next: Int32Array;
  #count = 0;

  /**
   * Tables sized for `expected` entries (at most MAX_EXPECTED), grown as needed past them. A caller that
   * knows about how many it adds says so: `log` indexes a post or two a capture, and six tables of a
   * fixed 1,024 each were made and cleared for every capture; a fixed small size grew several times for
   * each. Past MAX_EXPECTED the tables grow with the distinct codes: sized for every code of 5,000 edited
   * posts (most of them repeats), they took 40 MiB more.
   */
  constructor(expected = 0) {
    const entries = powerOfTwo(Math.min(MAX_EXPECTED, Math.max(16, expected)));
    [this.#keys, this.#first, this.#last, this.#length] = slotTables(2 * entries);
    this.#post = new Int32Array(entries);
    this.#next = new Int32Array(entries);
  }

  #slot(code: number): number {
    return slotIn(this.#keys, code, this.#keys.length - 1);
  }

  add(code: number, post: number): void {
    if (2 * (this.#used + 1) > this.#keys.length) this.#grow();
    const slot = this.#slot(code);
    if (this.#count === this.#post.length) {
      this.#post = grown(this.#post);
      this.#next = grown(this.#next);
    }
    const entry = this.#count++;
    this.#post[entry] = post;
    this.#next[entry] = -1;
    if (this.#keys[slot] !== code) {
      this.#keys[slot] = code;
      this.#first[slot] = entry;
      this.#length[slot] = 0;
      this.#used++;
    } else if (this.#length[slot] === 0) this.#first[slot] = entry; // every entry dropped (firstFrom)
    else this.#next[this.#last[slot]!] = entry;
    this.#last[slot] = entry;
    this.#length[slot]!++;
  }

  /** The first entry of `code`'s posts (-1 for none, or more than `max` of them); entries chain by next(). */
  first(code: number, max: number): number {
    const slot = this.#slot(code);
    return this.#keys[slot] === code && this.#length[slot]! <= max && this.#length[slot]! > 0 ? this.#first[slot]! : -1;
  }

  /**
   * The first entry of `code`'s posts whose post is at least `min` (-1 for none), dropping the entries
   * before it for good: for a caller whose `min` never decreases (a window sliding over posts added in
   * order), each entry is passed over once.
   */
  firstFrom(code: number, min: number): number {
    const slot = this.#slot(code);
    if (this.#keys[slot] !== code) return -1;
    let e = this.#length[slot]! > 0 ? this.#first[slot]! : -1;
    while (e !== -1 && this.#post[e]! < min) {
      e = this.#next[e]!;
      this.#length[slot]!--;
    }
    if (e !== -1) this.#first[slot] = e;
    return e;
  }

  post(entry: number): number {
    return this.#post[entry]!;
  }

  next(entry: number): number {
    return this.#next[entry]!;
  }

  #grow(): void {
    const keys = this.#keys;
    const first = this.#first;
    const last = this.#last;
    const length = this.#length;
    [this.#keys, this.#first, this.#last, this.#length] = slotTables(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k !== k) continue;
      const slot = this.#slot(k);
      this.#keys[slot] = k;
      this.#first[slot] = first[i]!;
      this.#last[slot] = last[i]!;
      this.#length[slot] = length[i]!;
    }
  }
}

/** The most entries a Postings is made for at first. */
const MAX_EXPECTED = 4096;

/** Empty tables of `size` slots: the keys (NaN: empty), and each key's first entry, last entry and count. */
function slotTables(size: number): [Float64Array, Int32Array, Int32Array, Int32Array] {
  return [new Float64Array(size).fill(NaN), new Int32Array(size), new Int32Array(size), new Int32Array(size)];
}

/** The least power of two at least `n`. */
function powerOfTwo(n: number): number {
  return 2 ** Math.ceil(Math.log2(n));
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
