// One post of a text capture, from its normalised lines: timestamp, headline, byline, captions, body.
import type { Block, Caption, Post } from '../model.js';
import { normalizedLines } from './normalize.js';
import { Hash64 } from './hash.js';
import { parseTimestamp } from './time.js';

/** A line after the headline naming the author(s): `From CNN's …`, `Analysis from CNN's …`, `By …`. */
const BYLINE = /^(?:[A-Z][a-z]+ ){0,2}(?:[Ff]rom|[Bb]y) \S/;
/** Bylines are short; a longer line starting with `From` is a paragraph. */
const MAX_BYLINE_LENGTH = 160;
/**
 * A line a live page puts above a post's headline to mark it, not the post's words (`Pinned`, `Key event`):
 * copied with the page, it is not the headline. A red-team pass: every marked post had the headline
 * `Key event`, and a mark added later read as the headline rewritten and the real one moved to the body.
 */
const POST_LABEL = /^(?:pinned(?: post)?|key events?|breaking)$/i;
const BULLET = /^[•·▪◦‣∙*-] ?/;
const NUMBERED = /^(\d{1,3})[.)] /;

export interface Line {
  text: string;
  /** 1-based line number in the source. */
  n: number;
}

/** What a post's text parses to, before it gets its place in a capture (`index`, `line`). */
export type PostContent = Omit<Post, 'index' | 'line'>;

/** The fields a post's key covers. */
type Keyed = Pick<Post, 'time' | 'headline' | 'byline' | 'captions' | 'body'>;

/**
 * A post's content identity: a hash of everything a reader sees (time, headline, byline, captions, body
 * with each block's kind and marker), for every format alike. Equal content, equal key.
 */
export function postKey(post: Keyed): string {
  const hash = new Hash64().add(post.time).add(post.headline).add(post.byline === null ? 'n' : `b${post.byline}`);
  for (const c of post.captions) hash.add('c').add(c.text).add(c.credit === null ? 'n' : `r${c.credit}`);
  for (const b of post.body) hash.add(b.kind).add(b.marker).add(b.text);
  return hash.digest();
}

/** Every field equal, compared in place (no key string is built). */
export function samePost(a: Keyed, b: Keyed): boolean {
  return (
    a.time === b.time &&
    a.headline === b.headline &&
    a.byline === b.byline &&
    // Posts parsed from the same bytes by one reader share their arrays (parse/chunks.ts): no need to look inside.
    (a.captions === b.captions ||
      (a.captions.length === b.captions.length &&
        a.captions.every((c, i) => c.text === b.captions[i]!.text && c.credit === b.captions[i]!.credit))) &&
    (a.body === b.body ||
      (a.body.length === b.body.length &&
        a.body.every((x, i) => x.text === b.body[i]!.text && x.marker === b.body[i]!.marker && x.kind === b.body[i]!.kind)))
  );
}

/** A post's key: its own, or, for a post built without one (a library caller's), made here. */
export function keyOf(post: Post): string {
  return post.key ?? postKey(post);
}

export function toLines(text: string, firstLine = 1): Line[] {
  return normalizedLines(text).map((line, i) => ({ text: line, n: i + firstLine }));
}

/** A line after the headline that is the post's byline (parsePost reads it so). */
export function isByline(text: string): boolean {
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

/** A post's mark above its headline (POST_LABEL), skipped while another line follows it. */
export function isPostLabel(text: string): boolean {
  return text.length <= 12 && POST_LABEL.test(text);
}

/** How many of a post's first non-empty lines are read for its headline and byline: marks above them included. */
export const LEAD_LINES = 4;

/** Where a post's headline is among its first lines: past the marks that another line follows. */
export function headlineAt(lines: readonly string[]): number {
  let h = 0;
  while (h + 1 < lines.length && isPostLabel(lines[h]!)) h++;
  return h;
}

/** A post from its timestamp line and the lines up to the next post. */
export function parsePost(stamp: Line, rest: Line[], index: number): Post {
  const minutes = parseTimestamp(stamp.text)?.minutes ?? null;
  let content = rest.filter((l) => l.text !== '');
  content = content.slice(headlineAt(content.slice(0, LEAD_LINES).map((l) => l.text)));
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
  const key = postKey({ time: stamp.text, headline, byline, captions, body });
  return { index, line: stamp.n, id: null, time: stamp.text, minutes, headline, byline, captions, body, key };
}

/** Parse one post's decoded text (its timestamp line first) to its content. */
export function parsePostText(text: string): PostContent {
  const lines = toLines(text);
  const { index: _index, line: _line, ...content } = parsePost(lines[0]!, lines.slice(1), 0);
  return content;
}
