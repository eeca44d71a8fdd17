// Where the posts of a text capture start, found in its bytes without decoding the whole text: a line is a
// post's start when, normalised, it is a timestamp. Works on the bytes as a latin1 string (one character
// per byte), so that searching is on one-byte text and post chunks can be compared byte for byte.
import { Buffer } from 'node:buffer';
import { NON_ASCII, normalizeText } from './normalize.js';
import { parseTimestamp, TIMESTAMP_AT } from './time.js';

export interface Scan {
  /** Offsets of the posts' first bytes. */
  starts: number[];
  /** The timestamp lines, normalised. */
  stamps: string[];
}

/**
 * Line breaks this scan does not split on, as UTF-8 read as latin1: U+2028, U+2029 and NEL (a CR is
 * looked at apart: only a CR not followed by LF is one).
 */
const OTHER_LINE_BREAKS = ['\xE2\x80\xA8', '\xE2\x80\xA9', '\xC2\x85'];

/** The text has line breaks other than LF and CRLF. Searched for one by one: faster than one expression. */
function hasOtherLineBreaks(text: string): boolean {
  if (OTHER_LINE_BREAKS.some((b) => text.includes(b))) return true;
  return text.includes('\r') && /\r(?!\n)/.test(text);
}

/**
 * A line that may be a timestamp once normalised, after its `\n`: the white space and invisibles that
 * normalising removes (ASCII spaces and tabs; NBSP, soft hyphen, U+2000–U+200B, U+202F, U+205F, U+2060,
 * U+1680, U+3000 and BOM as UTF-8 read as latin1: the byte-level twin of normalize.ts's lists), a digit,
 * then `:` within two characters or a non-ASCII byte there (an invisible inside the timestamp). One
 * expression over the whole text: the engine skips from line break to line break in native code, where a
 * loop over the lines would run every line through code that, in a run this short, is never optimised.
 */
const CANDIDATE =
  /\n(?:[ \t\v\f]|\xC2[\xA0\xAD]|\xE2\x80[\x80-\x8B\xAF]|\xE2\x81[\x9F\xA0]|\xE1\x9A\x80|\xE3\x80\x80|\xEF\xBB\xBF)*\d\d?[:\x80-\xFF]/g;
/** CANDIDATE for the first line, which no line break precedes. */
const FIRST_CANDIDATE = new RegExp(CANDIDATE.source.slice(2), 'y');

/**
 * Find the posts in `bytes` (valid UTF-8; `text` is the same bytes as latin1) from offset `begin`. Null
 * when the text has line breaks this scan does not split on: the caller reads it line by line instead.
 */
export function scanPosts(bytes: Buffer, text: string, begin: number): Scan | null {
  if (hasOtherLineBreaks(text)) return null;
  const scan: Scan = { starts: [], stamps: [] };
  const at = (pos: number) => {
    // The common case: a plain ASCII timestamp line, already normalised, tested in place.
    TIMESTAMP_AT.lastIndex = pos;
    if (TIMESTAMP_AT.test(text)) {
      scan.starts.push(pos);
      scan.stamps.push(text.slice(pos, TIMESTAMP_AT.lastIndex));
      return;
    }
    const nl = text.indexOf('\n', pos);
    const stamp = normalizeText(bytes.toString('utf8', pos, nl === -1 ? text.length : nl));
    if (parseTimestamp(stamp)) {
      scan.starts.push(pos);
      scan.stamps.push(stamp);
    }
  };
  FIRST_CANDIDATE.lastIndex = begin;
  if (FIRST_CANDIDATE.test(text)) at(begin);
  CANDIDATE.lastIndex = begin;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) at(m.index + 1);
  return scan;
}

/** Only spaces, tabs and CR between `pos` and `end`: a blank line without decoding it. */
function isBlank(text: string, pos: number, end: number): boolean {
  for (let i = pos; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * The first line after the timestamp line of `raw` (a post's UTF-8 bytes as latin1) that is not empty
 * once normalised: the post's headline.
 */
export function headlineOf(raw: string): string {
  for (let pos = raw.indexOf('\n') + 1; pos > 0 && pos < raw.length; ) {
    const nl = raw.indexOf('\n', pos);
    const end = nl === -1 ? raw.length : nl;
    if (!isBlank(raw, pos, end)) {
      const line = raw.slice(pos, end);
      // ASCII bytes are their own text: only others need decoding.
      const text = normalizeText(NON_ASCII.test(line) ? Buffer.from(line, 'latin1').toString('utf8') : line);
      if (text !== '') return text;
    }
    pos = end + 1;
  }
  return '';
}
