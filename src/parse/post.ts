// One post of a text capture, from its normalised lines: timestamp, headline, byline, captions, body.
import type { Block, Caption, Post } from '../model.js';
import { normalizedLines } from './normalize.js';
import { parseTimestamp } from './time.js';

/** A line after the headline naming the author(s): `From CNN's …`, `Analysis from CNN's …`, `By …`. */
const BYLINE = /^(?:[A-Z][a-z]+ ){0,2}(?:[Ff]rom|[Bb]y) \S/;
/** Bylines are short; a longer line starting with `From` is a paragraph. */
const MAX_BYLINE_LENGTH = 160;
const BULLET = /^[•·▪◦‣∙*-] ?/;
const NUMBERED = /^(\d{1,3})[.)] /;

export interface Line {
  text: string;
  /** 1-based line number in the source. */
  n: number;
}

/** What a post's text parses to, before it gets its place in a capture (`index`, `line`). */
export type PostContent = Omit<Post, 'index' | 'line'>;

export function toLines(text: string, firstLine = 1): Line[] {
  return normalizedLines(text).map((line, i) => ({ text: line, n: i + firstLine }));
}

function isByline(text: string): boolean {
  return text.length <= MAX_BYLINE_LENGTH && BYLINE.test(text) && !/[.!?]$/.test(text);
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

/** A post from its timestamp line and the lines up to the next post. */
export function parsePost(stamp: Line, rest: Line[], index: number): Post {
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

/** Parse one post's decoded text (its timestamp line first) to its content. */
export function parsePostText(text: string): PostContent {
  const lines = toLines(text);
  const { index: _index, line: _line, ...content } = parsePost(lines[0]!, lines.slice(1), 0);
  return content;
}
