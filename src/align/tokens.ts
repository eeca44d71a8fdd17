// Words of text written without spaces: Chinese and Japanese as character bigrams, Thai, Lao, Khmer and
// Burmese through Intl.Segmenter. A run of such letters is not one word (two flash items sharing a
// five-character prefix would otherwise share their first "word" and nothing else to tell them apart).

/** Scripts written without spaces between words; tested only on text that is not plain ASCII. */
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
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
