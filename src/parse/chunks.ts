// Posts of text captures by their raw bytes, and what a reader (parse/index.ts createReader) keeps between
// the captures it parses: the last capture's posts, so that the next capture's unchanged posts are found in
// place and not parsed again; and the lazy posts made from them. A plain parseCapture keeps nothing (the one
// module-level map, from a lazy post to its entry, is weak: a private field of the post in effect).
import { Buffer } from 'node:buffer';
import type { Post } from '../model.js';
import { NON_ASCII, normalizeText, ODD_CHARACTERS } from './normalize.js';
import { headlineAt, isByline, isPostLabel, LEAD_LINES, parsePostText, type PostContent } from './post.js';

export interface PostEntry {
  /**
   * The post's raw bytes, one character per byte (latin1): what the next capture's posts are compared with.
   * A slice of its capture's text until the reader gives it a copy of its own (PostMemory.remember).
   */
  raw: string;
  /** The timestamp line, normalised. */
  time: string;
  readonly minutes: number | null;
  /** The first non-empty line after the timestamp line, normalised: read at once (every report names it). */
  headline: string;
  /** The second, when it is a byline (`From CNN's …`): read with the headline, it is as cheap. */
  byline: string | null;
  /** Line breaks in `raw`: the next post starts that many lines further down. */
  readonly breaks: number;
  /** The whole post (captions, body and key with the rest), parsed from `raw` when a post of it first needs it. */
  content: PostContent | null;
  /**
   * Where the entry's post was in the last capture the reader parsed (-1 before any): for finding a post
   * in the guide, checked against it before use.
   */
  place: number;
  /** The reader's number of the capture the entry was made from; -1 once its strings are its own. */
  born: number;
}

/** Line breaks in a text. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
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
 * The common lead of a post, after its timestamp line: blank lines, a line of printable ASCII already
 * normalised (no space at either end, none doubled), blank lines, another such line. One match, where
 * reading line by line costs each post a dozen calls; anything else is read line by line (leadByLines).
 */
const PLAIN_LEAD = /(?:[ \t\r]*\n)*([!-~]+(?: [!-~]+)*)\r?\n(?:[ \t\r]*\n)*([!-~]+(?: [!-~]+)*)(?=\r?\n|$)/y;

/**
 * The first two lines after the timestamp line of `raw` (a post's UTF-8 bytes as latin1) that are not empty
 * once normalised: the post's headline and, when the second is one, its byline, as parsePost finds them,
 * without parsing the rest.
 */
function leadOf(raw: string): { headline: string; byline: string | null } {
  PLAIN_LEAD.lastIndex = raw.indexOf('\n') + 1;
  const plain = PLAIN_LEAD.lastIndex > 0 ? PLAIN_LEAD.exec(raw) : null;
  if (plain === null || isPostLabel(plain[1]!)) return leadByLines(raw);
  const second = plain[2]!;
  return { headline: plain[1]!, byline: isByline(second) ? second : null };
}

/** leadOf for any text: each line decoded and normalised in turn. */
function leadByLines(raw: string): { headline: string; byline: string | null } {
  const lines: string[] = [];
  // Marks above the headline (`Key event`) are read past, as parsePost does: two lines beyond them.
  let marks = 0;
  for (let pos = raw.indexOf('\n') + 1; pos > 0 && pos < raw.length && lines.length < marks + 2 && lines.length < LEAD_LINES; ) {
    const nl = raw.indexOf('\n', pos);
    const end = nl === -1 ? raw.length : nl;
    if (!isBlank(raw, pos, end)) {
      const line = raw.slice(pos, end);
      // ASCII bytes are their own text: only others need decoding.
      const text = normalizeText(NON_ASCII.test(line) ? Buffer.from(line, 'latin1').toString('utf8') : line);
      if (text !== '') {
        lines.push(text);
        if (lines.length === marks + 1 && isPostLabel(text)) marks++;
      }
    }
    pos = end + 1;
  }
  const h = headlineAt(lines);
  const second = lines[h + 1];
  return { headline: lines[h] ?? '', byline: second !== undefined && isByline(second) ? second : null };
}

/**
 * The entry of the post from `start` to `end` of `text` (a capture's bytes as latin1), whose timestamp line
 * the scan found, normalised and read (`stamp`, `minutes`): a slice of the text, nothing but its first
 * lines read. `born`: the reader's number of the capture (-1 without a reader).
 */
export function newEntry(text: string, start: number, end: number, stamp: string, minutes: number | null, born = -1): PostEntry {
  const raw = text.slice(start, end);
  const { headline, byline } = leadOf(raw);
  return { raw, time: stamp, minutes, headline, byline, breaks: lineBreaks(raw), content: null, place: -1, born };
}

/** The entry of the post from `start` to `end` of `bytes`, with strings of its own and parsed. */
function ownEntry(bytes: Buffer, start: number, end: number): PostEntry {
  const raw = bytes.toString('latin1', start, end);
  const c = parsePostText(bytes.toString('utf8', start, end));
  return { raw, time: c.time, minutes: c.minutes, headline: c.headline, byline: c.byline, breaks: lineBreaks(raw), content: c, place: -1, born: -1 };
}

/**
 * Give an entry strings of its own, so that it no longer keeps its capture's whole text alive: its bytes
 * copied, its time, headline and byline (slices, for plain ASCII lines) taken from the copy.
 */
function ownStrings(entry: PostEntry): void {
  const raw = Buffer.from(entry.raw, 'latin1').toString('latin1');
  if (raw.startsWith(entry.time)) entry.time = raw.slice(0, entry.time.length);
  entry.raw = raw;
  ({ headline: entry.headline, byline: entry.byline } = leadOf(raw));
  entry.born = -1;
}

/** The entry's whole post, parsed on first use. Its bytes are an immutable string: the input may change. */
function contentOf(entry: PostEntry): PostContent {
  entry.content ??= parsePostText(Buffer.from(entry.raw, 'latin1').toString('utf8'));
  return entry.content;
}

/** The fields of a text post that are parsed when first read. */
const LAZY_FIELDS = ['captions', 'body', 'key'] as const;
type LazyField = (typeof LAZY_FIELDS)[number];

/**
 * Each lazy post's entry. A private field of the post, in effect: only the accessors below and
 * `textSource` read it, and a post leaves it when a field is assigned (its fields then become plain
 * values). Weak: it holds nothing its posts do not.
 */
const ENTRIES = new WeakMap<object, PostEntry>();

/** Give a lazy post its own plain values (parsing it): the first assignment to one of its fields does. */
function materialise(post: object): void {
  const entry = ENTRIES.get(post);
  if (entry === undefined) return;
  const content = contentOf(entry);
  ENTRIES.delete(post);
  for (const field of LAZY_FIELDS) {
    Object.defineProperty(post, field, { value: content[field], writable: true, enumerable: true, configurable: true });
  }
}

function lazyField(field: LazyField): PropertyDescriptor {
  return {
    get(this: object) {
      const entry = ENTRIES.get(this);
      return entry === undefined ? undefined : contentOf(entry)[field];
    },
    set(this: Record<LazyField, unknown>, value: unknown) {
      materialise(this);
      this[field] = value;
    },
    enumerable: true,
    configurable: true,
  };
}

/**
 * One set of accessors shared by every lazy post: V8 keeps the posts' shape fast only when the accessor
 * functions are the same for all (closures made per post would put each post in dictionary mode).
 */
const LAZY: readonly PropertyDescriptor[] = LAZY_FIELDS.map(lazyField);

/**
 * A text post at its place in a capture: plain data whose captions, body and key are own
 * enumerable accessors that parse the entry on first read (spread, structuredClone, JSON.stringify and
 * toEqual read them like values). A post the aligner pairs by its source (`textSource`) and no renderer
 * prints is never parsed beyond its first lines.
 */
export function lazyPost(entry: PostEntry, index: number, line: number): Post {
  const c = entry.content;
  if (c !== null) {
    // Parsed already: a plain object costs less than accessors.
    return { index, line, id: null, time: entry.time, minutes: entry.minutes, headline: entry.headline, byline: entry.byline, captions: c.captions, body: c.body, key: c.key };
  }
  const post = { index, line, id: null, time: entry.time, minutes: entry.minutes, headline: entry.headline, byline: entry.byline };
  // One property at a time: defineProperties reads its descriptors anew for every post, about twice the cost.
  for (let i = 0; i < LAZY.length; i++) Object.defineProperty(post, LAZY_FIELDS[i]!, LAZY[i]!);
  ENTRIES.set(post, entry);
  return post as unknown as Post;
}

/**
 * The bytes a text post's captions, body and key are read from (an object standing for them), or
 * null for any other post (another format's, a copy, one whose fields were assigned). Two posts with the
 * same source and the same time, headline and byline (plain fields a caller may have changed) are the same post:
 * one reader gives every post of the same bytes the same entry.
 */
export function textSource(post: Post): object | null {
  return ENTRIES.get(post) ?? null;
}

/**
 * Characters the parse removes (invisibles: one between two parts of a word joins them) or turns into an
 * ASCII letter (İ and the Kelvin sign, once normalised and lower-cased: the only two, as
 * test/parse/folded-bytes.test.ts checks over every code point), as the UTF-8 bytes of a raw post.
 */
export const WORD_MAKERS = ['\u0130', '\u212a', ...ODD_CHARACTERS.filter(([, k]) => k === 'invisible').map(([c]) => c)];
const WORD_MAKER_BYTES = new RegExp(WORD_MAKERS.map((c) => Buffer.from(c, 'utf8').toString('latin1').replace(/[\s\S]/g, (b) => `\\x${b.charCodeAt(0).toString(16).padStart(2, '0')}`)).join('|'));

/**
 * An unparsed text post's raw bytes (one character a byte) after its timestamp line, with ASCII letters
 * lower-cased, for finding out cheaply which posts cannot hold a word: every ASCII word of the post's
 * headline, captions and body (align/fingerprint.ts words) is a substring of them. The timestamp line is
 * left out: a month's name in it is in every post's bytes and in no post's words. Null when that does not
 * hold (the bytes have a WORD_MAKERS character) and for any post that is not an unparsed text post: its
 * words must be read.
 */
export function foldedBytes(post: Post): string | null {
  const entry = ENTRIES.get(post);
  if (entry === undefined || WORD_MAKER_BYTES.test(entry.raw)) return null;
  // Latin-1 letters lower-case to Latin-1 letters: no ASCII letter is made from a UTF-8 byte.
  return entry.raw.slice(entry.raw.indexOf('\n') + 1).toLowerCase();
}

/**
 * Entries by their timestamp line, each timestamp's entries compared by their whole raw text: hashing
 * every post's whole text would cost a large page more than everything else the parse does. A timestamp
 * shared by many posts gets a map by whole text.
 */
type Bucket = PostEntry | PostEntry[] | Map<string, PostEntry>;
/** Entries a bucket holds in a list before it becomes a map. */
const MAX_LIST = 8;

/**
 * What a reader remembers: the posts of the text capture it parsed last (the **guide**), in page order and
 * by timestamp. The next capture is most often the same page a few minutes later (the new side of a diff,
 * the next capture of a log): parse/scan.ts looks for the guide's posts in place, and a post not found in
 * place is looked up here before it is parsed. Only the last capture is kept, so memory is bounded by two
 * captures' posts whatever the length of the series, and nothing is ever dropped in the middle of a diff.
 */
export class PostMemory {
  #guide: readonly PostEntry[] = [];
  /** The guide's entries by time, made when first needed: a diff's newer capture never needs its own. */
  #byTime: Map<string, Bucket> | null = null;
  /** How many captures the memory has been given (`remember`). */
  #count = 0;

  get guide(): readonly PostEntry[] {
    return this.#guide;
  }

  /** The remembered entry of a post's bytes (`start` to `end` of `text`), or a new one. */
  entryFor(time: string, minutes: number | null, bytes: Buffer, text: string, start: number, end: number): PostEntry {
    this.#byTime ??= byTime(this.#guide);
    const bucket = this.#byTime.get(time);
    if (bucket !== undefined) {
      const raw = text.slice(start, end);
      const found =
        bucket instanceof Map ? bucket.get(raw) : Array.isArray(bucket) ? bucket.find((e) => e.raw === raw) : bucket.raw === raw ? bucket : undefined;
      if (found !== undefined) return found;
    }
    if (this.#guide.length === 0) return newEntry(text, start, end, time, minutes, this.#count);
    // A post the last capture did not have is new or edited: whatever compares the two reads it whole, so
    // it is parsed now (its posts are plain objects, cheaper to make and read than lazy ones), from bytes
    // of its own (it is one of a few: the capture's text is not kept alive for it).
    return ownEntry(bytes, start, end);
  }

  /**
   * The capture just parsed becomes the guide; what only earlier captures had is forgotten. An entry is a
   * slice of the text it was read from (copying every post's bytes would cost a large diff more than
   * parsing it): kept on into a third capture, it gets strings of its own, so that the memory keeps alive
   * the texts of the last two captures at most, whatever the length of the series (a diff copies nothing),
   * and it is parsed.
   */
  remember(entries: readonly PostEntry[]): void {
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k]!;
      entry.place = k;
      if (entry.born >= 0 && entry.born < this.#count - 1) {
        ownStrings(entry);
        // A post in three captures is likely in many more (a series): parsed now, once, its posts in the
        // next captures are plain objects, cheaper to make than lazy ones when a series reads them all.
        contentOf(entry);
      }
    }
    this.#guide = entries;
    this.#byTime = null;
    this.#count++;
  }
}

/** Entries by time (see Bucket). */
function byTime(entries: readonly PostEntry[]): Map<string, Bucket> {
  const map = new Map<string, Bucket>();
  for (const entry of entries) {
    const bucket = map.get(entry.time);
    if (bucket === undefined) map.set(entry.time, entry);
    else if (bucket instanceof Map) bucket.set(entry.raw, entry);
    else if (!Array.isArray(bucket)) map.set(entry.time, [bucket, entry]);
    else if (bucket.length < MAX_LIST) bucket.push(entry);
    else map.set(entry.time, new Map([...bucket, entry].map((e) => [e.raw, e])));
  }
  return map;
}
