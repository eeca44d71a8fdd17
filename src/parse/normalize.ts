// Capture noise that is never an edit: line endings, BOM, odd spaces, Unicode forms, runs of white space.

/**
 * The odd characters of captures, in one table from which both the normaliser's expressions (below) and
 * the byte-level scan for timestamp lines (CANDIDATE in parse/scan.ts) are built. `space`: a space-like
 * character browsers copy in place of a plain space (NBSP, thin and em spaces, tabs); `invisible`: a
 * character that carries no text (zero-width space, word joiner, BOM, soft hyphen; the left-to-right,
 * right-to-left and Arabic letter marks that pages scatter around numbers in Arabic or Hebrew text, and
 * add or drop between captures with nothing changed).
 */
export const ODD_CHARACTERS: ReadonlyArray<readonly [char: string, becomes: 'space' | 'invisible']> = [
  ...[...'\t\v\f\u00a0\u1680\u202f\u205f\u3000'].map((c) => [c, 'space'] as const),
  ...Array.from({ length: 11 }, (_, i) => [String.fromCharCode(0x2000 + i), 'space'] as const),
  ...[...'\u200b\u2060\ufeff\u00ad\u200e\u200f\u061c'].map((c) => [c, 'invisible'] as const),
];

/** A character class of the table's characters of one kind (or all), as source text. */
function charClass(kind?: 'space' | 'invisible'): string {
  const chars = ODD_CHARACTERS.filter(([, k]) => kind === undefined || k === kind);
  return `[${chars.map(([c]) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`;
}

const ODD_SPACES = new RegExp(charClass('space'), 'g');
const INVISIBLES = new RegExp(charClass('invisible'), 'g');
const SPACE_RUNS = / {2,}/g;

const ODD = new RegExp(charClass());

/**
 * Anything normalizeText would change besides trimming; most lines of a capture have none. Two searches:
 * one expression with both would try the class and the two spaces at every character.
 */
function needsWork(text: string): boolean {
  return ODD.test(text) || text.includes('  ');
}
/** Characters outside ASCII: only such text can be in another normalisation form than NFC. */
export const NON_ASCII = /[^\x00-\x7f]/;

/** Normalise one line or field of text: NFC, plain spaces, no invisibles, single spaces, trimmed. */
export function normalizeText(text: string): string {
  const nfc = NON_ASCII.test(text) ? text.normalize('NFC') : text;
  if (!needsWork(nfc)) return nfc.trim();
  return nfc.replace(ODD_SPACES, ' ').replace(INVISIBLES, '').replace(SPACE_RUNS, ' ').trim();
}

/** Split a decoded capture into lines, whatever the line endings (`\r\n`, `\r`, `\n`, U+2028/U+2029). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029\u0085]/);
}

/**
 * The lines of a text as splitLines splits it, counted without splitting; past `limit`, counting stops
 * (the result is then `limit + 1`): for refusing a text of too many lines before it is split.
 */
export function countLines(text: string, limit = Infinity): number {
  let n = 1;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 0x2028 || c === 0x2029 || c === 0x85 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
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
  const clean = needsWork(nfc) ? nfc.replace(ODD_SPACES, ' ').replace(INVISIBLES, '') : nfc;
  return splitLines(clean).map((line) => (line.includes('  ') ? line.replace(SPACE_RUNS, ' ') : line).trim());
}
