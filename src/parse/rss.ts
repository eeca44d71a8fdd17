// The rss adapter: an RSS 2.0, RSS 1.0 (RDF) or Atom feed, the rolling news feed of a live page. Each item
// (`<item>`, `<entry>`) is a post: its guid or id, its publication time, its title, its author and its
// content (HTML, escaped or in CDATA, or Atom's inline XHTML), read with htmlparser2 in XML mode.
import { type Element, isTag } from 'domhandler';
import { textContent as domText } from 'domutils';
import { decodeHTML } from 'entities';
import { InputError } from '../errors.js';
import type { Block, PageHeader } from '../model.js';
import { type Adapter, checkPostCount, type DraftCapture as Capture, type DraftPost as Post, MAX_POSTS, type ParseOptions } from './adapter.js';
import { feedDateMinutes } from './dates.js';
import { dropSharedIds, emptyHeader, headlineFromBody, LineIndex, timeMinutes } from './fields.js';
import { type CaptureReader, detach, innerText, looksLikeMarkup, oneLine, ownCopy, withMarkupLimits } from './markup.js';

/**
 * What may come before a feed's root element: white space, the XML declaration and other processing
 * instructions (a stylesheet), comments, a doctype. Each alternative starts with its own character, and
 * nothing must follow the group, so it matches in one pass.
 */
const PROLOG = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE\s[^[>]*(?:\[[\s\S]*?\])?\s*>)*/;
/** A feed's root element's start tag. */
const ROOT_TAG = /^<(rss|rdf:RDF|feed)(?=[\s>/])[^>]*/;
const ATOM_NAMESPACE = /\bxmlns\s*=\s*["']http:\/\/www\.w3\.org\/2005\/Atom["']/;
/** How much of the start detection reads: a long comment or stylesheet may come before the root. */
const DETECT_CHARS = 65536;

/**
 * Whether a text is an RSS or Atom feed: after its prolog, its first element is `<rss>`, `<rdf:RDF>` or an
 * Atom-namespaced `<feed>`. Only the root counts: an HTML page quoting `<rss` in a script or a comment,
 * or an Atom feed whose entries mention JSON-LD, is told apart.
 */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, DETECT_CHARS).replace(/^\ufeff/, '');
  const tag = ROOT_TAG.exec(head.slice(PROLOG.exec(head)![0].length));
  return tag !== null && (tag[1] !== 'feed' || ATOM_NAMESPACE.test(tag[0]));
}

/** The first child element of `parent` named one of `names`, in that order of preference. */
function child(parent: Element, ...names: string[]): Element | undefined {
  for (const name of names) {
    const found = parent.children.find((c): c is Element => isTag(c) && c.name === name);
    if (found) return found;
  }
  return undefined;
}

/** An element's text as the feed has it, copied (see ownCopy): posts made of it do not keep the feed alive. */
function textContent(el: Element): string {
  return ownCopy(domText(el));
}

/** An element's text, normalised to one line ('' when there is no such element). */
function text(el: Element | undefined): string {
  return el === undefined ? '' : oneLine(textContent(el));
}

/** The time of an item as it writes it, and as minutes (ISO 8601 in Atom and dc:date, RFC 2822 in RSS). */
function timeOf(el: Element | undefined): { time: string; minutes: number | null } {
  const time = text(el);
  return { time, minutes: time === '' ? null : (timeMinutes(time) ?? feedDateMinutes(time)) };
}

/**
 * How an element's text is read. Atom says it in `type`: `text` (the default) is text as it stands,
 * `html` is HTML, `xhtml` is markup in the feed itself. RSS text is HTML with its entities encoded
 * (`&#8217;` in WordPress excerpts), and often plain: its entities are decoded, and it is read as HTML
 * only when it holds markup (`a<b` in plain text keeps its words).
 */
type Reading = 'text' | 'html' | 'xhtml' | 'rss';

function readingOf(el: Element, atom: boolean): Reading {
  if (!atom) return 'rss';
  const type = el.attribs.type;
  return type === 'html' || type === 'xhtml' ? type : 'text';
}

/** An element's text as blocks, read as its feed says (see Reading). */
function blocksOf(reader: CaptureReader, el: Element, atom: boolean): Block[] {
  const reading = readingOf(el, atom);
  if (reading === 'xhtml') return reader.blocksFromText(innerText(el, { markers: true }));
  const content = textContent(el);
  if (reading === 'text') return reader.blocksFromText(content);
  if (reading === 'html') return reader.blocksFromMarkup(content, true);
  return looksLikeMarkup(content) ? reader.blocksFromMarkup(content, true) : reader.blocksFromText(decodeHTML(content));
}

/** An element's text as one line, read as its feed says (see Reading); '' without the element. */
function lineOf(reader: CaptureReader, el: Element | undefined, atom: boolean): string {
  if (el === undefined) return '';
  const reading = readingOf(el, atom);
  if (reading === 'xhtml') return oneLine(innerText(el));
  const content = textContent(el);
  if (reading === 'text') return oneLine(content);
  if (reading === 'html') return reader.textFromMarkup(content, true);
  return looksLikeMarkup(content) ? reader.textFromMarkup(content, true) : oneLine(decodeHTML(content));
}

/** An element with text in it (not only white space), and for Atom content not out of line (`src`). */
function filled(el: Element | undefined): Element | undefined {
  if (el === undefined || el.attribs.src !== undefined) return undefined;
  return el.attribs.type === 'xhtml' || textContent(el).trim() !== '' ? el : undefined;
}

/** An item's body: `content:encoded`, else `description` (RSS); `content`, else `summary` (Atom). */
function bodyOf(reader: CaptureReader, item: Element, atom: boolean): Block[] {
  const el = atom
    ? (filled(child(item, 'content')) ?? filled(child(item, 'summary')))
    : (filled(child(item, 'content:encoded')) ?? filled(child(item, 'description')));
  return el === undefined ? [] : blocksOf(reader, el, atom);
}

/** An item's author: RSS `author` or `dc:creator`, Atom `<author><name>`. */
function authorOf(item: Element): string | null {
  const author = child(item, 'author', 'dc:creator');
  if (author === undefined) return null;
  const name = text(child(author, 'name') ?? author);
  return name === '' ? null : name;
}

function parseItem(reader: CaptureReader, item: Element, index: number, lines: LineIndex): Post | null {
  const atom = item.name === 'entry';
  const { time, minutes } = timeOf(atom ? child(item, 'published', 'updated') : child(item, 'pubDate', 'dc:date'));
  const body = bodyOf(reader, item, atom);
  const headline = lineOf(reader, child(item, 'title'), atom);
  // The publisher's identifier only: guid, Atom id, RSS 1.0's rdf:about. Not the link, which is no id:
  // a slug fixed with its headline, or a rotating tracking parameter, would forbid pairing the post.
  const id = text(child(item, atom ? 'id' : 'guid')) || (item.attribs['rdf:about'] ?? '');
  if (headline === '' && body.length === 0 && time === '' && id === '') return null;
  return {
    index,
    line: lines.lineAt(item.startIndex ?? 0),
    id: id === '' ? null : id,
    time,
    minutes,
    headline: headline !== '' ? headline : headlineFromBody(body),
    byline: authorOf(item),
    captions: [],
    body,
  };
}

/** The feed's title and last update: RSS `channel` (`lastBuildDate`, else `pubDate`), Atom `feed`. */
function feedHeader(reader: CaptureReader, root: Element): PageHeader {
  const header = emptyHeader();
  const channel = root.name === 'feed' ? root : (child(root, 'channel') ?? root);
  header.title = lineOf(reader, child(channel, 'title'), root.name === 'feed') || null;
  const updated = timeOf(root.name === 'feed' ? child(channel, 'updated') : child(channel, 'lastBuildDate', 'pubDate', 'dc:date'));
  header.updated = updated.time || null;
  header.updatedMinutes = updated.minutes;
  return header;
}

const ROOT_NAMES = new Set(['rss', 'rdf:RDF', 'feed']);

/** An item read when it closed, with where it starts (items nest rarely, and close inner first). */
interface ReadItem {
  start: number;
  post: Post | null;
}

/**
 * Parse an RSS or Atom feed. A feed without items is a capture with no posts (a ticker before it starts).
 * Each item is read when it closes and then leaves the DOM (with the text before it), unless something
 * reads it whole later (see `dropped`): a feed is never held whole (190,000 items, 54 MB a side: 1.5 GB,
 * a DOM each).
 * `keepNodes`: drop nothing (the capture is the same).
 */
export function parseRssCapture(input: string, options: ParseOptions, keepNodes = false): Capture {
  return withMarkupLimits(options.source, (reader) => {
    const lines = new LineIndex(input);
    const items: ReadItem[] = [];
    let root: Element | undefined;
    let itemName = '';
    // For each open element: whether it is in the root (0), an item in it (1), or neither (-1).
    const stack: number[] = [];
    let openItems = 0;
    // An item leaves the DOM when nothing reads it whole again: it is not inside another item, and it is
    // where feeds put items, in the root or its channel (whose text the header reads only element by element).
    const dropped = (item: Element) => {
      const parent = item.parent;
      return !keepNodes && openItems === 0 && (parent === root || (parent !== null && isTag(parent) && parent.name === 'channel' && parent.parent === root));
    };
    const doc = reader.parseDocument(input, { xmlMode: true, withStartIndices: true }, {
      open(el) {
        const parent = stack.length === 0 ? -1 : stack[stack.length - 1]!;
        if (stack.length === 0 && root === undefined && ROOT_NAMES.has(el.name)) {
          // A download cut short leaves the root open: read as it stands, its last item would be half a
          // post, and the posts after it gone (a false `dropped`). Refused before any item is read.
          if (!new RegExp(`</${el.name}\\s*>(?:\\s|<!--[\\s\\S]*?-->)*$`).test(input.slice(-4096))) {
            throw new InputError(options.source, `a whole feed, closed by </${el.name}>`, `it cut off before its end (line ${lines.lineAt(input.length)})`);
          }
          root = el;
          // RSS 2.0 items are in the channel, RSS 1.0 items beside it; Atom entries are the feed's children.
          itemName = el.name === 'feed' ? 'entry' : 'item';
          stack.push(0);
          return;
        }
        const item = parent !== -1 && el.name === itemName;
        if (item && dropped(el) && el.prev !== null && !isTag(el.prev)) detach(el.parent!, true);
        stack.push(item ? 1 : parent === -1 ? -1 : 0);
        if (item) openItems++;
      },
      close(el) {
        if (stack.pop() !== 1) return;
        openItems--;
        items.push({ start: el.startIndex ?? 0, post: items.length < MAX_POSTS ? parseItem(reader, el, 0, lines) : null });
        if (dropped(el)) detach(el.parent!);
      },
    });
    if (root === undefined) {
      const first = doc.children.find(isTag);
      throw new InputError(
        options.source,
        'an RSS or Atom feed (a root element <rss>, <rdf:RDF> or Atom <feed>)',
        first === undefined ? 'no element' : `a root element <${first.name.slice(0, 40)}>`,
      );
    }
    checkPostCount(items.length, options.source, 'a feed');
    // In document order: an item inside another closes first.
    items.sort((a, b) => a.start - b.start);
    const posts: Post[] = [];
    for (const { post } of items) {
      if (post === null) continue;
      post.index = posts.length;
      posts.push(post);
    }
    dropSharedIds(posts);
    return { source: options.source, format: 'rss', page: feedHeader(reader, root), posts };
  });
}

export const rssAdapter: Adapter = {
  name: 'rss',
  detect: looksLikeFeed,
  parse: (text, options) => parseRssCapture(text, options),
};
