// Capture text is untrusted: make control characters, escapes, bidi overrides and invisible characters
// visible, never active, and cap runs of combining marks (one letter with 20,000 marks on it).

/** C0 controls except newline, DEL, C1 controls, bidi embeddings/overrides/isolates and marks, line/paragraph separators. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Characters that show nothing and can hide or smuggle text: invisible operators (U+2060-2064), deprecated
 * format characters, Hangul fillers, the Mongolian vowel separator, zero-width no-break space, interlinear
 * annotation marks (U+FFF9-FFFB), language tags (U+E0001) and tag characters (U+E0020-E007F, which spell
 * hidden ASCII), and the zero-width joiner. The joiner after a pictograph or a mark (a virama in Indic
 * scripts) and before a letter or pictograph (emoji sequences such as 👨‍👩‍👧) and tag characters in an emoji flag sequence (🏴 + tags + U+E007F) are
 * kept: there they are how the text is written.
 */
const INVISIBLE = /\u{1F3F4}[\u{E0020}-\u{E007E}]{1,12}\u{E007F}|[\u115f\u1160\u17b4\u17b5\u180e\u200d\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{E0001}\u{E0020}-\u{E007F}]/gu;
const JOINS_BEFORE = /[\p{M}\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]$/u;
const JOINS_AFTER = /^[\p{L}\p{N}\p{Extended_Pictographic}]/u;

/** Combining marks kept on one character; more are counted, not printed (Zalgo text, rendering bombs). */
export const MAX_COMBINING = 16;
const COMBINING_RUN = new RegExp(`(\\p{M}{${MAX_COMBINING}})\\p{M}+`, 'gu');

/**
 * Text none of whose characters is invisible or a combining mark: ASCII, Latin-1 and the other alphabets
 * below U+0300, and general punctuation but the joiner (curly quotes, dashes). Most of a page is such
 * text, and the two Unicode expressions above cost a page of thousands of edited posts 90 ms.
 * test/render/sanitize.test.ts checks every code point against them.
 */
export const NOTHING_HIDDEN = /^[\u0000-\u02ff\u2000-\u200c\u200e-\u205f\u2070-\u20cf]*$/;

function escapeChar(c: string): string {
  const code = c.codePointAt(0)!;
  if (code > 0xffff) return `\\u{${code.toString(16)}}`;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Invisible characters shown as escapes (`show`) or dropped, and combining runs capped: for the terminal
 * (shown) and Markdown (dropped). JSON keeps the text as it is.
 */
export function revealInvisible(text: string, show = true): string {
  if (NOTHING_HIDDEN.test(text)) return text;
  return text
    .replace(INVISIBLE, (c: string, at: number, all: string) => {
      if (c.length > 2) return c; // An emoji flag sequence.
      if (c === '\u200d' && JOINS_BEFORE.test(all.slice(Math.max(0, at - 2), at)) && JOINS_AFTER.test(all.slice(at + 1, at + 3))) return c;
      return show ? escapeChar(c) : '';
    })
    .replace(COMBINING_RUN, (run: string, kept: string) => `${kept}[+${[...run].length - MAX_COMBINING} combining marks]`);
}

/** Text safe to print on a terminal: every unsafe character shown as `\xNN` / `\uNNNN`. Newlines become `\x0a`. */
export function sanitizeInline(text: string): string {
  return revealInvisible(text.replace(UNSAFE, escapeChar).replace(/\n/g, '\\x0a'));
}

/** As sanitizeInline, but newlines are kept (for multi-line blocks). */
export function sanitizeLines(text: string): string {
  return revealInvisible(text.replace(UNSAFE, escapeChar));
}

/** JSON text with the characters JSON.stringify leaves raw but a terminal would act on escaped as \uNNNN. */
export function sanitizeJson(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
