// Posts of text captures by their raw bytes, and what a reader (parse/index.ts createReader) keeps between
// the captures it parses: the last capture's posts, so that the next capture's unchanged posts are found in
// place and not parsed again. Nothing here is module state: a plain parseCapture keeps nothing.
import { Buffer } from 'node:buffer';
import { parsePostText, type PostContent } from './post.js';

export interface PostEntry {
  /** The post's raw bytes, one character per byte (latin1): what the next capture's posts are compared with. */
  readonly raw: string;
  /** The timestamp line, normalised. */
  readonly time: string;
  /** The whole post, parsed once (its key included). */
  readonly content: PostContent;
  /** Line breaks in `raw`: the next post starts that many lines further down. */
  readonly breaks: number;
  /**
   * Where the entry's post was in the last capture the reader parsed (-1 before any): for finding a post
   * in the guide, checked against it before use.
   */
  place: number;
}

/** Line breaks in a text. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The entry of the post from `start` to `end` of `bytes` (`text` is the same bytes as latin1). */
export function newEntry(bytes: Buffer, text: string, start: number, end: number, own: boolean): PostEntry {
  const raw = own ? ownCopy(bytes, start, end) : text.slice(start, end);
  const content = parsePostText(bytes.toString('utf8', start, end));
  // The time as parsed from the post's own text: the scan's is a slice of the capture's (see ownCopy).
  return { raw, time: content.time, content, breaks: lineBreaks(raw), place: -1 };
}

/**
 * The bytes of `text` (latin1) from `start` to `end` as a string of their own. A slice would keep the whole
 * capture's text alive as long as the entry lives, and a reader's entries outlive their capture.
 */
export function ownCopy(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('latin1', start, end);
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
  #byTime = new Map<string, Bucket>();

  get guide(): readonly PostEntry[] {
    return this.#guide;
  }

  /** The remembered entry of a post's bytes (`start` to `end` of `text`), or a new one. */
  entryFor(time: string, bytes: Buffer, text: string, start: number, end: number): PostEntry {
    const bucket = this.#byTime.get(time);
    if (bucket !== undefined) {
      const raw = text.slice(start, end);
      const found =
        bucket instanceof Map ? bucket.get(raw) : Array.isArray(bucket) ? bucket.find((e) => e.raw === raw) : bucket.raw === raw ? bucket : undefined;
      if (found !== undefined) return found;
    }
    return newEntry(bytes, text, start, end, true);
  }

  /** The capture just parsed becomes the guide; what only earlier captures had is forgotten. */
  remember(entries: readonly PostEntry[]): void {
    const byTime = new Map<string, Bucket>();
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k]!;
      entry.place = k;
      const bucket = byTime.get(entry.time);
      if (bucket === undefined) byTime.set(entry.time, entry);
      else if (bucket instanceof Map) bucket.set(entry.raw, entry);
      else if (!Array.isArray(bucket)) byTime.set(entry.time, [bucket, entry]);
      else if (bucket.length < MAX_LIST) bucket.push(entry);
      else byTime.set(entry.time, new Map([...bucket, entry].map((e) => [e.raw, e])));
    }
    this.#guide = entries;
    this.#byTime = byTime;
  }
}
