// Word and block differences of one field, with every step bounded (a page can make any diff hostile).
// The only module that imports jsdiff.
import { diffArrays, diffWords, type ChangeObject } from 'diff';
import { append } from '../arrays.js';
import { bagOverlap, dice, isPlain, wordBag, words } from '../align/fingerprint.js';
import { hasUnspaced } from '../align/tokens.js';
import { BlockIndex } from './block-index.js';
import type { Hunk, Part } from '../model.js';

export interface DiffOptions {
  /**
   * Above this share of changed words a block is shown as rewritten (whole old, whole new) rather than
   * word by word. Range 0–1. CLI: `--rewrite-threshold`. Default 0.6.
   */
  rewriteThreshold: number;
  /**
   * Two blocks (paragraphs, bullets, captions) at the same place are the same block edited when their
   * words are at least this similar (Dice); otherwise one was removed and another inserted. Default 0.4.
   */
  minBlockSimilarity: number;
  /**
   * Largest edit (in jsdiff tokens) a word diff may compute; beyond it the block is shown as rewritten.
   * Bounds the cost of very different texts, where jsdiff is quadratic. Default 2000.
   */
  maxEditLength: number;
}

export const DEFAULT_DIFF_OPTIONS: Readonly<DiffOptions> = {
  rewriteThreshold: 0.6,
  minBlockSimilarity: 0.4,
  maxEditLength: 2000,
};

/**
 * Largest edit (in blocks) the block diff computes between two anchors. Myers' diff costs about the
 * square of it; beyond it the blocks between the anchors are paired in order by similarity instead.
 */
export const MAX_BLOCK_EDIT = 500;

/** How many inserted blocks ahead a removed block looks for its edited version (bounds pairRun). */
export const PAIR_WINDOW = 64;

/**
 * Word-diff work one post comparison may do, in squared edit lengths: jsdiff's cost grows with the square
 * of the edit it explores (a text is tokenised once, linear), so a run cut at maxEditLength (2000) costs
 * 4,000,000, and that is the budget: the post's first field may always use the whole maxEditLength.
 * Ordinary edits of a few words cost tens, so thousands of edited paragraphs fit; a post whose long
 * fields are all reordered would otherwise cost seconds a field. Beyond it a field is shown whole,
 * flagged. (It was twice this until 2026-11-30: a 10 MB post whose every paragraph was reordered then
 * spent about 0.9 s in jsdiff to show each paragraph whole anyway.)
 */
export const POST_WORD_WORK = DEFAULT_DIFF_OPTIONS.maxEditLength ** 2;

/**
 * Word-diff work one comparison of two captures may do in all, in the same units: eight posts' budgets.
 * Each post's budget bounds the post, not the page: 400 posts whose 1,000-word headlines were reordered
 * in the same words spent a run cut at maxEditLength each (a quarter of a second a post on this machine).
 */
export const PAGE_WORD_WORK = 8 * POST_WORD_WORK;

/** What renderers say beside a field whose diff a bound made coarse. */
export const COARSE_NOTE = 'too many changes to compare finely: shown coarsely';

/** Texts shorter than this (both sides, in characters) skip the rewrite pre-check: jsdiff is cheap there. */
const PRECHECK_CHARS = 2000;

/** Word-diff work left for a whole comparison of two captures (PAGE_WORD_WORK): one shared by its posts. */
export class PageWork {
  constructor(public left = PAGE_WORD_WORK) {}
}

/**
 * The work limits of one post comparison, shared by its fields, and what they did. `coarse` is set when
 * a bound changed the result (blocks paired in order instead of aligned, a field shown whole): the caller
 * says so in the output. The counters let tests pin the bounds without a clock. With `page`, the word
 * diffs also spend from the work left for the whole comparison.
 */
export class DiffBudget {
  wordWork: number;
  coarse = false;
  /** Block similarity scores computed (pairRun). */
  comparisons = 0;
  /** jsdiff word diffs run. */
  wordDiffs = 0;
  /** jsdiff block alignments run (diffSegment). */
  blockDiffs = 0;
  constructor(
    wordWork = POST_WORD_WORK,
    readonly page: PageWork | null = null,
  ) {
    this.wordWork = wordWork;
  }

  /** Word-diff work that may still be spent: the post's, or less when the page has less left. */
  available(): number {
    return this.page === null ? this.wordWork : Math.min(this.wordWork, this.page.left);
  }

  spend(work: number): void {
    this.wordWork -= work;
    if (this.page !== null) this.page.left -= work;
  }
}

function countWords(text: string): number {
  return words(text).length;
}

const ASCII_WORDS = /[a-z0-9]+/gi;

/**
 * countWords(text), or any number >= cap once that many are found. Plain text (align/fingerprint.ts
 * isPlain: English with typographic punctuation) is counted in place, without an array of its words; the
 * word total of a long block edited in a few words only has to be known to be large.
 */
function countWordsUpTo(text: string, cap: number): number {
  if (!isPlain(text)) return countWords(text); // words() case-folds and splits scripts: let it count
  ASCII_WORDS.lastIndex = 0;
  let n = 0;
  while (n < cap && ASCII_WORDS.exec(text) !== null) n++;
  return n;
}

function rewritten(old: string, neu: string): Hunk[] {
  const hunks: Hunk[] = [];
  if (old !== '') hunks.push({ op: '-', text: old });
  if (neu !== '') hunks.push({ op: '+', text: neu });
  return hunks;
}

/**
 * Whether the texts share so few words that the word diff would surely exceed the rewrite threshold:
 * changed words are at least all words less twice the shared ones, i.e. a share of 1 − Dice. Half the
 * margin is kept so that tokenising differences between jsdiff and `words` never change a verdict.
 */
function surelyRewritten(old: string, neu: string, options: DiffOptions, known: KnownWords): boolean {
  if (old.length + neu.length < PRECHECK_CHARS || options.rewriteThreshold >= 1) return false;
  // Texts known to be at least that similar are not: their bags need not be made again.
  if (known.similarAtLeast !== undefined && known.similarAtLeast >= (1 - options.rewriteThreshold) / 2) return false;
  const a = known.bags?.[0] ?? wordBag(old);
  const b = known.bags?.[1] ?? wordBag(neu);
  if (a.length + b.length < 20) return false;
  return dice(a, b) < (1 - options.rewriteThreshold) / 2;
}

/**
 * What a caller of diffText may already know of the two texts (block pairing does): their word bags
 * (align/fingerprint.ts wordBag), and a score their Dice coefficient is at least. Long texts in a script
 * without spaces (Chinese) have no cheaper word count than the bag, and making it three times was most
 * of the cost of a paragraph of a million characters.
 */
export interface KnownWords {
  bags?: readonly [Float64Array, Float64Array];
  similarAtLeast?: number;
}

/** Word diff of one text, or the whole old and new text when most words changed. */
export function diffText(old: string, neu: string, options: DiffOptions = DEFAULT_DIFF_OPTIONS, budget = new DiffBudget(), known: KnownWords = {}): Hunk[] {
  if (old === neu) return [{ op: '=', text: old }];
  if (old === '' || neu === '') return rewritten(old, neu);
  if (surelyRewritten(old, neu, options, known)) return rewritten(old, neu);
  const limit = Math.min(options.maxEditLength, Math.floor(Math.sqrt(Math.max(0, budget.available()))));
  if (limit < 1) {
    budget.coarse = true;
    return rewritten(old, neu);
  }
  budget.wordDiffs++;
  const changes = trimmedDiffWords(old, neu, limit);
  if (!changes) {
    budget.spend(limit * limit);
    // Beyond maxEditLength a text is rewritten by definition; beyond what the budget left, only maybe.
    if (limit < options.maxEditLength) budget.coarse = true;
    return rewritten(old, neu);
  }
  let changed = 0;
  let edits = 0;
  const parts: Part[] = changes.map((c) => {
    const op = c.added ? '+' : c.removed ? '-' : '=';
    if (op !== '=') {
      changed += countWordsUpTo(c.value, Infinity);
      edits += c.count;
    }
    return { op, text: c.value };
  });
  budget.spend(edits * edits);
  const threshold = options.rewriteThreshold;
  if (changed > 0 || threshold < 0) {
    // A rewrite when changed / total > threshold: totals at cap or above are surely not (changed / cap is
    // below the threshold by a whole word), so counting may stop there.
    const cap = threshold > 0 ? Math.floor(changed / threshold) + 2 : Infinity;
    // A bag has a code for each word: its length is the count.
    const inOld = known.bags?.[0].length ?? countWordsUpTo(old, cap);
    const total = inOld >= cap ? inOld : inOld + (known.bags?.[1].length ?? countWordsUpTo(neu, cap - inOld));
    if (total > 0 && total < cap && changed / total > threshold) return rewritten(old, neu);
  }
  return [{ op: '~', parts }];
}

/**
 * A UTF-16 code unit that /\s/ matches (white space and line terminators), without a regular expression
 * and a one-character string for each (test/classify/text-diff.test.ts checks every code unit).
 */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Characters compared at once by the native string search before the last ones one by one. */
const CHUNK = 32;

/**
 * How many characters `a` and `b` share at the start, up to `max`. Whole chunks are compared by
 * startsWith (native, on a slice that copies nothing) first: a paragraph edited in one word is mostly
 * common ends, and a loop over them was a tenth of a 10 MB post's diff.
 */
export function commonPrefix(a: string, b: string, max = Math.min(a.length, b.length)): number {
  let i = 0;
  while (i + CHUNK <= max && a.startsWith(b.slice(i, i + CHUNK), i)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many characters `a` and `b` share at the end, up to `max` (commonPrefix's mirror). */
export function commonSuffix(a: string, b: string, max = Math.min(a.length, b.length)): number {
  let k = 0;
  while (k + CHUNK <= max && a.endsWith(b.slice(b.length - k - CHUNK, b.length - k), a.length - k)) k += CHUNK;
  while (k < max && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}

/**
 * Where the word diff of `old` and the new text, which share their first `common` characters, may be cut
 * off at the front: the end of the last whitespace run (both texts identical up to there) that still
 * leaves one identical whitespace-delimited chunk before the first difference, so the middle diff starts
 * with a kept token as the whole diff does. 0: no cut.
 */
function frontCut(old: string, common: number): number {
  // The kept chunk [cut, end) must be followed by whitespace inside the common part, in both texts.
  const space = (k: number) => isSpaceCode(old.charCodeAt(k));
  let end = common - 1;
  while (end > 0 && !space(end)) end--;
  while (end > 0 && space(end - 1)) end--;
  if (end <= 0) return 0;
  let cut = end;
  while (cut > 0 && !space(cut - 1)) cut--;
  return cut;
}

/** The mirror of frontCut: how many characters at the end may be cut, given the `common` suffix length. */
function backCut(old: string, common: number): number {
  const space = (k: number) => isSpaceCode(old.charCodeAt(old.length - 1 - k));
  let end = common - 1;
  while (end > 0 && !space(end)) end--;
  while (end > 0 && space(end - 1)) end--;
  if (end <= 0) return 0;
  let cut = end;
  while (cut > 0 && !space(cut - 1)) cut--;
  return cut;
}

/**
 * Letters jsdiff's word tokenizer keeps together in one token (its `extendedWordChars`: ASCII letters,
 * digits and `_`, the soft hyphen and Latin letters with diacritics). Every other character that is not
 * white space is a token of its own: each Chinese character, each punctuation mark.
 */
function isJsdiffWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  return (
    c === 0xad ||
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2c6) ||
    (c >= 0x2c8 && c <= 0x2d7) ||
    (c >= 0x2de && c <= 0x2ff) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Where jsdiff's token holding the character at `i` (not white space) starts. */
function tokenStart(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (isJsdiffWordCode(c)) {
    while (i > 0 && isJsdiffWordCode(text.charCodeAt(i - 1))) i--;
    return i;
  }
  return isLow(c) && i > 0 && isHigh(text.charCodeAt(i - 1)) ? i - 1 : i;
}

/** Where jsdiff's token holding the character at `i` (not white space) ends. */
function tokenEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (isJsdiffWordCode(c)) {
    while (i + 1 < text.length && isJsdiffWordCode(text.charCodeAt(i + 1))) i++;
    return i + 1;
  }
  return isHigh(c) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? i + 2 : i + 1;
}

/**
 * frontCut for text without white space near the difference (Chinese, or words glued by punctuation): a
 * cut between two tokens with no white space on either side, one whole common token before the token
 * that reaches the first difference. frontCut alone left a paragraph of a million Chinese characters to
 * jsdiff whole, which tokenised every character. 0: no such cut.
 */
function frontTokenCut(old: string, common: number): number {
  if (common < 2 || isSpaceCode(old.charCodeAt(common - 1))) return 0;
  // The token reaching the difference may go on differently in each text: the one before it is whole.
  const reaching = tokenStart(old, common - 1);
  if (reaching === 0 || isSpaceCode(old.charCodeAt(reaching - 1))) return 0;
  const cut = tokenStart(old, reaching - 1);
  return cut > 0 && !isSpaceCode(old.charCodeAt(cut - 1)) ? cut : 0;
}

/** backCut's counterpart of frontTokenCut: how many characters at the end may be cut, given the `common` suffix length. */
function backTokenCut(old: string, common: number): number {
  if (common < 2) return 0;
  const first = old.length - common;
  if (isSpaceCode(old.charCodeAt(first))) return 0;
  const reaching = tokenEnd(old, first);
  if (reaching >= old.length || isSpaceCode(old.charCodeAt(reaching))) return 0;
  const cut = tokenEnd(old, reaching);
  return cut < old.length && !isSpaceCode(old.charCodeAt(cut)) ? old.length - cut : 0;
}

/**
 * jsdiff's diffWords on the part of the texts that differs: long texts that differ in a few words are
 * mostly common prefix and suffix, and jsdiff tokenises all of it. The cuts fall just after (front) and
 * before (back) a whitespace run, each leaving a common chunk in the middle, so jsdiff's whitespace
 * handling sees the same kept neighbours; the cut text is glued back onto the first and last kept parts.
 */
export function trimmedDiffWords(old: string, neu: string, limit: number): Array<ChangeObject<string>> | undefined {
  // Each common end is measured once, for both kinds of cut; the suffix not reaching into the front cut.
  const prefix = commonPrefix(old, neu);
  const front = Math.max(frontCut(old, prefix), frontTokenCut(old, prefix));
  const suffix = commonSuffix(old, neu, Math.min(old.length, neu.length) - front);
  const back = Math.max(backCut(old, suffix), backTokenCut(old, suffix));
  if (front === 0 && back === 0) return diffWords(old, neu, { maxEditLength: limit });
  const changes = diffWords(old.slice(front, old.length - back), neu.slice(front, neu.length - back), { maxEditLength: limit });
  if (!changes) return changes;
  const first = changes[0];
  const last = changes[changes.length - 1];
  // The kept chunks make both ends kept parts; if jsdiff ever disagreed, the whole diff decides.
  const kept = (c: ChangeObject<string> | undefined) => c !== undefined && !c.added && !c.removed;
  if ((front > 0 && !kept(first)) || (back > 0 && !kept(last))) return diffWords(old, neu, { maxEditLength: limit });
  if (front > 0 && first) first.value = neu.slice(0, front) + first.value;
  if (back > 0 && last) last.value += neu.slice(neu.length - back);
  return changes;
}

/**
 * Block-by-block diff of two lists (paragraphs, captions): kept, removed, inserted or edited in place.
 * Common leading and trailing blocks are stripped, blocks found once on each side anchor the rest
 * (in order, as patience diff does), and between anchors jsdiff aligns at most MAX_BLOCK_EDIT edits.
 */
export function diffBlocks(old: string[], neu: string[], options: DiffOptions = DEFAULT_DIFF_OPTIONS, budget = new DiffBudget()): Hunk[] {
  const hunks: Hunk[] = [];
  // Short lists go to jsdiff whole, which cannot exceed MAX_BLOCK_EDIT there: stripping and anchoring
  // could only change how it would align them.
  const short = old.length + neu.length <= MAX_BLOCK_EDIT;
  let head = 0;
  let tail = 0;
  if (!short) {
    while (head < old.length && head < neu.length && old[head] === neu[head]) head++;
    while (tail < old.length - head && tail < neu.length - head && old[old.length - 1 - tail] === neu[neu.length - 1 - tail]) tail++;
  }
  for (let i = 0; i < head; i++) hunks.push({ op: '=', text: old[i]! });
  const a = short ? old : old.slice(head, old.length - tail);
  const b = short ? neu : neu.slice(head, neu.length - tail);
  if (short && editedInPlace(a, b)) {
    // The common case (a paragraph or two edited): the alignment jsdiff would find, found directly.
    for (let i = 0; i < a.length; ) {
      if (a[i] === b[i]) {
        hunks.push({ op: '=', text: a[i]! });
        i++;
        continue;
      }
      const from = i;
      while (i < a.length && a[i] !== b[i]) i++;
      append(hunks, pairRun(a.slice(from, i), b.slice(from, i), options, budget));
    }
  } else if (a.length > 0 || b.length > 0) {
    // Blocks as small integers: jsdiff then compares numbers, not strings.
    const ids = new Map<string, number>();
    const code = (t: string) => {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = ids.size));
      return id;
    };
    const ca = a.map(code);
    const cb = b.map(code);
    let i = 0;
    let j = 0;
    for (const [ai, bj] of [...(short ? [] : anchors(ca, cb)), [a.length, b.length] as const]) {
      diffSegment(a, b, ca, cb, i, ai, j, bj, options, budget, hunks);
      if (ai < a.length) hunks.push({ op: '=', text: a[ai]! });
      i = ai + 1;
      j = bj + 1;
    }
  }
  for (let i = old.length - tail; i < old.length; i++) hunks.push({ op: '=', text: old[i]! });
  return hunks;
}

/**
 * Two lists of blocks of one length that differ only at places whose blocks are on one side alone. Their
 * only longest common subsequence is every other block at its own place (blocks found on one side cannot
 * be in one, and what is left is the same list on both sides), so that any exact alignment, jsdiff's
 * included, pairs the blocks in place and leaves each run of differing blocks to pairRun.
 */
function editedInPlace(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  let differs = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (b.includes(a[i]!) || a.includes(b[i]!)) return false;
    differs = true;
  }
  return differs;
}

/** Pairs (i, j) of blocks found exactly once in `a` and once in `b`, the longest run of them in order on both sides. */
function anchors(a: number[], b: number[]): Array<readonly [number, number]> {
  // Per block code: how often in `a` (capped at 2), and where in `b` (-2: more than once).
  const inA = new Map<number, number>();
  for (const x of a) inA.set(x, Math.min(2, (inA.get(x) ?? 0) + 1));
  const inB = new Map<number, number>();
  b.forEach((x, j) => inB.set(x, inB.has(x) ? -2 : j));
  const candidates: Array<readonly [number, number]> = [];
  a.forEach((x, i) => {
    const j = inB.get(x);
    if (inA.get(x) === 1 && j !== undefined && j >= 0) candidates.push([i, j]);
  });
  // Longest increasing subsequence by b-index (patience sorting), O(n log n).
  const tops: number[] = [];
  const back: number[] = new Array(candidates.length);
  for (let k = 0; k < candidates.length; k++) {
    const j = candidates[k]![1];
    let lo = 0;
    let hi = tops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[tops[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    back[k] = lo > 0 ? tops[lo - 1]! : -1;
    tops[lo] = k;
  }
  const out: Array<readonly [number, number]> = [];
  for (let k = tops.length > 0 ? tops[tops.length - 1]! : -1; k >= 0; k = back[k]!) out.push(candidates[k]!);
  return out.reverse();
}

/**
 * The blocks a[i0, i1) against b[j0, j1): aligned by jsdiff within MAX_BLOCK_EDIT, else paired in order.
 * Long segments are aligned on the blocks found on both sides only: a block found on one side cannot be
 * in any common subsequence, so leaving it out changes no alignment's length, and it keeps a segment
 * whose blocks were all edited (every one new) from costing jsdiff MAX_BLOCK_EDIT² steps to find none.
 */
function diffSegment(
  a: string[], b: string[], ca: number[], cb: number[],
  i0: number, i1: number, j0: number, j1: number,
  options: DiffOptions, budget: DiffBudget, hunks: Hunk[],
): void {
  if (i0 === i1 && j0 === j1) return;
  const matches = i0 === i1 || j0 === j1 ? [] : commonBlocks(ca, cb, i0, i1, j0, j1, budget);
  if (matches === undefined) {
    // Too many edits to align: one run of removed and inserted blocks.
    budget.coarse = true;
    append(hunks, pairRun(a.slice(i0, i1), b.slice(j0, j1), options, budget));
    return;
  }
  let i = i0;
  let j = j0;
  for (const [mi, mj] of [...matches, [i1, j1] as const]) {
    // The blocks between two matches: removed and inserted, paired where similar.
    if (mi > i || mj > j) append(hunks, pairRun(a.slice(i, mi), b.slice(j, mj), options, budget));
    if (mi < i1) hunks.push({ op: '=', text: a[mi]! });
    i = mi + 1;
    j = mj + 1;
  }
}

/**
 * The blocks of ca[i0, i1) and cb[j0, j1) that a longest common subsequence pairs, as (i, j) in order; or
 * undefined when that takes more than MAX_BLOCK_EDIT edits to find. Short segments go to jsdiff whole;
 * long ones only with the blocks both sides have.
 */
function commonBlocks(
  ca: number[], cb: number[], i0: number, i1: number, j0: number, j1: number, budget: DiffBudget,
): Array<readonly [number, number]> | undefined {
  let ia = range(i0, i1);
  let jb = range(j0, j1);
  if (ia.length + jb.length > MAX_BLOCK_EDIT) {
    const inA = new Set<number>();
    for (const i of ia) inA.add(ca[i]!);
    const inB = new Set<number>();
    for (const j of jb) inB.add(cb[j]!);
    ia = ia.filter((i) => inB.has(ca[i]!));
    jb = jb.filter((j) => inA.has(cb[j]!));
  }
  if (ia.length === 0 || jb.length === 0) return [];
  budget.blockDiffs++;
  const changes = diffArrays(ia.map((i) => ca[i]!), jb.map((j) => cb[j]!), { maxEditLength: MAX_BLOCK_EDIT });
  if (!changes) return undefined;
  const matches: Array<readonly [number, number]> = [];
  let x = 0;
  let y = 0;
  for (const change of changes) {
    if (change.removed) x += change.count;
    else if (change.added) y += change.count;
    else for (let k = 0; k < change.count; k++) matches.push([ia[x++]!, jb[y++]!]);
  }
  return matches;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * dice(wordBag(a), wordBag(b)), with the common ends counted rather than coded and sorted: cut where no
 * word spans the cut, they add the same words to both bags. Plain text (isPlain: its words are runs of
 * ASCII letters and digits) is cut after any non-word character; other text only at whitespace, where
 * case-folding (Greek final sigma) cannot see across the cut either. Undefined for scripts written
 * without spaces, which words() splits otherwise.
 *
 * With `enough`, a score of at least `enough` may come out as any value at least `enough`: the score
 * grows with the common words, and plain text counts them only until they lift it there (a paragraph
 * edited in one word is mostly common ends, and counting them was most of the cost).
 */
export function similarEnds(a: string, b: string, enough = Infinity): number | undefined {
  const plain = isPlain(a) && isPlain(b);
  if (!plain && (hasUnspaced(a) || hasUnspaced(b))) return undefined;
  const boundary = plain ? (c: number) => !isWordChar(c) : isSpaceCode;
  let front = commonPrefix(a, b);
  while (front > 0 && !boundary(a.charCodeAt(front - 1))) front--;
  let back = commonSuffix(a, b, Math.min(a.length, b.length) - front);
  while (back > 0 && !boundary(a.charCodeAt(a.length - back))) back--;
  const { sizeA, sizeB, shared } = bagOverlap(a.slice(front, a.length - back), b.slice(front, b.length - back));
  const mid = sizeA + sizeB;
  // 2 (c + shared) / (2 c + mid) >= enough from this many common words c on (one more for rounding).
  const cap = enough < 1 ? Math.max(0, Math.ceil((enough * mid - 2 * shared) / (2 * (1 - enough)))) + 1 : Infinity;
  const count = (text: string, upTo: number) => (plain ? countWordsUpTo(text, upTo) : words(text).length);
  const inFront = count(a.slice(0, front), cap);
  const common = inFront >= cap ? inFront : inFront + count(a.slice(a.length - back), cap - inFront);
  const total = 2 * common + mid;
  if (total === 0) return 1;
  return (2 * (common + shared)) / total;
}

/**
 * Within a run of removed and inserted blocks, pair similar blocks in order and word-diff them. Each
 * removed block looks at most PAIR_WINDOW inserted blocks ahead, so a run costs at most that many
 * comparisons a block.
 */
function pairRun(removed: string[], added: string[], options: DiffOptions, budget: DiffBudget): Hunk[] {
  const hunks: Hunk[] = [];
  if (removed.length === 0 || added.length === 0) {
    for (const text of removed) hunks.push({ op: '-', text });
    for (const text of added) hunks.push({ op: '+', text });
    return hunks;
  }
  // Word bags made when first needed: most removed blocks pair with the first block looked at, and that
  // pair is scored on its differing middle alone (similarEnds).
  const addedWords: Array<Float64Array | undefined> = new Array(added.length);
  const addedBag = (j: number) => (addedWords[j] ??= wordBag(added[j]!));
  // The rest of a window is searched through an index of its words (classify/block-index.ts), made the
  // first time a removed block does not pair with the first block it looks at.
  let index: BlockIndex | undefined;
  let nextAdded = 0;
  for (const text of removed) {
    let bag: Float64Array | undefined;
    let match = -1;
    const end = Math.min(added.length, nextAdded + PAIR_WINDOW);
    // The window's first block, scored on its differing middle (none left once every inserted block is taken).
    if (nextAdded < end) {
      budget.comparisons++;
      const quick = similarEnds(text, added[nextAdded]!, options.minBlockSimilarity);
      if ((quick ?? dice((bag ??= wordBag(text)), addedBag(nextAdded), options.minBlockSimilarity)) >= options.minBlockSimilarity) match = nextAdded;
    }
    // The rest of the window, through the index.
    if (match < 0 && nextAdded + 1 < end) {
      index ??= new BlockIndex(addedBag);
      match = index.firstSimilar((bag ??= wordBag(text)), nextAdded + 1, end, options.minBlockSimilarity);
      // Blocks looked at, as scoring them in turn would have.
      budget.comparisons += (match < 0 ? end : match + 1) - (nextAdded + 1);
    }
    if (match < 0) {
      if (end < added.length) budget.coarse = true;
      hunks.push({ op: '-', text });
      continue;
    }
    for (; nextAdded < match; nextAdded++) hunks.push({ op: '+', text: added[nextAdded]! });
    // Paired at that score or above; the bags, when the pairing made them.
    const known: KnownWords = { similarAtLeast: options.minBlockSimilarity };
    const theirs = addedWords[match];
    if (bag !== undefined && theirs !== undefined) known.bags = [bag, theirs];
    append(hunks, diffText(text, added[nextAdded++]!, options, budget, known));
  }
  for (; nextAdded < added.length; nextAdded++) hunks.push({ op: '+', text: added[nextAdded]! });
  return hunks;
}
