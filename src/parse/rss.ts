// The rss adapter: an RSS 2.0, RSS 1.0 (RDF) or Atom feed, the rolling news feed of a live page. Each item
// (`<item>`, `<entry>`) is a post: its guid or id, its publication time, its title, its author and its
// content (HTML, escaped or in CDATA, or Atom's inline XHTML), read with htmlparser2 in XML mode.
import { type AnyNode, type Document, type Element, isTag } from 'domhandler';
import { getElementsByTagName, textContent } from 'domutils';
import { InputError } from '../errors.js';
import type { Block, PageHeader } from '../model.js';
import { type Adapter, checkPostCount, type DraftCapture as Capture, type DraftPost as Post, type ParseOptions } from './adapter.js';
import { feedDateMinutes } from './dates.js';
import { dropSharedIds, emptyHeader, headlineFromBody, LineIndex, timeMinutes } from './fields.js';
import { type CaptureReader, innerText, oneLine, withMarkupLimits } from './markup.js';
import { normalizeText } from './normalize.js';

/** The root element of a feed in the first bytes: `<rss`, `<rdf:RDF`, or `<feed` in Atom's namespace. */
const FEED_ROOT = /<(?:rss|rdf:RDF)[\s>]|<feed\b[^>]*\bxmlns\s*=\s*["']http:\/\/www\.w3\.org\/2005\/Atom["']/;
/** How much of the start detection reads (an XML declaration, a stylesheet and comments may come first). */
const DETECT_CHARS = 4096;

/** Whether a text is an RSS or Atom feed: it starts with markup and opens a feed's root element early. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, DETECT_CHARS).replace(/^[\ufeff\s]+/, '');
  return head.startsWith('<') && FEED_ROOT.test(head);
}

/** The first child element of `parent` named one of `names`, in that order of preference. */
function child(parent: Element, ...names: string[]): Element | undefined {
  for (const name of names) {
    const found = parent.children.find((c): c is Element => isTag(c) && c.name === name);
    if (found) return found;
  }
  return undefined;
}

/** An element's text, normalised to one line ('' when there is no such element). */
function text(el: Element | undefined): string {
  return el === undefined ? '' : normalizeText(textContent(el).replace(/[\r\n]+/g, ' '));
}

/** The time of an item as it writes it, and as minutes (ISO 8601 in Atom and dc:date, RFC 2822 in RSS). */
function timeOf(el: Element | undefined): { time: string; minutes: number | null } {
  const time = text(el);
  return { time, minutes: time === '' ? null : (timeMinutes(time) ?? feedDateMinutes(time)) };
}

/**
 * An item's body: Atom's `type="xhtml"` content is markup in the feed itself; anything else is text once
 * its entities or CDATA are read (`content:encoded`, `description`, `content`, `summary`): HTML when
 * Atom says `type="html"`, else HTML only if it holds markup (feeds put plain text there too).
 */
function bodyOf(reader: CaptureReader, el: Element | undefined): Block[] {
  if (el === undefined) return [];
  if (el.attribs.type === 'xhtml') return reader.blocksFromText(innerText(el, { markers: true }));
  const content = textContent(el);
  return reader.blocksFromMarkup(content, el.attribs.type === 'html' || undefined);
}

/** A title: as bodyOf reads text (`type="xhtml"`, `type="html"`, else HTML only if it holds markup). */
function titleOf(reader: CaptureReader, el: Element | undefined): string {
  if (el === undefined) return '';
  if (el.attribs.type === 'xhtml') return oneLine(innerText(el));
  const content = textContent(el);
  return reader.textFromMarkup(content, el.attribs.type === 'html' || undefined);
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
  const body = bodyOf(reader, atom ? child(item, 'content', 'summary') : child(item, 'content:encoded', 'description'));
  const headline = titleOf(reader, child(item, 'title'));
  const link = child(item, 'link');
  const id =
    text(child(item, atom ? 'id' : 'guid')) || (item.attribs['rdf:about'] ?? '') || (atom ? (link?.attribs.href ?? '') : text(link));
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
  header.title = titleOf(reader, child(channel, 'title')) || null;
  const updated = timeOf(root.name === 'feed' ? child(channel, 'updated') : child(channel, 'lastBuildDate', 'pubDate', 'dc:date'));
  header.updated = updated.time || null;
  header.updatedMinutes = updated.minutes;
  return header;
}

function feedRoot(doc: Document): Element | undefined {
  return doc.children.find((c: AnyNode): c is Element => isTag(c) && (c.name === 'rss' || c.name === 'rdf:RDF' || c.name === 'feed'));
}

/** Parse an RSS or Atom feed. A feed without items is a capture with no posts (a ticker before it starts). */
export function parseRssCapture(input: string, options: ParseOptions): Capture {
  return withMarkupLimits(options.source, (reader) => {
    const doc = reader.parseDocument(input, { xmlMode: true, withStartIndices: true });
    const root = feedRoot(doc);
    if (root === undefined) {
      const first = doc.children.find(isTag);
      throw new InputError(
        options.source,
        'an RSS or Atom feed (a root element <rss>, <rdf:RDF> or Atom <feed>)',
        first === undefined ? 'no element' : `a root element <${first.name.slice(0, 40)}>`,
      );
    }
    // RSS 2.0 items are in the channel, RSS 1.0 items beside it; Atom entries are the feed's children.
    const items = getElementsByTagName(root.name === 'feed' ? 'entry' : 'item', root, true);
    checkPostCount(items.length, options.source, 'a feed');
    const lines = new LineIndex(input);
    const posts: Post[] = [];
    for (const item of items) {
      const post = parseItem(reader, item, posts.length, lines);
      if (post) posts.push(post);
    }
    dropSharedIds(posts);
    return { source: options.source, format: 'rss', page: feedHeader(reader, root), posts };
  });
}

export const rssAdapter: Adapter = {
  name: 'rss',
  detect: looksLikeFeed,
  parse: parseRssCapture,
};
