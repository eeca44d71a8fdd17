// Posts of text captures by their raw bytes. Successive captures of a page repeat most posts byte for byte,
// so each distinct post is read once (`log`, `check` and both sides of a diff share it), and only as far
// as it is used: its time and headline at once, its byline, captions and body when something reads them.
import { Buffer } from 'node:buffer';
import type { Post } from '../model.js';
import { NON_ASCII, normalizeText } from './normalize.js';
import { parsePostText, type PostContent } from './post.js';
import { parseTimestamp } from './time.js';

export interface PostEntry {
  /** A number no other entry has: the raw identity of the posts parsed from it (identity.ts). */
  serial: number;
  /** The post's raw bytes, one character per byte (latin1): the cache key. */
  raw: string;
  time: string;
  minutes: number | null;
  /** The headline, read from `raw` on first use. */
  headline: string | null;
  /** Byline, captions and body, parsed from `raw` on first use. */
  content: PostContent | null;
  /**
   * Where the entry's post was in the last capture parsed that has it (-1 before any): for finding the
   * place of a post in the guide (see lastCapture), checked against it before use.
   */
  place: number;
}

/**
 * Entries by their timestamp line, each timestamp's entries compared by their whole raw text: hashing
 * every post's whole text would cost a large page more than everything else the parse does. A timestamp
 * shared by many posts gets a map by whole text. Bounded: cleared when full. Entries are shared between
 * captures and never changed once parsed (but for `place`, a hint).
 */
type Bucket = PostEntry | PostEntry[] | Map<string, PostEntry>;
const CACHE = new Map<string, Bucket>();
let cachedBytes = 0;
/**
 * The bytes of post text the cache may hold: both sides of a diff of pages far larger than real ones (two
 * of 6.6 MB in the benchmark), few enough that a long series or a long-running process keeps its memory
 * bounded (an entry's text keeps its whole capture's text alive).
 */
const CACHE_BYTES = 64 * 1024 * 1024;
/** Posts longer than this are read every time rather than kept. */
const MAX_CACHED_BYTES = 64 * 1024;
/** Entries a bucket holds in a list before it becomes a map. */
const MAX_LIST = 8;

function cachedEntry(time: string, raw: string): PostEntry | undefined {
  const bucket = CACHE.get(time);
  if (bucket === undefined) return undefined;
  if (bucket instanceof Map) return bucket.get(raw);
  if (Array.isArray(bucket)) return bucket.find((e) => e.raw === raw);
  return bucket.raw === raw ? bucket : undefined;
}

function remember(entry: PostEntry): void {
  if (entry.raw.length > MAX_CACHED_BYTES) return;
  if (cachedBytes + entry.raw.length > CACHE_BYTES) {
    CACHE.clear();
    cachedBytes = 0;
  }
  const bucket = CACHE.get(entry.time);
  if (bucket === undefined) CACHE.set(entry.time, entry);
  else if (bucket instanceof Map) bucket.set(entry.raw, entry);
  else if (!Array.isArray(bucket)) CACHE.set(entry.time, [bucket, entry]);
  else if (bucket.length < MAX_LIST) bucket.push(entry);
  else CACHE.set(entry.time, new Map([...bucket, entry].map((e) => [e.raw, e])));
  cachedBytes += entry.raw.length;
}

let serials = 0;

/**
 * The entry of a post's raw bytes and its timestamp line (normalised): the cached one, or a new one, made
 * and remembered at once (so that a capture with the same post twice gives both the same entry).
 */
export function entryFor(time: string, raw: string): PostEntry {
  let entry = cachedEntry(time, raw);
  if (entry === undefined) {
    entry = { serial: serials++, raw, time, minutes: parseTimestamp(time)?.minutes ?? null, headline: null, content: null, place: -1 };
    remember(entry);
  }
  return entry;
}

/**
 * The posts of the text capture parsed last, in page order: the guide for parsing the next one, which is
 * most often the same page a few minutes later (the new side of a diff, the next capture of a log).
 * parse/scan.ts looks for its posts in place before searching for timestamp lines. It keeps one capture's
 * entries (and so that capture's text) until the next text capture is parsed, whatever the cache drops.
 */
let guide: readonly PostEntry[] = [];

export function lastCapture(): readonly PostEntry[] {
  return guide;
}

export function setLastCapture(entries: readonly PostEntry[]): void {
  guide = entries;
  for (let k = 0; k < entries.length; k++) entries[k]!.place = k;
}

/** Line breaks in a text. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The 1-based lines where a capture's posts start, counted when a post's `line` is first read (only
 * library callers read it): from the first post's line and the line breaks in each post's bytes, so that
 * no capture's whole text is kept for it.
 */
export class StartLines {
  #lines: Int32Array | null = null;

  constructor(
    private readonly first: number,
    private readonly entries: readonly PostEntry[],
  ) {}

  at(k: number): number {
    if (this.#lines === null) {
      const lines = new Int32Array(this.entries.length);
      for (let i = 0, line = this.first; i < lines.length; line += lineBreaks(this.entries[i]!.raw), i++) lines[i] = line;
      this.#lines = lines;
    }
    return this.#lines[k]!;
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

/** The whole post, parsed from its bytes the first time it is asked for. */
function contentOf(entry: PostEntry): PostContent {
  entry.content ??= parsePostText(Buffer.from(entry.raw, 'latin1').toString('utf8'));
  return entry.content;
}

/**
 * A post at its place in a capture. Byline, captions and body are getters that parse the entry on first
 * use: a post that is the same in both captures is paired by its raw identity and never parsed further.
 * They live on the prototype (cheap to make thousands of); toJSON writes them out like a plain post's.
 */
class TextPost implements Post {
  readonly id = null;
  readonly time: string;
  readonly minutes: number | null;
  readonly #entry: PostEntry;
  readonly #lines: StartLines;
  readonly #k: number;

  constructor(
    entry: PostEntry,
    public index: number,
    lines: StartLines,
  ) {
    this.#entry = entry;
    this.#lines = lines;
    this.#k = index;
    this.time = entry.time;
    this.minutes = entry.minutes;
  }

  get line(): number {
    return this.#lines.at(this.#k);
  }

  get headline(): string {
    const entry = this.#entry;
    entry.headline ??= entry.content?.headline ?? headlineOf(entry.raw);
    return entry.headline;
  }

  get byline(): string | null {
    return contentOf(this.#entry).byline;
  }

  get captions(): Post['captions'] {
    return contentOf(this.#entry).captions;
  }

  get body(): Post['body'] {
    return contentOf(this.#entry).body;
  }

  toJSON(): Post {
    const { index, line, id, time, minutes, headline, byline, captions, body } = this;
    return { index, line, id, time, minutes, headline, byline, captions, body };
  }
}

export function lazyPost(entry: PostEntry, index: number, lines: StartLines): Post {
  return new TextPost(entry, index, lines);
}
