// Markup helpers the html, jsonld, rss and feed adapters share: HTML (whole pages or fragments) and text
// fields read within one capture's limits (CaptureReader), DOM text as a reader sees it, text to blocks, and
// whether a text is markup or an HTML page.
import { Buffer } from 'node:buffer';
import { type AnyNode, type Document, DomHandler, type Element, hasChildren, isTag, isText, type ParentNode } from 'domhandler';
import { Parser, type ParserOptions } from 'htmlparser2';
import { InputError } from '../errors.js';
import type { Block, Caption } from '../model.js';
import { MAX_TEXT_LINES } from './adapter.js';
import { countLines, normalizeText, splitLines } from './normalize.js';

// ——— Text to blocks ———

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
function blocksFromText(text: string): Block[] {
  return splitLines(text)
    .map(normalizeText)
    .filter((line) => line !== '')
    .map(textBlock);
}

/**
 * Markup, as opposed to plain text that happens to hold a `<`: a closing tag, a comment or doctype, a
 * `<p>` or void element (`<br>`, `<img …>`), or a tag with a quoted attribute (`<a href="…">`). A `<`
 * before a letter is not enough: plain text says `a<b means win, c>d` or `press <Enter>`, and read as
 * HTML those words vanish into a tag (a report would misquote the post).
 */
const MARKUP = /<\/[A-Za-z][\w:-]*\s*>|<!--|<!doctype|<(?:p|br|hr|img|wbr)\b[^<>]*>|<[A-Za-z][\w:-]*\s[^<>]*?[\w:-]\s*=\s*["']/i;

/** Whether a string (a JSON field: plain text or HTML, it does not say) is markup rather than plain text. */
export function looksLikeMarkup(text: string): boolean {
  return text.includes('<') && MARKUP.test(text);
}

// ——— Reading markup ———

/**
 * Deepest element nesting read. htmlparser2 keeps its stack of open elements with unshift/shift, so a
 * page nested N deep costs N² (100,000 nested `<div>`s: 90 s); browsers stop nesting at 512 anyway.
 */
export const MAX_HTML_DEPTH = 1024;
/**
 * Most elements read in one capture, in its page or across all its fields: each costs a few hundred bytes
 * of DOM, and 32 MiB of `<p>x` (8 million paragraphs) ran V8 out of memory; so did 16 feed items of
 * 950,000 paragraphs each, when the bound was counted per field. A real page has a few thousand.
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

/**
 * What a caller of parseDocument is told as the markup is read: each element when it opens (its attributes,
 * ancestors and earlier siblings in place) and when it closes (its whole content read). A caller may take
 * complete nodes out of the DOM (detach): the parser only ever adds to the elements still open.
 */
export interface ElementHooks {
  open(el: Element): void;
  close(el: Element): void;
}

/** A DOM builder that refuses markup beyond the limits as it reads, before it costs more. */
class BoundedHandler extends DomHandler {
  constructor(
    private readonly budget: CaptureReader,
    options: ParserOptions & { withStartIndices?: boolean },
    private readonly hooks?: ElementHooks,
  ) {
    super(undefined, options, hooks?.close);
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.budget.countElement();
    if (this.tagStack.length > MAX_HTML_DEPTH) {
      throw new MarkupLimitError(`markup nested at most ${MAX_HTML_DEPTH.toLocaleString('en-US')} elements deep`, 'deeper nesting');
    }
    super.onopentag(name, attribs);
    this.hooks?.open(this.tagStack[this.tagStack.length - 1] as Element);
  }
}

/** A character beyond Latin-1: V8 holds a string with one two bytes a character. */
const WIDE = /[^\x00-\xff]/;

/**
 * Whether a page (or feed) has a character beyond Latin-1: then V8 holds it two bytes a character, and
 * every string sliced from it too, plain ASCII or not. One curly quote or dash does it.
 */
export function isWide(text: string): boolean {
  return WIDE.test(text);
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The text fields of a post an adapter is building. */
interface PostText {
  time: string;
  id: string | null;
  headline: string;
  byline: string | null;
  captions: readonly Caption[];
  body: readonly Block[];
}

/**
 * How the html, jsonld, rss and feed adapters read one capture's markup and text: the shared helpers,
 * within one budget for the whole capture (MAX_HTML_ELEMENTS elements read, MAX_TEXT_LINES lines of text
 * made into blocks), so that a page or its fields together hold no more than one page may. Made by
 * withMarkupLimits for one parse, and dropped with it.
 */
export class CaptureReader {
  #elements = 0;
  #lines = 0;
  /** Where narrowed() copies a text through (grown as needed): one buffer, not one a text. */
  #scratch: Buffer | null = null;

  /** One more element read; beyond the capture's bound, refused. */
  countElement(): void {
    if (++this.#elements > MAX_HTML_ELEMENTS) {
      throw new MarkupLimitError(`markup of at most ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} elements`, 'more');
    }
  }

  /**
   * htmlparser2's parseDocument within MAX_HTML_DEPTH and the capture's elements (else MarkupLimitError),
   * telling `hooks` of each element as it opens and closes.
   */
  parseDocument(text: string, options: ParserOptions & { withStartIndices?: boolean } = {}, hooks?: ElementHooks): Document {
    const handler = new BoundedHandler(this, options, hooks);
    new Parser(handler, options).end(text);
    return handler.root;
  }

  /** A text one byte a character when it can be (no character beyond Latin-1): latin1 bytes and back. */
  narrowed(text: string): string {
    if (WIDE.test(text)) return text;
    if (this.#scratch === null || this.#scratch.length < text.length) this.#scratch = Buffer.allocUnsafe(Math.max(4096, 2 * text.length));
    return this.#scratch.toString('latin1', 0, this.#scratch.write(text, 0, 'latin1'));
  }

  /**
   * A post read from a wide page (isWide) given text of one byte a character where it fits, in place (the
   * adapter's own object, its captions and blocks too): most posts' text is plain, and held two bytes a
   * character it took twice the memory. The posts of an HTML page of 155,000 posts (62 MB, a few curly
   * quotes and dashes) took 197 MB of heap before, 152 MB after.
   */
  narrowPost<T extends PostText>(post: T): T {
    post.time = this.narrowed(post.time);
    post.headline = this.narrowed(post.headline);
    if (post.id !== null) post.id = this.narrowed(post.id);
    if (post.byline !== null) post.byline = this.narrowed(post.byline);
    for (const c of post.captions as Writable<Caption>[]) {
      c.text = this.narrowed(c.text);
      if (c.credit !== null) c.credit = this.narrowed(c.credit);
    }
    for (const b of post.body as Writable<Block>[]) b.text = this.narrowed(b.text);
    return post;
  }

  /** Plain text to blocks (one per non-blank line), its lines counted before they are made. */
  blocksFromText(text: string): Block[] {
    this.#lines += countLines(text, MAX_TEXT_LINES - this.#lines);
    if (this.#lines > MAX_TEXT_LINES) {
      throw new MarkupLimitError(`text of at most ${MAX_TEXT_LINES.toLocaleString('en-US')} lines`, 'more');
    }
    return blocksFromText(text);
  }

  /**
   * A string that may be HTML (`<p>…</p><ul><li>…`) or plain text, as blocks. `html`: the source says it
   * is HTML (Atom's `type="html"`), so it is read as HTML whatever it holds (its entities decoded).
   */
  blocksFromMarkup(text: string, html = looksLikeMarkup(text)): Block[] {
    if (!html) return this.blocksFromText(text);
    return this.blocksFromText(innerText(this.parseDocument(text), { markers: true }));
  }

  /** A string that may be HTML, as one line of normalised text (for headlines, names, times); `html` as above. */
  textFromMarkup(text: string, html = looksLikeMarkup(text)): string {
    if (!html) return normalizeText(text);
    return oneLine(innerText(this.parseDocument(text)));
  }
}

/** Run a parse with a reader of its own, turning a MarkupLimitError into an InputError about `source`. */
export function withMarkupLimits<T>(source: string, parse: (reader: CaptureReader) => T): T {
  try {
    return parse(new CaptureReader());
  } catch (error) {
    if (error instanceof MarkupLimitError) throw new InputError(source, error.expected, error.found);
    throw error;
  }
}

/**
 * Take a node out of its parent, whose last child it is or (`before`) whose last child it precedes: for a
 * reader that drops what it has read as the markup streams by (parseDocument's hooks).
 */
export function detach(parent: ParentNode, before = false): void {
  const children = parent.children;
  const at = children.length - (before ? 2 : 1);
  const node: AnyNode = children[at]!;
  children.splice(at, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.prev = null;
  node.next = null;
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

/**
 * A copy of a string the parser made: its attribute values and text are slices of the whole page, which a
 * post keeping one would keep alive (64 MB of HTML for a 20-byte time; every capture of a `log` over RSS).
 * Slicing a joined string copies the join, not the page.
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/** An element's attribute, normalised (a copy, see ownCopy); null when it is missing or blank. */
export function attribute(el: Element, name: string): string | null {
  // Own attributes only: `--id __proto__` (or constructor, toString) names no attribute, not Object's.
  const value = Object.hasOwn(el.attribs, name) ? el.attribs[name] : undefined;
  if (value === undefined) return null;
  const text = normalizeText(value);
  return text === '' ? null : ownCopy(text);
}

export function isHidden(el: Element): boolean {
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
export function listMarker(li: Element): string {
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
export function oneLine(text: string): string {
  return normalizeText(text.replace(/[\r\n]+/g, ' '));
}

// ——— Detection ———

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
