// Capture noise that is never an edit: line endings, BOM, odd spaces, Unicode forms, runs of white space.

/** Space-like characters browsers copy in place of a plain space (NBSP, thin and em spaces, …). */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]/g;
/**
 * Invisible characters that carry no text (zero-width space, word joiner, BOM). These and ODD_SPACES have a
 * byte-level twin, CANDIDATE in parse/scan.ts, that must list the same characters.
 */
const INVISIBLES = /[\u200b\u2060\ufeff\u00ad]/g;
const SPACE_RUNS = / {2,}/g;

/** Anything normalizeText would change besides trimming; most lines of a capture have none. */
const NEEDS_WORK = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\t\v\f\u2060\ufeff\u00ad]| {2}/;
/** Characters outside ASCII: only such text can be in another normalisation form than NFC. */
export const NON_ASCII = /[^\x00-\x7f]/;

/** Normalise one line or field of text: NFC, plain spaces, no invisibles, single spaces, trimmed. */
export function normalizeText(text: string): string {
  const nfc = NON_ASCII.test(text) ? text.normalize('NFC') : text;
  if (!NEEDS_WORK.test(nfc)) return nfc.trim();
  return nfc.replace(ODD_SPACES, ' ').replace(INVISIBLES, '').replace(SPACE_RUNS, ' ').trim();
}

/** Split a decoded capture into lines, whatever the line endings (`\r\n`, `\r`, `\n`, U+2028/U+2029). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029\u0085]/);
}

/** A key for comparing text: normalised and case-folded. */
export function foldText(text: string): string {
  return normalizeText(text).toLowerCase();
}

/**
 * Split a whole capture into normalised lines. The replacements run once over the whole text rather than
 * once per line: on a page of thousands of posts that is most of the parse time.
 */
export function normalizedLines(text: string): string[] {
  const nfc = NON_ASCII.test(text) ? text.normalize('NFC') : text;
  const clean = NEEDS_WORK.test(nfc) ? nfc.replace(ODD_SPACES, ' ').replace(INVISIBLES, '') : nfc;
  return splitLines(clean).map((line) => (line.includes('  ') ? line.replace(SPACE_RUNS, ' ') : line).trim());
}
