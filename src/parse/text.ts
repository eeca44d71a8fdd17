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

function excerpt(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(short);
}

/** Parse a text capture. Throws InputError when no post starts with a timestamp line. */
export function parseTextCapture(text: string, options: ParseOptions): Capture {
  const lines: Line[] = normalizedLines(text).map((line, i) => ({ text: line, n: i + 1 }));
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) if (parseTimestamp(lines[i]!.text)) starts.push(i);
  const first = starts[0];
  if (first === undefined) {
    const nonEmpty = lines.find((l) => l.text !== '');
    const header = parseHeader(lines);
    const found =
      header.updated !== null || header.postCount !== null
        ? 'a page header but no post'
        : nonEmpty
          ? `${excerpt(nonEmpty.text)} on line ${nonEmpty.n} and no timestamp line`
          : 'no text';
    throw new InputError(
      options.source,
      "a live-page capture whose posts start with a timestamp line such as '5:50 a.m. ET, March 22, 2023'",
      found,
    );
  }
  const headerLines = lines.slice(0, first).filter((l) => l.text !== '');
  if (headerLines.length > MAX_HEADER_LINES) {
    throw new InputError(
      options.source,
      `a page header of at most ${MAX_HEADER_LINES} lines before the first post`,
      `${headerLines.length} lines`,
      lines[first]!.n,
    );
  }
  const posts = starts.map((start, k) => parsePost(lines[start]!, lines.slice(start + 1, starts[k + 1] ?? lines.length), k));
  return { source: options.source, format: 'text', page: parseHeader(headerLines), posts };
}

export const textAdapter: Adapter = {
  name: 'text',
  detect: (text) => splitLines(text.slice(0, 65536)).some((l) => parseTimestamp(normalizeText(l)) !== null),
  parse: parseTextCapture,
};
