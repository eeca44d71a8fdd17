// The html adapter: a saved live page whose posts are elements (`article`, `[data-post-id]`, `.live-post`…),
// read with a real HTML parser (htmlparser2, through markup.ts) and CSS selectors (css-select).
import { compile } from 'css-select';
import { type AnyNode, type Document, type Element, hasChildren, isTag } from 'domhandler';
import { InputError, UsageError } from '../errors.js';
import type { Block, Caption, PageHeader } from '../model.js';
import { type Adapter, checkPostCount, type DraftCapture as Capture, type DraftPost as Post, type ParseOptions } from './adapter.js';
import { dropSharedIds, emptyHeader, type FieldOptions, headlineFromBody, LineIndex, timeMinutes } from './fields.js';
import { type CaptureReader, innerText, isHidden, listMarker, looksLikeHtml, oneLine, withMarkupLimits } from './markup.js';
import { normalizeText } from './normalize.js';

// ——— Selectors ———

/** Compiled selectors without `:scope` (the only part that depends on where the query starts). */
const COMPILED = new Map<string, (el: AnyNode) => boolean>();

function compiled(selector: string, root: AnyNode): (el: AnyNode) => boolean {
  if (selector.includes(':scope')) return compile<AnyNode, Element>(selector, undefined, root);
  let test = COMPILED.get(selector);
  if (test === undefined) COMPILED.set(selector, (test = compile<AnyNode, Element>(selector)));
  return test;
}

/**
 * The elements under `root` (not root itself) matching `selector`, in document order, as css-select's
 * selectAll finds them (`<template>` contents skipped), but walked with a stack that grows at its end:
 * css-select's own walk keeps its stack with unshift/shift, quadratic in the nesting depth (100,000 nested
 * `<div>`s: 90 s).
 */
function walk(selector: string, root: AnyNode, one: boolean): Element[] {
  const test = compiled(selector, root);
  const found: Element[] = [];
  if (!hasChildren(root)) return found;
  const lists: AnyNode[][] = [root.children];
  const at: number[] = [0];
  while (lists.length > 0) {
    const top = lists.length - 1;
    const list = lists[top]!;
    if (at[top]! >= list.length) {
      lists.pop();
      at.pop();
      continue;
    }
    const node = list[at[top]!++]!;
    if (!isTag(node)) continue;
    if (test(node)) {
      found.push(node);
      if (one) return found;
    }
    if (node.name !== 'template' && node.children.length > 0) {
      lists.push(node.children);
      at.push(0);
    }
  }
  return found;
}

function select(selector: string, root: AnyNode): Element[] {
  return walk(selector, root, false);
}

function first(selector: string, root: AnyNode): Element | null {
  return walk(selector, root, true)[0] ?? null;
}

/** Refuse a selector css-select cannot read, naming the option it came from. */
function checkSelector(field: string, selector: string): void {
  try {
    compile<AnyNode, Element>(selector);
  } catch (error) {
    throw new UsageError(`fields.${field}: ${JSON.stringify(selector)} is not a CSS selector (${(error as Error).message})`);
  }
}

function insideAny(el: AnyNode, ancestors: ReadonlySet<AnyNode>): boolean {
  for (let p = el.parent; p; p = p.parent) if (ancestors.has(p)) return true;
  return false;
}

/** The matches not inside another match. */
function outermost(matches: Element[]): Element[] {
  const set = new Set<AnyNode>(matches);
  return matches.filter((el) => {
    for (let p = el.parent; p; p = p.parent) if (set.has(p)) return false;
    return true;
  });
}

/**
 * The posts among matches of the default selectors: the nesting level with the most elements (a page-wide
 * `<article>` around the posts loses to the posts, embedded articles inside posts lose to the posts).
 */
function busiestLevel(matches: Element[]): Element[] {
  const set = new Set<AnyNode>(matches);
  const levels: Element[][] = [];
  for (const el of matches) {
    let depth = 0;
    for (let p = el.parent; p; p = p.parent) if (set.has(p)) depth++;
    (levels[depth] ??= []).push(el);
  }
  let best: Element[] = [];
  for (const level of levels) if (level && level.length > best.length) best = level;
  return best;
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

function attribute(el: Element, name: string): string | null {
  // Own attributes only: `--id __proto__` (or constructor, toString) names no attribute, not Object's.
  const value = Object.hasOwn(el.attribs, name) ? el.attribs[name] : undefined;
  if (value === undefined) return null;
  const text = normalizeText(value);
  return text === '' ? null : text;
}

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

function parsePost(reader: CaptureReader, el: Element, index: number, fields: FieldOptions, lines: LineIndex): Post | null {
  const { time, minutes, el: timeEl } = timeOf(el, fields.time);
  const headlineEl = first(fields.headline ?? DEFAULT_HEADLINE_SELECTOR, el);
  const bylineEl = first(BYLINE_SELECTOR, el);
  const skip = new Set<AnyNode>([timeEl, headlineEl, bylineEl].filter((e): e is Element => e !== null));
  const captions = select('figcaption', el).map(captionOf).filter((c) => c.text !== '');
  let body = outermost(select(fields.body ?? DEFAULT_BODY_SELECTOR, el).filter((b) => inText(b, el, skip)))
    .map((b) => blockOf(b, skip))
    .filter((b): b is Block => b !== null);
  if (body.length === 0 && fields.body === undefined) {
    // No paragraphs: the post's own text, less its headline, time, byline, captions and furniture.
    for (const f of select([...FURNITURE].join(', '), el)) skip.add(f);
    body = reader.blocksFromText(innerText(el, { skip }));
  }
  const ownHeadline = headlineEl ? oneLine(innerText(headlineEl)) : '';
  const byline = bylineEl ? oneLine(innerText(bylineEl)) : '';
  if (ownHeadline === '' && body.length === 0 && captions.length === 0 && time === '') return null;
  return {
    index,
    line: lines.lineAt(el.startIndex ?? 0),
    id: postId(el, fields.id),
    time,
    minutes,
    headline: ownHeadline !== '' ? ownHeadline : headlineFromBody(body),
    byline: byline === '' ? null : byline,
    captions,
    body,
  };
}

function metaContent(doc: Document, selector: string): string | null {
  const el = first(selector, doc);
  if (!el) return null;
  return attribute(el, 'content') ?? attribute(el, 'datetime') ?? (oneLine(innerText(el)) || null);
}

function pageHeader(doc: Document, posts: Element[]): PageHeader {
  const header = emptyHeader();
  // One walk up from each heading against a set, not each heading against every post (80,000 posts: 40 s).
  const postSet = new Set<AnyNode>(posts);
  const h1 = select('h1', doc).find((h) => !insideAny(h, postSet));
  const h1Text = h1 ? oneLine(innerText(h1)) : '';
  const titleEl = first('title', doc);
  header.title =
    (h1Text || null) ??
    metaContent(doc, 'meta[property="og:title"]') ??
    (titleEl ? oneLine(innerText(titleEl)) || null : null);
  header.updated = metaContent(doc, 'meta[property="article:modified_time"], [itemprop=dateModified]');
  header.updatedMinutes = header.updated === null ? null : timeMinutes(header.updated);
  header.bylines = select('meta[name=author]', doc)
    .map((m) => attribute(m, 'content'))
    .filter((a): a is string => a !== null);
  return header;
}

/** The post elements: `fields.post` (outermost matches), else the explicit markers, else `article`. */
function findPosts(doc: Document, fields: FieldOptions): Element[] {
  if (fields.post !== undefined) return outermost(select(fields.post, doc));
  const explicit = select(DEFAULT_POST_SELECTOR, doc);
  return busiestLevel(explicit.length > 0 ? explicit : select(FALLBACK_POST_SELECTOR, doc));
}

/** Parse an HTML page whose posts are elements. Throws InputError when no post element has any text. */
export function parseHtmlCapture(text: string, options: ParseOptions): Capture {
  return withMarkupLimits(options.source, (reader) => parseHtml(reader, text, options));
}

function parseHtml(reader: CaptureReader, text: string, options: ParseOptions): Capture {
  const fields = options.fields ?? {};
  for (const [name, selector] of Object.entries(fields)) {
    if (selector !== undefined && name !== 'id') checkSelector(name, selector);
  }
  if (fields.id !== undefined && fields.id.lastIndexOf('@') > 0) checkSelector('id', fields.id.slice(0, fields.id.lastIndexOf('@')));
  const doc = reader.parseDocument(text, { withStartIndices: true });
  const elements = findPosts(doc, fields);
  checkPostCount(elements.length, options.source, 'a live page');
  const lines = new LineIndex(text);
  const posts: Post[] = [];
  for (const el of elements) {
    const post = parsePost(reader, el, posts.length, fields, lines);
    if (post) posts.push(post);
  }
  if (posts.length === 0) {
    const what = fields.post !== undefined ? `elements matching ${JSON.stringify(fields.post)}` : 'post elements (article, [data-post-id], .live-post…; name them with --items)';
    const title = pageHeader(doc, []).title;
    throw new InputError(
      options.source,
      `a live page: an HTML page with ${what}`,
      `${title === null ? 'an HTML page' : `an HTML page titled ${excerpt(title, 60)}`} with ${
        elements.length === 0 ? 'no such element' : `${elements.length} such element(s), all without text`
      }`,
    );
  }
  dropSharedIds(posts);
  return { source: options.source, format: 'html', page: pageHeader(doc, elements), posts };
}

export const htmlAdapter: Adapter = {
  name: 'html',
  detect: looksLikeHtml,
  parse: parseHtmlCapture,
};
