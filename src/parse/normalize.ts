// Capture noise that is never an edit: line endings, BOM, odd spaces, Unicode forms, runs of white space.

/** Space-like characters browsers copy in place of a plain space (NBSP, thin and em spaces, …). */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]/g;
/** Invisible characters that carry no text (zero-width space, word joiner, BOM). */
const INVISIBLES = /[\u200b\u2060\ufeff\u00ad]/g;
const SPACE_RUNS = / {2,}/g;

/** Normalise one line or field of text: NFC, plain spaces, no invisibles, single spaces, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(ODD_SPACES, ' ').replace(INVISIBLES, '').replace(SPACE_RUNS, ' ').trim();
}

/** Split a decoded capture into lines, whatever the line endings (`\r\n`, `\r`, `\n`, U+2028/U+2029). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029\u0085]/);
}

/** A key for comparing text: normalised and case-folded. */
export function foldText(text: string): string {
  return normalizeText(text).toLowerCase();
}
