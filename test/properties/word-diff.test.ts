// The word diff of the differing middle, with the common ends glued back, equals jsdiff's diff of the whole texts.
import { diffWords } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dice, wordBag, words } from '../../src/align/fingerprint.js';
import { diffText, similarEnds, trimmedDiffWords } from '../../src/classify/text-diff.js';
import type { Hunk } from '../../src/model.js';

/** diffText as written before the trimmed diff and the capped word count: jsdiff on the whole, every word counted. */
function reference(old: string, neu: string, threshold: number): Hunk[] {
  if (old === neu) return [{ op: '=', text: old }];
  const changes = diffWords(old, neu, { maxEditLength: 2000 })!;
  let changed = 0;
  const parts = changes.map((c) => {
    const op = c.added ? '+' : c.removed ? '-' : '=';
    if (op !== '=') changed += words(c.value).length;
    return { op, text: c.value } as const;
  });
  const total = words(old).length + words(neu).length;
  if (total > 0 && changed / total > threshold) return [{ op: '-', text: old }, { op: '+', text: neu }];
  return [{ op: '~', parts }];
}

// What livediff reads of a change: its kind and text, and for edits their size in tokens (the word budget).
// Kept parts' token counts are not kept: counting the cut-off ends would mean tokenising them.
type Change = { added: boolean; removed: boolean; value: string; count: number };
const seen = (changes: Change[] | undefined) =>
  changes?.map((c) => ({ op: c.added ? '+' : c.removed ? '-' : '=', value: c.value, count: c.added || c.removed ? c.count : 0 }));

// A small vocabulary with punctuation and odd whitespace, so that repeated words make many equally short
// diffs (where a differently cut diff could choose another) and jsdiff's whitespace handling is exercised.
// Curly quotes, £ and × are plain text (counted and cut in place, align/fingerprint.ts isPlain); ä is not.
const word = fc.oneof(
  fc.constantFrom('a', 'b', 'a.'),
  fc.constantFrom('a', 'b', 'the', 'cat', 'sat', 'on', 'mat', 'x.', ',', 'ä', '—', 'b,', '(a)', 'cat’s', '“the”', '£5', 'a×b', '…'),
);
const space = fc.constantFrom(' ', ' ', ' ', '  ', '\n', ' \t', '\u00a0');
const textArb = fc.array(fc.tuple(word, space), { minLength: 0, maxLength: 40 });
const editArb = fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace', 'space'), word, space), { minLength: 1, maxLength: 4 });

function render(tokens: Array<[string, string]>, lead: string, trail: boolean): string {
  return lead + tokens.map(([w, s], i) => (i < tokens.length - 1 || trail ? w + s : w)).join('');
}

function edit(tokens: Array<[string, string]>, edits: Array<[number, string, string, string]>): Array<[string, string]> {
  const out = [...tokens];
  for (const [at, kind, w, s] of edits) {
    const i = out.length === 0 ? 0 : at % (out.length + (kind === 'insert' ? 1 : 0));
    if (kind === 'insert') out.splice(i, 0, [w, s]);
    else if (out.length === 0) continue;
    else if (kind === 'delete') out.splice(i, 1);
    else if (kind === 'replace') out[i] = [w, out[i]![1]];
    else out[i] = [out[i]![0], s];
  }
  return out;
}

describe('trimmedDiffWords', () => {
  it('equals diffWords of the whole texts for random word edits', () => {
    fc.assert(
      fc.property(textArb, editArb, fc.constantFrom('', ' '), fc.boolean(), fc.boolean(), (tokens, edits, lead, trailA, trailB) => {
        const a = render(tokens, lead, trailA);
        const b = render(edit(tokens, edits), lead, trailB);
        expect(seen(trimmedDiffWords(a, b, 2000))).toEqual(seen(diffWords(a, b, { maxEditLength: 2000 })));
      }),
      { numRuns: 20000 },
    );
  });

  it('equals diffWords of the whole texts where words are glued without spaces (Chinese, punctuation)', () => {
    // jsdiff makes each Chinese character and punctuation mark a token, and keeps runs of Latin letters
    // (with diacritics) together; surrogate pairs (😀) and combining marks must not be cut apart.
    const glued = fc.constantFrom('中', '文', '改', '。', '，', ',', '.', 'ab', 'c', 'é', '_', '😀', 'e\u0301', '1', '中文', 'x');
    const sep = fc.constantFrom('', '', '', '', ' ', '\n');
    const gluedText = fc.array(fc.tuple(glued, sep), { minLength: 0, maxLength: 40 });
    fc.assert(
      fc.property(gluedText, fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace', 'space'), glued, sep), { minLength: 1, maxLength: 4 }), (tokens, edits) => {
        const a = render(tokens, '', false);
        const b = render(edit(tokens, edits), '', false);
        expect(seen(trimmedDiffWords(a, b, 2000))).toEqual(seen(diffWords(a, b, { maxEditLength: 2000 })));
      }),
      { numRuns: 20000 },
    );
  });

  it('tokenises only the middle of a long Chinese text that differs in one character', () => {
    const a = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 37) % 2000))).join('');
    const b = `${a.slice(0, 1500)}改${a.slice(1500)}`;
    const parts = trimmedDiffWords(a, b, 2000)!;
    expect(seen(parts)).toEqual(seen(diffWords(a, b)));
    // Cut one whole character before the change and one after: jsdiff saw four characters, not 3,000.
    expect(parts.map((p) => p.value.length)).toEqual([1500, 1, 1500]);
  });

  it('diffText equals jsdiff on the whole texts with every word counted', () => {
    fc.assert(
      fc.property(textArb, editArb, fc.constantFrom(0, 0.05, 0.2, 0.6, 1), (tokens, edits, threshold) => {
        const a = render(tokens, '', false);
        const b = render(edit(tokens, edits), '', false);
        fc.pre(a !== '' && b !== '');
        const options = { rewriteThreshold: threshold, minBlockSimilarity: 0.4, maxEditLength: 2000 };
        expect(diffText(a, b, options)).toEqual(reference(a, b, threshold));
      }),
      { numRuns: 5000 },
    );
  });

  it('diffText given what block pairing knows (both bags, a score the pair reaches) is diffText without it', () => {
    // Long enough for the rewrite pre-check (PRECHECK_CHARS), which the known score may skip.
    fc.assert(
      fc.property(textArb, editArb, fc.constantFrom(0.05, 0.2, 0.6, 0.9), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (tokens, edits, threshold, share, withBags) => {
        const a = render(tokens, '', false).repeat(12);
        const b = render(edit(tokens, edits), '', false).repeat(12);
        fc.pre(a !== '' && b !== '');
        const options = { rewriteThreshold: threshold, minBlockSimilarity: 0.4, maxEditLength: 2000 };
        const bags = [wordBag(a), wordBag(b)] as const;
        const known = { similarAtLeast: share * dice(bags[0], bags[1]), ...(withBags ? { bags } : {}) };
        expect(diffText(a, b, options, undefined, known)).toEqual(diffText(a, b, options));
      }),
      { numRuns: 3000 },
    );
  });

  it('similarEnds scores two texts as dice of their word bags does', () => {
    // Mostly ASCII words (with case and digits, which words() folds and keeps), glued by nothing at times;
    // some Greek (final sigma folds by context), dotted İ and Kelvin K (fold to other lengths), and Chinese.
    // Plain text beyond ASCII too: curly quotes, dashes, £ and × glue words or stand alone.
    const asciiWord = fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom('a', 'b', 'A', 'the', 'Cat', 'x.', 'b,', '(a)', '1a', 'a1', '7', '“A”', 'don’t', '£3', '2×2') },
      { weight: 1, arbitrary: word },
      { weight: 1, arbitrary: fc.constantFrom('ΟΔΟΣ', 'Σ.', 'ΑΣ', 'İ', 'Ä', '\u212a', 'é', '中文') },
    );
    const glued = fc.array(fc.tuple(asciiWord, fc.constantFrom(' ', '', '-', ', ', '\u00a0', '.', '’', '—', '\u2009')), { maxLength: 30 });
    fc.assert(
      fc.property(glued, editArb, fc.boolean(), fc.constantFrom(0, 0.2, 0.4, 0.5, 0.9, 0.99, 1), (tokens, edits, trail, enough) => {
        const a = render(tokens as Array<[string, string]>, '', trail);
        const b = render(edit(tokens as Array<[string, string]>, edits), '', !trail);
        const quick = similarEnds(a, b);
        if (/中/.test(a + b)) expect(quick).toBeUndefined();
        else expect(quick).toBe(dice(wordBag(a), wordBag(b)));
        // With `enough`: the exact score below it; at or above it, any score at or above it.
        const bounded = similarEnds(a, b, enough);
        if (quick === undefined) expect(bounded).toBeUndefined();
        else if (quick < enough) expect(bounded).toBe(quick);
        else expect(bounded).toBeGreaterThanOrEqual(enough);
      }),
      { numRuns: 20000 },
    );
  });

  it('tokenises only the middle of long texts that differ in one word', () => {
    const a = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
    const b = a.replace('w1000 ', 'changed ');
    const parts = trimmedDiffWords(a, b, 2000)!;
    expect(seen(parts)).toEqual(seen(diffWords(a, b)));
    expect(parts.map((p) => p.value.length)).toEqual([a.indexOf('w1000'), 5, 7, a.length - a.indexOf('w1000') - 5]);
  });
});
