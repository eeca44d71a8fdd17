// Where the posts of a text capture start, found in its bytes without decoding the whole text: a line is a
// post's start when, normalised, it is a timestamp. Works on the bytes as a latin1 string (one character
// per byte), so that searching is on one-byte text and post chunks can be compared byte for byte.
import type { Buffer } from 'node:buffer';
import { NON_ASCII, normalizeText } from './normalize.js';
import { matchMinutes, parseTimestamp, TIMESTAMP_AT } from './time.js';

export interface Scan {
  /** Offsets of the posts' first bytes. */
  starts: number[];
  /** 1-based line numbers of those starts. */
  lines: number[];
  /** The timestamp lines, normalised, and their minutes. */
  stamps: string[];
  minutes: number[];
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

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The offset after the white space and invisibles at `pos` that normalising removes (ASCII spaces and
 * tabs; NBSP, U+1680, U+2000–U+200B, U+202F, U+205F, U+2060, U+3000, BOM and soft hyphen as UTF-8).
 */
function afterSpaces(text: string, pos: number): number {
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 9 || c === 11 || c === 12) {
      pos++;
      continue;
    }
    if (c < 0xc2) return pos;
    const d = text.charCodeAt(pos + 1);
    const e = text.charCodeAt(pos + 2);
    if (c === 0xc2 && (d === 0xa0 || d === 0xad)) pos += 2;
    else if (
      (c === 0xe2 && d === 0x80 && (e <= 0x8b || e === 0xaf)) ||
      (c === 0xe2 && d === 0x81 && (e === 0x9f || e === 0xa0)) ||
      (c === 0xe1 && d === 0x9a && e === 0x80) ||
      (c === 0xe3 && d === 0x80 && e === 0x80) ||
      (c === 0xef && d === 0xbb && e === 0xbf)
    ) {
      pos += 3;
    } else return pos;
  }
}

/**
 * Whether the line at `pos` may be a timestamp once normalised: after any white space it starts with a
 * digit, then `:` within two characters or a non-ASCII byte there (an invisible inside the timestamp).
 */
function mayBeStamp(text: string, pos: number): boolean {
  const at = afterSpaces(text, pos);
  if (!isDigit(text.charCodeAt(at))) return false;
  const c1 = text.charCodeAt(at + 1);
  const c2 = text.charCodeAt(at + 2);
  return c1 === 58 || c1 >= 0x80 || (isDigit(c1) && (c2 === 58 || c2 >= 0x80));
}

/**
 * Find the posts in `bytes` (valid UTF-8; `text` is the same bytes as latin1) from offset `begin`. Null
 * when the text has line breaks this scan does not split on: the caller reads it line by line instead.
 */
export function scanPosts(bytes: Buffer, text: string, begin: number): Scan | null {
  if (hasOtherLineBreaks(text)) return null;
  const scan: Scan = { starts: [], lines: [], stamps: [], minutes: [] };
  const add = (pos: number, line: number, stamp: string, minutes: number) => {
    scan.starts.push(pos);
    scan.lines.push(line);
    scan.stamps.push(stamp);
    scan.minutes.push(minutes);
  };
  for (let pos = begin, line = 1; ; line++) {
    const nl = text.indexOf('\n', pos);
    const c = text.charCodeAt(pos);
    // A line starting with a letter or punctuation (most lines) is no timestamp: nothing more to look at.
    if ((isDigit(c) || c >= 0xc2 || c === 32 || c === 9 || c === 11 || c === 12) && mayBeStamp(text, pos)) {
      // The common case: a plain ASCII timestamp line, already normalised, matched in place.
      TIMESTAMP_AT.lastIndex = pos;
      const m = TIMESTAMP_AT.exec(text);
      const minutes = m ? matchMinutes(m) : null;
      if (m && minutes !== null) add(pos, line, m[0], minutes);
      else if (!m) {
        const stamp = normalizeText(bytes.toString('utf8', pos, nl === -1 ? text.length : nl));
        const parsed = parseTimestamp(stamp);
        if (parsed) add(pos, line, stamp, parsed.minutes);
      }
    }
    if (nl === -1) return scan;
    pos = nl + 1;
  }
}

/** Only spaces, tabs and CR between `pos` and `end`: a blank line without decoding it. */
function isBlank(text: string, pos: number, end: number): boolean {
  for (let i = pos; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** The first line between `from` and `to` that is not empty once normalised: a post's headline. */
export function firstTextLine(bytes: Buffer, text: string, from: number, to: number): string {
  for (let pos = from; pos < to; ) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 || nl > to ? to : nl;
    if (!isBlank(text, pos, end)) {
      const raw = text.slice(pos, end);
      // ASCII bytes are their own text: only others need decoding.
      const line = normalizeText(NON_ASCII.test(raw) ? bytes.toString('utf8', pos, end) : raw);
      if (line !== '') return line;
    }
    pos = end + 1;
  }
  return '';
}
