// The html adapter: a saved live page whose posts are elements (`article`, `[data-post-id]`, `.live-post`…),
// read with a real HTML parser (htmlparser2) and CSS selectors (css-select). Also the markup and text
// helpers the jsonld and feed adapters share: HTML fragments to blocks, ISO dates, derived headlines.
import { compile } from 'css-select';
import { type AnyNode, type Document, DomHandler, type Element, hasChildren, isTag, isText } from 'domhandler';
import { Parser, type ParserOptions } from 'htmlparser2';
import { InputError, UsageError } from '../errors.js';
import type { Block, Caption, PageHeader } from '../model.js';
import type { Adapter, DraftCapture as Capture, DraftPost as Post, ParseOptions } from './adapter.js';
import { normalizeText } from './normalize.js';
import { parseTimestamp } from './time.js';

/** The field options of ParseOptions, never undefined. */
export type FieldOptions = NonNullable<ParseOptions['fields']>;

// ——— Text helpers shared by the adapters ———

/** Longest headline made from a post's first sentence. */
export const DERIVED_HEADLINE_CHARS = 100;
/** A sentence end: `.`, `!`, `?` or `…`, closing quotes or brackets, then white space or the end. */
const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s|$)/g;
/** Sentence ends this early are abbreviations (`Mr.`, `U.S.`) more often than sentences. */
const MIN_SENTENCE_CHARS = 15;

/** A headline for a post that has none: its first sentence, cut at a word boundary to 100 characters. */
export function headlineFromBody(blocks: readonly Block[]): string {
  const first = blocks.find((b) => b.text !== '')?.text ?? '';
  let sentence = first;
  for (const m of first.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end >= MIN_SENTENCE_CHARS) {
      sentence = first.slice(0, end);
      break;
    }
  }
  if (sentence.length <= DERIVED_HEADLINE_CHARS) return sentence;
  const cut = sentence.slice(0, DERIVED_HEADLINE_CHARS);
  const space = cut.lastIndexOf(' ');
  const words = space > DERIVED_HEADLINE_CHARS / 2 ? cut.slice(0, space) : cut;
  return `${words.replace(/[\s,;:–—-]+$/, '')}…`;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)? ?(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?$/;

/**
 * Minutes since 1970-01-01 UTC of an ISO 8601 date (`2021-02-19T19:41:53.000Z`, `…+0100`, `2021-02-19`);
 * a time without an offset is taken as UTC. Null when the text is not such a date.
 */
export function isoMinutes(value: string): number | null {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', , , sign, oh = '0', om = '0'] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59) return null;
  const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return Date.UTC(Number(y), month - 1, day, hour, minute) / 60000 - offset;
}

/** Minutes of a time as a page shows it: ISO 8601, else a text timestamp such as `5:50 a.m. ET, March 22, 2023`. */
export function timeMinutes(value: string): number | null {
  return isoMinutes(value) ?? parseTimestamp(value)?.minutes ?? null;
}

const BULLET = /^[•·▪◦‣∙*-] /;
const NUMBERED = /^(\d{1,3})[.)] /;

/** One line of text as a block: `• item` a bullet, `3. item` a numbered item, anything else a paragraph. */
export function textBlock(line: string): Block {
  const bullet = BULLET.exec(line);
  if (bullet && line.length > bullet[0].length) return { kind: 'bullet', marker: '•', text: line.slice(bullet[0].length).trim() };
  const numbered = NUMBERED.exec(line);
  if (numbered && line.length > numbered[0].length) {
    return { kind: 'numbered', marker: `${numbered[1]}.`, text: line.slice(numbered[0].length).trim() };
  }
  return { kind: 'paragraph', marker: '', text: line };
}

/** Plain text to blocks: one per non-blank line (blank lines and single line breaks both separate). */
export function blocksFromText(text: string): Block[] {
  return text
    .split(/\r\n|[\r\n\u2028\u2029\u0085]/)
    .map(normalizeText)
    .filter((line) => line !== '')
    .map(textBlock);
}

/** Whether a string has markup in it (a tag, a comment, a closing tag) rather than being plain text. */
export function looksLikeMarkup(text: string): boolean {
  return /<[A-Za-z!/]/.test(text);
}

/**
 * Deepest element nesting read. htmlparser2 keeps its stack of open elements with unshift/shift, so a
 * page nested N deep costs N² (100,000 nested `<div>`s: 90 s); browsers stop nesting at 512 anyway.
 */
export const MAX_HTML_DEPTH = 1024;
/**
 * Most elements read in one document: each costs a few hundred bytes of DOM, and 32 MiB of `<p>x`
 * (8 million paragraphs) ran V8 out of memory. A real page has a few thousand.
 */
export const MAX_HTML_ELEMENTS = 1_000_000;

/** Markup beyond MAX_HTML_DEPTH or MAX_HTML_ELEMENTS; adapters turn it into an InputError naming the file. */
export class MarkupLimitError extends Error {
  override name = 'MarkupLimitError';
  constructor(
    readonly expected: string,
    readonly found: string,
  ) {
    super(`expected ${expected}, found ${found}`);
  }
}

/** A DOM builder that refuses markup beyond the limits as it reads, before it costs more. */
class BoundedHandler extends DomHandler {
  elements = 0;
  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.elements > MAX_HTML_ELEMENTS) {
      throw new MarkupLimitError(`markup of at most ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} elements`, 'more');
    }
    if (this.tagStack.length > MAX_HTML_DEPTH) {
      throw new MarkupLimitError(`markup nested at most ${MAX_HTML_DEPTH.toLocaleString('en-US')} elements deep`, 'deeper nesting');
    }
    super.onopentag(name, attribs);
  }
}

/** htmlparser2's parseDocument within MAX_HTML_DEPTH and MAX_HTML_ELEMENTS (else MarkupLimitError). */
export function parseDocument(text: string, options: ParserOptions & { withStartIndices?: boolean } = {}): Document {
  const handler = new BoundedHandler(undefined, options);
  new Parser(handler, options).end(text);
  return handler.root;
}

/** Run a parse, turning a MarkupLimitError into an InputError about `source`. */
export function withMarkupLimits<T>(source: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof MarkupLimitError) throw new InputError(source, error.expected, error.found);
    throw error;
  }
}

/** A string that may be HTML (`<p>…</p><ul><li>…`) or plain text, as blocks. */
export function blocksFromMarkup(text: string): Block[] {
  if (!looksLikeMarkup(text)) return blocksFromText(text);
  return blocksFromText(innerText(parseDocument(text), { markers: true }));
}

/** A string that may be HTML, as one line of normalised text (for headlines, names, times). */
export function textFromMarkup(text: string): string {
  if (!looksLikeMarkup(text)) return normalizeText(text);
  return oneLine(innerText(parseDocument(text)));
}

/** 1-based line numbers of offsets in a text, counting line endings as splitLines does. */
export class LineIndex {
  private starts: number[] | null = null;
  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85) starts.push(i + 1);
  }
  return starts;
}

/** Ids only count when they tell posts apart: an id several posts share is no id (set to null on each). */
export function dropSharedIds(posts: Post[]): void {
  const counts = new Map<string, number>();
  for (const p of posts) if (p.id !== null) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
  for (const p of posts) if (p.id !== null && counts.get(p.id)! > 1) p.id = null;
}

/** A short quoted excerpt of untrusted text for a one-line message. */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}

export function emptyHeader(): PageHeader {
  return { deepLink: null, title: null, bylines: [], updated: null, updatedMinutes: null, postCount: null };
}

// ——— DOM text ———

/** Elements whose content is never text a reader sees. */
const HIDDEN_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas', 'button', 'select', 'head',
]);
/** Elements that break lines (their text is a block of its own). */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tr', 'ul', 'caption',
]);
const CELL_TAGS = new Set(['td', 'th']);

function isHidden(el: Element): boolean {
  return (
    HIDDEN_TAGS.has(el.name) ||
    el.attribs.hidden !== undefined ||
    el.attribs['aria-hidden']?.trim().toLowerCase() === 'true'
  );
}

/**
 * The number of each item of an ordered list, counted once per list: counting the earlier siblings of
 * every item made an `<ol>` of 80,000 items take 40 s. Weakly held: it goes with the document.
 */
const LIST_NUMBERS = new WeakMap<Element, Map<Element, number>>();

function itemNumbers(list: Element): Map<Element, number> {
  let numbers = LIST_NUMBERS.get(list);
  if (numbers === undefined) {
    numbers = new Map();
    let n = Number.parseInt(list.attribs.start ?? '1', 10);
    if (!Number.isFinite(n)) n = 1;
    for (const child of list.children) if (isTag(child) && child.name === 'li') numbers.set(child, n++);
    LIST_NUMBERS.set(list, numbers);
  }
  return numbers;
}

/** `•` for an item of an unordered list, `3.` for the third item of an ordered one (honouring `start`). */
function listMarker(li: Element): string {
  const list = li.parent;
  if (!list || !isTag(list) || list.name !== 'ol') return '•';
  return `${itemNumbers(list).get(li)!}.`;
}

const END_PRE = Symbol('end pre');

/**
 * The text of a node as a reader sees it: white space collapsed (kept inside `pre`), a line break around
 * every block element and at `<br>`, hidden elements and the `skip` elements left out. With `markers`,
 * list items start with their marker (`• `, `3. `), so blocksFromText reads them as list items.
 */
export function innerText(root: AnyNode, options: { skip?: ReadonlySet<AnyNode>; markers?: boolean } = {}): string {
  const out: string[] = [];
  const stack: (AnyNode | string | typeof END_PRE)[] = [root];
  let pre = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item === END_PRE) pre--;
    else if (typeof item === 'string') out.push(item);
    else if (isText(item)) out.push(pre > 0 ? item.data : item.data.replace(/[\t\n\f\r ]+/g, ' '));
    else if (isTag(item)) {
      if (options.skip?.has(item) || isHidden(item)) continue;
      if (item.name === 'br') {
        out.push('\n');
        continue;
      }
      const block = BLOCK_TAGS.has(item.name);
      const cell = CELL_TAGS.has(item.name);
      const marker = options.markers && item.name === 'li' ? `${listMarker(item)} ` : '';
      out.push(block ? `\n${marker}` : cell ? ' ' : '');
      stack.push(block ? '\n' : cell ? ' ' : '');
      if (item.name === 'pre') {
        pre++;
        stack.push(END_PRE);
      }
      for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
    } else if (hasChildren(item)) {
      for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
    }
  }
  return out.join('');
}

/** innerText as one normalised line. */
function oneLine(text: string): string {
  return normalizeText(text.replace(/[\r\n]+/g, ' '));
}

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
  const value = el.attribs[name];
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

function parsePost(el: Element, index: number, fields: FieldOptions, lines: LineIndex): Post | null {
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
    body = blocksFromText(innerText(el, { skip }));
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
  return withMarkupLimits(options.source, () => parseHtml(text, options));
}

function parseHtml(text: string, options: ParseOptions): Capture {
  const fields = options.fields ?? {};
  for (const [name, selector] of Object.entries(fields)) {
    if (selector !== undefined && name !== 'id') checkSelector(name, selector);
  }
  if (fields.id !== undefined && fields.id.lastIndexOf('@') > 0) checkSelector('id', fields.id.slice(0, fields.id.lastIndexOf('@')));
  const doc = parseDocument(text, { withStartIndices: true });
  const elements = findPosts(doc, fields);
  const lines = new LineIndex(text);
  const posts: Post[] = [];
  for (const el of elements) {
    const post = parsePost(el, posts.length, fields, lines);
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

/** Tags that only HTML has (RSS and Atom share `title` and `link`, so those do not count). */
const HTML_TAGS = new Set([
  'html', 'head', 'body', 'meta', 'script', 'style', 'div', 'span', 'p', 'article', 'section', 'main', 'header',
  'footer', 'nav', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'time', 'figure', 'img', 'a', 'br',
]);
/** How much of the start detection reads. */
const DETECT_CHARS = 4096;

/**
 * Whether a text is an HTML page: it starts with markup (`<` after white space and BOM) and the first
 * few KB open an HTML element or declare `<!DOCTYPE html>`. A text capture starts with a headline, not `<`.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, DETECT_CHARS).replace(/^[\ufeff\s]+/, '');
  if (!head.startsWith('<')) return false;
  let html = false;
  const parser = new Parser({
    onopentag(name) {
      if (HTML_TAGS.has(name)) html = true;
    },
    onprocessinginstruction(name, data) {
      if (name.toLowerCase() === '!doctype' && /^!doctype\s+html\b/i.test(data)) html = true;
    },
  });
  parser.write(head);
  parser.end();
  return html;
}

export const htmlAdapter: Adapter = {
  name: 'html',
  detect: looksLikeHtml,
  parse: parseHtmlCapture,
};
