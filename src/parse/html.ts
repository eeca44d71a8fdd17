// The html adapter: a saved live page whose posts are elements (`article`, `[data-post-id]`, `.live-post`…),
// read with a real HTML parser (htmlparser2, through markup.ts) and CSS selectors (css-select).
import { type AnyNode, type Document, type Element, isTag } from 'domhandler';
import { InputError } from '../errors.js';
import type { Block, Caption } from '../model.js';
import { type Adapter, checkPostCount, type DraftCapture as Capture, type DraftPost as Post, type ParseOptions } from './adapter.js';
import { dropSharedIds, type FieldOptions, headlineFromBody, LineIndex, timeMinutes } from './fields.js';
import { pageHeader } from './html-header.js';
import { busiestLevel, checkSelector, compiled, first, outermost, readsUpward, select } from './html-select.js';
import { type PageRead, type PostTests, streamPage } from './html-stream.js';
import { attribute, type CaptureReader, innerText, isHidden, isWide, listMarker, looksLikeHtml, oneLine, withMarkupLimits } from './markup.js';

/** The posts among matches of the default selectors: their busiest nesting level (html-select.ts). */
function postLevel(matches: Element[]): Element[] {
  const set = new Set<AnyNode>(matches);
  return busiestLevel(matches, (el) => {
    let depth = 0;
    for (let p = el.parent; p; p = p.parent) if (set.has(p)) depth++;
    return depth;
  });
}

// ——— The html adapter ———

/** A short quoted excerpt of untrusted text for a one-line message. */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}

/** Elements that mark a live post when the page says so explicitly; tried before plain `article`. */
export const DEFAULT_POST_SELECTOR =
  '[data-post-id], .liveblog-post, .live-post, [itemtype*=BlogPosting]:not([itemtype*=LiveBlogPosting])';
export const FALLBACK_POST_SELECTOR = 'article';
export const DEFAULT_TIME_SELECTORS = ['time[datetime]', 'time', '[itemprop=datePublished]'];
export const DEFAULT_HEADLINE_SELECTOR = 'h1, h2, h3, h4';
export const DEFAULT_BODY_SELECTOR = 'p, li, blockquote';
export const DEFAULT_ID_ATTRIBUTES = ['data-post-id', 'data-id', 'id'];
const BYLINE_SELECTOR = '.byline, [itemprop=author]';
/** Body elements inside these are page furniture (share menus, forms), not the post's text. */
const FURNITURE = new Set(['nav', 'form', 'figure', 'figcaption', 'aside', 'footer']);

/** The post's id: `fields.id` (`attr` on the post, or `selector@attr` inside it), else the usual attributes. */
function postId(el: Element, spec: string | undefined): string | null {
  if (spec === undefined) {
    for (const name of DEFAULT_ID_ATTRIBUTES) {
      const value = attribute(el, name);
      if (value !== null) return value;
    }
    return null;
  }
  const at = spec.lastIndexOf('@');
  if (at <= 0) return attribute(el, spec.slice(at + 1));
  const target = first(spec.slice(0, at), el);
  return target ? attribute(target, spec.slice(at + 1)) : null;
}

function timeOf(el: Element, selector: string | undefined): { time: string; minutes: number | null; el: Element | null } {
  const found = selector !== undefined ? first(selector, el) : DEFAULT_TIME_SELECTORS.map((s) => first(s, el)).find((e) => e) ?? null;
  if (!found) return { time: '', minutes: null, el: null };
  const time = attribute(found, 'datetime') ?? attribute(found, 'content') ?? oneLine(innerText(found));
  return { time, minutes: timeMinutes(time), el: found };
}

function captionOf(figcaption: Element): Caption {
  const creditEl = first('.credit, [itemprop=copyrightHolder]', figcaption);
  const credit = creditEl ? oneLine(innerText(creditEl)) : '';
  const text = oneLine(innerText(figcaption, { skip: creditEl ? new Set([creditEl]) : undefined }));
  return { text, credit: credit === '' ? null : credit };
}

function blockOf(el: Element, skip: ReadonlySet<AnyNode>): Block | null {
  const text = oneLine(innerText(el, { skip }));
  if (text === '') return null;
  if (el.name === 'li') {
    const marker = listMarker(el);
    return { kind: marker === '•' ? 'bullet' : 'numbered', marker, text };
  }
  return { kind: 'paragraph', marker: '', text };
}

/** Whether a body element belongs to the post's text: not inside the skipped or furniture elements. */
function inText(el: Element, post: Element, skip: ReadonlySet<AnyNode>): boolean {
  for (let p: AnyNode | null = el; p && p !== post; p = p.parent) {
    if (skip.has(p)) return false;
    if (isTag(p) && (isHidden(p) || FURNITURE.has(p.name))) return false;
  }
  return true;
}

/** A post element read (its DOM no longer needed): a post once its index is known (finishPost). */
interface Draft {
  line: number;
  id: string | null;
  time: string;
  minutes: number | null;
  headline: string;
  byline: string;
  captions: Caption[];
  body: Block[];
  /** The post's own text, made into blocks by finishPost when it has no paragraphs (null when it has). */
  bodyText: string | null;
}

function readPost(el: Element, fields: FieldOptions, lines: LineIndex): Draft {
  const { time, minutes, el: timeEl } = timeOf(el, fields.time);
  const headlineEl = first(fields.headline ?? DEFAULT_HEADLINE_SELECTOR, el);
  const bylineEl = first(BYLINE_SELECTOR, el);
  const skip = new Set<AnyNode>([timeEl, headlineEl, bylineEl].filter((e): e is Element => e !== null));
  const captions = select('figcaption', el).map(captionOf).filter((c) => c.text !== '');
  const body = outermost(select(fields.body ?? DEFAULT_BODY_SELECTOR, el).filter((b) => inText(b, el, skip)))
    .map((b) => blockOf(b, skip))
    .filter((b): b is Block => b !== null);
  let bodyText: string | null = null;
  if (body.length === 0 && fields.body === undefined) {
    // No paragraphs: the post's own text, less its headline, time, byline, captions and furniture.
    for (const f of select([...FURNITURE].join(', '), el)) skip.add(f);
    bodyText = innerText(el, { skip });
  }
  return {
    line: lines.lineAt(el.startIndex ?? 0),
    id: postId(el, fields.id),
    time,
    minutes,
    headline: headlineEl ? oneLine(innerText(headlineEl)) : '',
    byline: bylineEl ? oneLine(innerText(bylineEl)) : '',
    captions,
    body,
    bodyText,
  };
}

/** A draft read from a wide page, its text narrowed (CaptureReader.narrowPost). */
function narrowDraft(reader: CaptureReader, draft: Draft): Draft {
  reader.narrowPost(draft);
  if (draft.bodyText !== null) draft.bodyText = reader.narrowed(draft.bodyText);
  return draft;
}

/** The post of a draft, or null for one without any text. Its text becomes blocks within the capture's budget. */
function finishPost(reader: CaptureReader, draft: Draft, index: number): Post | null {
  const body = draft.bodyText === null ? draft.body : reader.blocksFromText(draft.bodyText);
  if (draft.headline === '' && body.length === 0 && draft.captions.length === 0 && draft.time === '') return null;
  return {
    index,
    line: draft.line,
    id: draft.id,
    time: draft.time,
    minutes: draft.minutes,
    headline: draft.headline !== '' ? draft.headline : headlineFromBody(body),
    byline: draft.byline === '' ? null : draft.byline,
    captions: draft.captions,
    body,
  };
}

/** The post elements: `fields.post` (outermost matches), else the explicit markers, else `article`. */
function findPosts(doc: Document, fields: FieldOptions): Element[] {
  if (fields.post !== undefined) return outermost(select(fields.post, doc));
  const explicit = select(DEFAULT_POST_SELECTOR, doc);
  return postLevel(explicit.length > 0 ? explicit : select(FALLBACK_POST_SELECTOR, doc));
}

/**
 * Parse an HTML page whose posts are elements. Throws InputError when no post element has any text.
 * `whole`: read the page as one DOM even where it could stream (the two readers give the same capture).
 */
export function parseHtmlCapture(text: string, options: ParseOptions, whole = false): Capture {
  return withMarkupLimits(options.source, (reader) => parseHtml(reader, text, options, whole));
}

/**
 * Whether the page can be read as it streams by (html-stream.ts): when every selector given reads an
 * element and its ancestors only (readsUpward): not what follows it (`:last-child`, `:has`), nor its
 * siblings (`+`, `~`, `:first-child`), which may have left the DOM. `fields.id` may be `selector@attribute`.
 */
function streams(fields: FieldOptions): boolean {
  const id = fields.id === undefined || fields.id.lastIndexOf('@') <= 0 ? undefined : fields.id.slice(0, fields.id.lastIndexOf('@'));
  return [fields.post, fields.time, fields.headline, fields.body, id].every((s) => s === undefined || readsUpward(s));
}

/** The page read whole, as one DOM: for selectors streaming cannot test (see streams). */
function wholePage(reader: CaptureReader, text: string, fields: FieldOptions, read: (el: Element) => Draft): PageRead<Draft> {
  const doc = reader.parseDocument(text, { withStartIndices: true });
  const elements = findPosts(doc, fields);
  return {
    count: elements.length,
    drafts: () => elements.map(read),
    header: (withPosts) => pageHeader(doc, withPosts ? elements : []),
  };
}

/** How findPosts finds the post elements, as tests of one element for streamPage. */
function postTests(fields: FieldOptions): PostTests {
  if (fields.post !== undefined) return { explicit: compiled(fields.post), fallback: () => false, outermost: true };
  return { explicit: compiled(DEFAULT_POST_SELECTOR), fallback: compiled(FALLBACK_POST_SELECTOR) };
}

function parseHtml(reader: CaptureReader, text: string, options: ParseOptions, whole: boolean): Capture {
  const fields = options.fields ?? {};
  for (const [name, selector] of Object.entries(fields)) {
    if (selector !== undefined && name !== 'id') checkSelector(name, selector);
  }
  if (fields.id !== undefined && fields.id.lastIndexOf('@') > 0) checkSelector('id', fields.id.slice(0, fields.id.lastIndexOf('@')));
  const lines = new LineIndex(text);
  // Text of one byte a character where it fits, as each post is read (CaptureReader.narrowPost).
  const read = isWide(text) ? (el: Element) => narrowDraft(reader, readPost(el, fields, lines)) : (el: Element) => readPost(el, fields, lines);
  const page = !whole && streams(fields) ? streamPage(reader, text, postTests(fields), read) : wholePage(reader, text, fields, read);
  checkPostCount(page.count, options.source, 'a live page');
  const posts: Post[] = [];
  for (const draft of page.drafts()) {
    const post = finishPost(reader, draft, posts.length);
    if (post) posts.push(post);
  }
  if (posts.length === 0) {
    const what = fields.post !== undefined ? `elements matching ${JSON.stringify(fields.post)}` : 'post elements (article, [data-post-id], .live-post…; name them with --items)';
    const title = page.header(false).title;
    throw new InputError(
      options.source,
      `a live page: an HTML page with ${what}`,
      `${title === null ? 'an HTML page' : `an HTML page titled ${excerpt(title, 60)}`} with ${
        page.count === 0 ? 'no such element' : `${page.count} such element(s), all without text`
      }`,
    );
  }
  dropSharedIds(posts);
  return { source: options.source, format: 'html', page: page.header(true), posts };
}

export const htmlAdapter: Adapter = {
  name: 'html',
  detect: looksLikeHtml,
  parse: (text, options) => parseHtmlCapture(text, options),
};
