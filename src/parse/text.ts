// The text adapter: a live page as a browser renders it, copied as plain text (see snapshots/README.md).
import { Buffer, isUtf8 } from 'node:buffer';
import { InputError } from '../errors.js';
import type { Capture, PageHeader, Post } from '../model.js';
import { type Adapter, checkLineCount, checkPostCount, MAX_TEXT_LINES, type ParseOptions } from './adapter.js';
import { lazyPost, newEntry, type PostEntry, type PostMemory } from './chunks.js';
import { bomCharset, checkCaptureBytes, decodeCapture } from './decode.js';
import { countLines, normalizeText, splitLines } from './normalize.js';
import { parsePost, toLines, type Line } from './post.js';
import { scanPosts } from './scan.js';
import { parseTimestamp } from './time.js';

const POST_COUNTER = /^(\d{1,3}(?:,\d{3})*|\d+) Posts?$/;
const UPDATED = /^Updated:? (.{1,80})$/;
const SORT_CONTROL = /^Sort by/;
const PAGE_BYLINE = /^By \S/;
/** How many lines the header may have before the first post; more means this is not a capture's header. */
const MAX_HEADER_LINES = 200;

function parseHeader(lines: Line[]): PageHeader {
  const header: PageHeader = {
    deepLink: null,
    title: null,
    bylines: [],
    updated: null,
    updatedMinutes: null,
    postCount: null,
  };
  const others: string[] = [];
  for (const { text } of lines) {
    const updated = UPDATED.exec(text);
    const counter = POST_COUNTER.exec(text);
    if (updated) {
      header.updated = updated[1]!;
      header.updatedMinutes = parseTimestamp(updated[1]!)?.minutes ?? null;
    } else if (counter) header.postCount = Number(counter[1]!.replace(/,/g, ''));
    else if (SORT_CONTROL.test(text)) continue;
    else if (PAGE_BYLINE.test(text)) header.bylines.push(text);
    else if (header.bylines.length === 0 && header.updated === null) others.push(text);
  }
  // The title is the last line before the bylines; a line before it is the linked post's headline.
  if (others.length > 0) header.title = others[others.length - 1]!;
  if (others.length > 1) header.deepLink = others[0]!;
  return header;
}

function excerpt(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(short);
}

function noPostError(lines: Line[], source: string): InputError {
  const nonEmpty = lines.find((l) => l.text !== '');
  const header = parseHeader(lines);
  const found =
    header.updated !== null || header.postCount !== null
      ? 'a page header but no post'
      : nonEmpty
        ? `${excerpt(nonEmpty.text)} on line ${nonEmpty.n} and no timestamp line`
        : 'no text';
  return new InputError(
    source,
    "a live-page capture whose posts start with a timestamp line such as '5:50 a.m. ET, March 22, 2023'",
    found,
  );
}

function checkHeader(headerLines: Line[], source: string, firstPostLine: number): void {
  if (headerLines.length > MAX_HEADER_LINES) {
    throw new InputError(
      source,
      `a page header of at most ${MAX_HEADER_LINES} lines before the first post`,
      `${headerLines.length} lines`,
      firstPostLine,
    );
  }
}

/**
 * The straightforward parse: normalise every line, then find the posts. The byte-level parse must give
 * the same capture (test/parse/bytes.test.ts checks it against this one).
 */
export function parseTextLines(text: string, source: string): Capture {
  checkLineCount(countLines(text, MAX_TEXT_LINES), source, 'a live-page capture', false);
  const lines = toLines(text);
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) if (parseTimestamp(lines[i]!.text)) starts.push(i);
  const first = starts[0];
  if (first === undefined) throw noPostError(lines, source);
  checkPostCount(starts.length, source, 'a live-page capture');
  const headerLines = lines.slice(0, first).filter((l) => l.text !== '');
  checkHeader(headerLines, source, lines[first]!.n);
  const posts = starts.map((start, k) => parsePost(lines[start]!, lines.slice(start + 1, starts[k + 1] ?? lines.length), k));
  return { source, format: 'text', page: parseHeader(headerLines), posts };
}

/**
 * The fast parse of valid UTF-8 from `begin` (after a BOM): find the posts in the bytes, then make each
 * post, parsed when first read (see chunks.ts lazyPost). With a reader's memory, a post whose bytes the
 * capture parsed before it had shares its entry (and its parse), and this capture becomes the memory. Null when the bytes need the line-by-line parse (other line breaks, or
 * no post found: that parse says what is wrong).
 */
function parseUtf8(bytes: Buffer, begin: number, source: string, memory: PostMemory | null): Capture | null {
  const text = bytes.toString('latin1');
  const scan = scanPosts(bytes, text, begin, memory);
  if (scan === null || scan.starts.length === 0) return null;
  const { starts, stamps, minutes } = scan;
  checkPostCount(starts.length, source, 'a live-page capture');
  const header = toLines(bytes.toString('utf8', begin, starts[0]));
  // The header ends with the line break before the first post, so its last (empty) line is that post's.
  let line = header.length;
  const headerLines = header.filter((l) => l.text !== '');
  checkHeader(headerLines, source, line);
  const entries: PostEntry[] = new Array(starts.length);
  const posts: Post[] = new Array(starts.length);
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k]!;
    const end = starts[k + 1] ?? text.length;
    // Without a memory the entry is this capture's alone (a reader remembers its own: see PostMemory).
    const entry =
      scan.entries[k] ??
      (memory ? memory.entryFor(stamps[k]!, minutes[k] ?? null, bytes, text, start, end) : newEntry(text, start, end, stamps[k]!, minutes[k] ?? null));
    entries[k] = entry;
    posts[k] = lazyPost(entry, k, line);
    line += entry.breaks;
  }
  // Counted from what the scan found (each entry's line breaks): nothing is split or parsed yet.
  checkLineCount(line, source, 'a live-page capture');
  memory?.remember(entries);
  return { source, format: 'text', page: parseHeader(headerLines), posts };
}

/**
 * Parse a text capture from its bytes: refuse what is not a UTF-8 text capture (see decodeCapture), read
 * valid UTF-8 at the byte level, anything else (UTF-16, other line breaks) line by line once decoded.
 */
export function parseTextBytes(input: Uint8Array, source: string, maxBytes?: number, memory: PostMemory | null = null): Capture {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const bom = bomCharset(bytes);
  if (bom === null || bom === 'utf-8') {
    checkCaptureBytes(bytes, source, maxBytes);
    const capture = isUtf8(bytes) ? parseUtf8(bytes, bom === 'utf-8' ? 3 : 0, source, memory) : null;
    if (capture) return capture;
  }
  return parseTextLines(decodeCapture(bytes, source, maxBytes), source);
}

/** Parse a decoded text capture. Throws InputError when no post starts with a timestamp line. */
export function parseTextCapture(text: string, options: ParseOptions, memory: PostMemory | null = null): Capture {
  // Well-formed text goes through the byte-level parse (a lone surrogate would not survive encoding).
  const wellFormed = (text as string & { isWellFormed(): boolean }).isWellFormed();
  const capture = wellFormed ? parseUtf8(Buffer.from(text, 'utf8'), 0, options.source, memory) : null;
  return capture ?? parseTextLines(text, options.source);
}

export const textAdapter: Adapter = {
  name: 'text',
  detect: (text) => splitLines(text.slice(0, 65536)).some((l) => parseTimestamp(normalizeText(l)) !== null),
  parse: (text, options) => parseTextCapture(text, options),
};
