// The text adapter: a live page as a browser renders it, copied as plain text (see snapshots/README.md).
import { InputError } from '../errors.js';
import type { Block, Caption, Capture, PageHeader, Post } from '../model.js';
import type { Adapter, ParseOptions } from './adapter.js';
import { normalizedLines, normalizeText, splitLines } from './normalize.js';
import { parseTimestamp } from './time.js';

/** A line after the headline naming the author(s): `From CNN's …`, `Analysis from CNN's …`, `By …`. */
const BYLINE = /^(?:[A-Z][a-z]+ ){0,2}(?:[Ff]rom|[Bb]y) \S/;
/** Bylines are short; a longer line starting with `From` is a paragraph. */
const MAX_BYLINE_LENGTH = 160;
const BULLET = /^[•·▪◦‣∙*-] ?/;
const NUMBERED = /^(\d{1,3})[.)] /;
const POST_COUNTER = /^(\d{1,3}(?:,\d{3})*|\d+) Posts?$/;
const UPDATED = /^Updated:? (.{1,80})$/;
const SORT_CONTROL = /^Sort by/;
const PAGE_BYLINE = /^By \S/;
/** How many lines the header may have before the first post; more means this is not a capture's header. */
const MAX_HEADER_LINES = 200;

interface Line {
  text: string;
  /** 1-based line number in the source. */
  n: number;
}

function isByline(text: string): boolean {
  return text.length <= MAX_BYLINE_LENGTH && BYLINE.test(text) && !/[.!?]$/.test(text);
}

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

function parseBlock(text: string): Block {
  const bullet = BULLET.exec(text);
  if (bullet && text.length > bullet[0].length) {
    return { kind: 'bullet', marker: '•', text: text.slice(bullet[0].length).trim() };
  }
  const numbered = NUMBERED.exec(text);
  if (numbered) return { kind: 'numbered', marker: `${numbered[1]}.`, text: text.slice(numbered[0].length).trim() };
  return { kind: 'paragraph', marker: '', text };
}

/** A caption line followed by the same caption with the credit in parentheses. */
function captionCredit(line: string, next: string | undefined): string | null {
  if (next === undefined || !next.endsWith(')') || !next.startsWith(`${line} (`)) return null;
  return next.slice(line.length + 2, -1);
}

function parsePost(stamp: Line, rest: Line[], index: number): Post {
  const minutes = parseTimestamp(stamp.text)?.minutes ?? null;
  const content = rest.filter((l) => l.text !== '');
  const headline = content[0]?.text ?? '';
  let i = 1;
  let byline: string | null = null;
  if (content[i] && isByline(content[i]!.text)) byline = content[i++]!.text;
  const captions: Caption[] = [];
  const body: Block[] = [];
  for (; i < content.length; i++) {
    const line = content[i]!;
    const next = content[i + 1];
    const credit = next && next.n === line.n + 1 ? captionCredit(line.text, next.text) : null;
    if (credit !== null) {
      captions.push({ text: line.text, credit });
      i++;
    } else body.push(parseBlock(line.text));
  }
  return { index, line: stamp.n, id: null, time: stamp.text, minutes, headline, byline, captions, body };
}

/** What a post's text parses to, before it gets its place in a capture (`index`, `line`). */
type PostContent = Omit<Post, 'index' | 'line'>;

/**
 * Parsed post texts by their raw text. Successive captures of a page repeat most posts word for word, so a
 * series (`log`, `check`) and the two sides of a diff parse each distinct post once. Bounded: cleared when
 * full. Entries are shared between captures and never mutated.
 */
const POST_CACHE = new Map<string, { content: PostContent; lines: number }>();
const POST_CACHE_LIMIT = 20_000;
/** Posts longer than this are parsed every time rather than kept. */
const POST_CACHE_MAX_CHARS = 64 * 1024;

/** Lines that may be a timestamp: a digit first, after any white space; confirmed after normalisation. */
const STAMP_CANDIDATE = /^[^\S\r\n\u2028\u2029]*\d{1,2}:\d{2}/gm;
/** Characters that make the raw lines differ from the normalised ones in ways the fast path cannot see. */
const SLOW_PATH = /[\u0085\u200b\u2060\u00ad]/;

function countLines(text: string): number {
  return splitLines(text).length;
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

function toLines(text: string, firstLine = 1): Line[] {
  return normalizedLines(text).map((line, i) => ({ text: line, n: i + firstLine }));
}

/** Parse one post's raw text (its timestamp line first), through the cache. */
function parseChunk(raw: string): { content: PostContent; lines: number } {
  const hit = POST_CACHE.get(raw);
  if (hit) return hit;
  const lines = toLines(raw);
  const { index: _index, line: _line, ...content } = parsePost(lines[0]!, lines.slice(1), 0);
  // A chunk ends with the line break before the next post: that break does not start a line of this post.
  const entry = { content, lines: countLines(raw) - 1 };
  if (raw.length <= POST_CACHE_MAX_CHARS) {
    if (POST_CACHE.size >= POST_CACHE_LIMIT) POST_CACHE.clear();
    POST_CACHE.set(raw, entry);
  }
  return entry;
}

/** Offsets in the raw text where posts start: lines that are timestamps once normalised. */
function postStarts(text: string): number[] {
  const starts: number[] = [];
  STAMP_CANDIDATE.lastIndex = 0;
  for (let m = STAMP_CANDIDATE.exec(text); m !== null; m = STAMP_CANDIDATE.exec(text)) {
    const end = text.slice(m.index, m.index + 200).search(/[\r\n\u2028\u2029]|$/);
    if (parseTimestamp(normalizeText(text.slice(m.index, m.index + end)))) starts.push(m.index);
  }
  return starts;
}

/** The straightforward parse: normalise every line, then find the posts. */
function parseLines(text: string, options: ParseOptions): Capture {
  const lines = toLines(text);
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) if (parseTimestamp(lines[i]!.text)) starts.push(i);
  const first = starts[0];
  if (first === undefined) throw noPostError(lines, options.source);
  const headerLines = lines.slice(0, first).filter((l) => l.text !== '');
  checkHeader(headerLines, options.source, lines[first]!.n);
  const posts = starts.map((start, k) => parsePost(lines[start]!, lines.slice(start + 1, starts[k + 1] ?? lines.length), k));
  return { source: options.source, format: 'text', page: parseHeader(headerLines), posts };
}

/** Parse a text capture. Throws InputError when no post starts with a timestamp line. */
export function parseTextCapture(text: string, options: ParseOptions): Capture {
  if (SLOW_PATH.test(text)) return parseLines(text, options);
  const starts = postStarts(text);
  if (starts.length === 0) throw noPostError(toLines(text), options.source);
  const headerText = text.slice(0, starts[0]);
  const allHeaderLines = toLines(headerText);
  const headerLines = allHeaderLines.filter((l) => l.text !== '');
  let line = allHeaderLines.length;
  checkHeader(headerLines, options.source, line);
  const posts: Post[] = starts.map((start, index) => {
    const { content, lines } = parseChunk(text.slice(start, starts[index + 1] ?? text.length));
    const post: Post = { index, line, ...content };
    line += lines;
    return post;
  });
  return { source: options.source, format: 'text', page: parseHeader(headerLines), posts };
}

export const textAdapter: Adapter = {
  name: 'text',
  detect: (text) => splitLines(text.slice(0, 65536)).some((l) => parseTimestamp(normalizeText(l)) !== null),
  parse: parseTextCapture,
};
