// Words of text written without spaces: Chinese and Japanese as character bigrams, Thai, Lao, Khmer and
// Burmese through Intl.Segmenter. A run of such letters is not one word (two flash items sharing a
// five-character prefix would otherwise share their first "word" and nothing else to tell them apart).

/**
 * Code units outside which the unspaced scripts have no letter: Thai to Khmer (U+0E00–U+1FFF), CJK and
 * the rest of the BMP above U+2E80 but half-width forms' tail, and every surrogate (the astral scripts).
 * The punctuation and symbols between (U+2000–U+2E7F: curly quotes, dashes, the euro) are outside, so
 * that English text with typographic quotes is cleared by this simple class, which V8 scans some seven
 * times faster than the Unicode script classes (100 ms for a 5,000-post capture). A superset:
 * test/align/fingerprint.test.ts checks every code point.
 */
export const MAYBE_UNSPACED = /[\u0e00-\u1fff\u2e80-\uffef\ud800-\udbff]/;

/**
 * The Unicode-script expressions, made on first use: creating them costs about 0.8 ms, at the start of
 * every run, and text without such letters never gets past MAYBE_UNSPACED.
 */
let scripts: { unspaced: RegExp; cjk: RegExp; segmented: RegExp; runs: RegExp } | undefined;
function scriptExpressions() {
  return (scripts ??= {
    /** Scripts written without spaces between words. */
    unspaced: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u,
    cjk: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
    segmented: /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u,
    /** A run of one kind: CJK letters, letters of a segmented script, or anything else (Latin, digits). */
    runs: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu,
  });
}

/** Text with a letter of a script written without spaces: Chinese, Japanese, Thai, Lao, Khmer, Burmese. */
export function hasUnspacedLetter(text: string): boolean {
  return scriptExpressions().unspaced.test(text);
}

/** hasUnspacedLetter, tested cheaply first. */
export function hasUnspaced(text: string): boolean {
  return MAYBE_UNSPACED.test(text) && scriptExpressions().unspaced.test(text);
}

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
    if (!hasUnspaced(word)) {
      out.push(word);
      continue;
    }
    const { runs, cjk, segmented } = scriptExpressions();
    for (const run of word.match(runs) ?? []) {
      if (cjk.test(run)) bigrams(run, out);
      else if (segmented.test(run)) segmentWords(run, out);
      else out.push(run);
    }
  }
  return out;
}
