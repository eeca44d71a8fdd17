// Where the posts of a text capture start, found in its bytes without decoding the whole text: a line is a
// post's start when, normalised, it is a timestamp. Works on the bytes as a latin1 string (one character
// per byte), so that searching is on one-byte text and post chunks can be compared byte for byte.
import { Buffer } from 'node:buffer';
import type { PostEntry, PostMemory } from './chunks.js';
import { normalizeText, ODD_CHARACTERS } from './normalize.js';
import { matchMinutes, parseTimestamp, TIMESTAMP_AT } from './time.js';

export interface Scan {
  /** Offsets of the posts' first bytes. */
  starts: number[];
  /** The timestamp lines, normalised. */
  stamps: string[];
  /** Their minutes (parse/time.ts), read as they were found. */
  minutes: Array<number | null>;
  /** With a guide, each post's entry (the guide's, found in place, or the reader's memory's); else undefined. */
  entries: Array<PostEntry | undefined>;
}

/**
 * The text has line breaks other than LF and CRLF: U+2028, U+2029 and NEL as UTF-8 read as latin1, or a CR
 * not followed by LF. Each of the three has a last byte that no other line break has and that most
 * captures never have (English text has no \x85, \xA8 or \xA9 byte): looking for that byte alone is
 * one native scan (a single character is found like memchr finds it), and the whole sequence is looked
 * for only when the byte is there.
 */
function hasOtherLineBreaks(text: string): boolean {
  if (text.includes('\x85') && text.includes('\xC2\x85')) return true;
  if (text.includes('\xA8') && text.includes('\xE2\x80\xA8')) return true;
  if (text.includes('\xA9') && text.includes('\xE2\x80\xA9')) return true;
  return text.includes('\r') && /\r(?!\n)/.test(text);
}

/**
 * The odd characters of normalize.ts's table as UTF-8 read as latin1, as an alternation: ASCII ones in one
 * class, the others grouped by their leading bytes with their last bytes in a class (`\xE2\x80[\x80…]`).
 */
function oddBytes(): string {
  const ascii: string[] = [];
  const byLead = new Map<string, string[]>();
  for (const [c] of ODD_CHARACTERS) {
    const bytes = Buffer.from(c, 'utf8').toString('latin1');
    if (bytes.length === 1) ascii.push(bytes);
    else byLead.set(bytes.slice(0, -1), [...(byLead.get(bytes.slice(0, -1)) ?? []), bytes.slice(-1)]);
  }
  const hex = (s: string) => [...s].map((b) => `\\x${b.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
  return [`[ ${hex(ascii.join(''))}]`, ...[...byLead].map(([lead, lasts]) => `${hex(lead)}[${hex(lasts.join(''))}]`)].join('|');
}

/**
 * A line that may be a timestamp once normalised, after its `\n`: the white space and invisibles that
 * normalising removes (ASCII spaces, and normalize.ts's ODD_CHARACTERS as bytes), a digit, then `:` within
 * two characters or a non-ASCII byte there (an invisible inside the timestamp). One expression over the
 * whole text: the engine skips from line break to line break in native code, where a loop over the lines
 * would run every line through code that, in a run this short, is never optimised.
 */
const CANDIDATE = new RegExp(`\\n(?:${oddBytes()})*\\d\\d?[:\\x80-\\xFF]`, 'g');
/** CANDIDATE for the first line, which no line break precedes. */
const FIRST_CANDIDATE = new RegExp(CANDIDATE.source.slice(2), 'y');

/** Finding posts' timestamp lines in a text; the one found last, normalised, is in `stamp`, its minutes in `minutes`. */
class Finder {
  stamp = '';
  minutes: number | null = null;

  constructor(
    private readonly bytes: Buffer,
    private readonly text: string,
  ) {}

  /** The line at `pos` (a line start) starts a post: its timestamp line, normalised, is then in `stamp`. */
  startsAt(pos: number): boolean {
    const text = this.text;
    // The common case: a plain ASCII timestamp line, already normalised, tested in place.
    TIMESTAMP_AT.lastIndex = pos;
    const m = TIMESTAMP_AT.exec(text);
    if (m !== null) {
      this.stamp = text.slice(pos, TIMESTAMP_AT.lastIndex);
      // Read now: the match is in hand, and the post's entry needs its minutes.
      this.minutes = matchMinutes(m);
      return true;
    }
    FIRST_CANDIDATE.lastIndex = pos;
    if (!FIRST_CANDIDATE.test(text)) return false;
    const nl = text.indexOf('\n', pos);
    const stamp = normalizeText(this.bytes.toString('utf8', pos, nl === -1 ? text.length : nl));
    const time = parseTimestamp(stamp);
    if (time === null) return false;
    this.stamp = stamp;
    this.minutes = time.minutes;
    return true;
  }

  /** Where the first post on a line after the line at `pos` starts; the text's length when none does. */
  nextAfter(pos: number): number {
    // test() rather than exec(): no match object for each of thousands of lines. The line starts after the
    // last line break of the match (the match is the line break, white space and the line's first digits).
    CANDIDATE.lastIndex = pos;
    while (CANDIDATE.test(this.text)) {
      const line = this.text.lastIndexOf('\n', CANDIDATE.lastIndex - 1) + 1;
      if (this.startsAt(line)) return line;
    }
    return this.text.length;
  }
}

/**
 * Find the posts in `bytes` (valid UTF-8; `text` is the same bytes as latin1) from offset `begin`. Null
 * when the text has line breaks this scan does not split on: the caller reads it line by line instead.
 *
 * `memory`: a reader's, whose guide is the posts of the capture it parsed before (see chunks.ts). Where
 * the post expected next in the guide (or the one after it: the expected one is gone) is found in place,
 * byte for byte and ending where a post starts, it is that post: its bytes need no search. A successive
 * capture of a page is mostly the posts of the one before in the same order, so that the expression
 * searches only the posts that are new or changed. With a guide, posts found by searching get their entry
 * here (see PostMemory.entryFor); one that the guide has puts the guide back in step.
 */
export function scanPosts(bytes: Buffer, text: string, begin: number, memory: PostMemory | null): Scan | null {
  const guide = memory?.guide ?? [];
  const scan: Scan = { starts: [], stamps: [], minutes: [], entries: [] };
  const end = text.length;
  const find = new Finder(bytes, text);
  // Without a guide every byte is searched: check the whole text at once. With one, what is searched
  // (the header and each post not found in place) is checked; the guide's posts come from texts without.
  const guided = guide.length > 0;
  if (!guided && hasOtherLineBreaks(text)) return null;
  let pos = find.startsAt(begin) ? begin : find.nextAfter(begin);
  if (guided && hasOtherLineBreaks(text.slice(begin, pos))) return null;
  let stamp = find.stamp;
  let minutes = find.minutes;

  /** The guide's post `k` is at `at`: its bytes, and its whole last line (a post ends with a line break). */
  const fits = (k: number, at: number): boolean => {
    const raw = guide[k]?.raw;
    if (raw === undefined || at + raw.length > end) return false;
    // A slice compared with === is compared byte for byte natively; startsWith goes character by character.
    return text.slice(at, at + raw.length) === raw && (raw.charCodeAt(raw.length - 1) === 10 || at + raw.length === end);
  };
  let k = 0; // the guide's post expected next
  let ahead = -1; // the guide's post found at `pos` when checking where the one before it ended
  while (pos < end) {
    const g = ahead >= 0 ? ahead : fits(k, pos) ? k : fits(k + 1, pos) ? k + 1 : -1;
    ahead = -1;
    if (g >= 0) {
      const entry = guide[g]!;
      const after = pos + entry.raw.length;
      // It ends where a post starts here too: the guide's next post (whose first line is a timestamp line)
      // or a timestamp line.
      if (after < end && fits(g + 1, after)) ahead = g + 1;
      const nextStamp = after === end ? '' : ahead >= 0 ? guide[ahead]!.time : find.startsAt(after) ? find.stamp : null;
      if (nextStamp !== null) {
        scan.starts.push(pos);
        scan.stamps.push(entry.time);
        scan.minutes.push(entry.minutes);
        scan.entries.push(entry);
        k = g + 1;
        pos = after;
        stamp = nextStamp;
        minutes = after === end ? null : ahead >= 0 ? guide[ahead]!.minutes : find.minutes;
        continue;
      }
      // The post runs on in this capture: searched for below like any other.
    }
    const next = find.nextAfter(pos);
    const nextStamp = find.stamp;
    const nextMinutes = find.minutes;
    let entry: PostEntry | undefined;
    if (memory !== null && guided) {
      if (hasOtherLineBreaks(text.slice(pos, next))) return null;
      entry = memory.entryFor(stamp, minutes, bytes, text, pos, next);
      if (guide[entry.place] === entry) k = entry.place + 1;
    }
    scan.starts.push(pos);
    scan.stamps.push(stamp);
    scan.minutes.push(minutes);
    scan.entries.push(entry);
    pos = next;
    stamp = nextStamp;
    minutes = nextMinutes;
  }
  return scan;
}
