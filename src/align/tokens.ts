// Words of text written without spaces: Chinese and Japanese as character bigrams, Thai, Lao, Khmer and
// Burmese through Intl.Segmenter. A run of such letters is not one word (two flash items sharing a
// five-character prefix would otherwise share their first "word" and nothing else to tell them apart).

/** Scripts written without spaces between words; tested only on text that is not plain ASCII. */
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/**
 * Code units outside which UNSPACED never matches: Thai to Khmer (U+0E00–U+1FFF), CJK and the rest of the
 * BMP above U+2E80 but half-width forms' tail, and every surrogate (the astral scripts). The punctuation
 * and symbols between (U+2000–U+2E7F: curly quotes, dashes, the euro) are outside, so that English text
 * with typographic quotes is cleared by this simple class, which V8 scans some seven times faster than the
 * Unicode script classes (100 ms for a 5,000-post capture). A superset: test/align/fingerprint.test.ts
 * checks every code point.
 */
export const MAYBE_UNSPACED = /[\u0e00-\u1fff\u2e80-\uffef\ud800-\udbff]/;

/** Text with a letter of a script written without spaces (UNSPACED), tested cheaply first. */
export function hasUnspaced(text: string): boolean {
  return MAYBE_UNSPACED.test(text) && UNSPACED.test(text);
}
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const SEGMENTED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** A run of one kind: CJK letters, letters of a segmented script, or anything else (Latin, digits). */
const RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;

let segmenter: Intl.Segmenter | undefined;

/** Bigrams of a CJK run (`中国经济` → `中国`, `国经`, `经济`); a single character is its own word. */
function bigrams(run: string, out: string[]): void {
  const chars = [...run];
  if (chars.length === 1) out.push(run);
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
}

function segmentWords(run: string, out: string[]): void {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  for (const s of segmenter.segment(run)) if (s.isWordLike) out.push(s.segment);
}

/**
 * `words` (letters-and-digits runs, lower-cased) with every run of an unspaced script split into words.
 * Runs without such letters pass through unchanged, so text with spaces keeps its words.
 */
export function splitUnspaced(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (!UNSPACED.test(word)) {
      out.push(word);
      continue;
    }
    for (const run of word.match(RUNS) ?? []) {
      if (CJK.test(run)) bigrams(run, out);
      else if (SEGMENTED.test(run)) segmentWords(run, out);
      else out.push(run);
    }
  }
  return out;
}
