// The jsonld adapter: schema.org LiveBlogPosting structured data, bare (an object, an array, an `@graph`)
// or embedded in an HTML page's `<script type="application/ld+json">`. One post per `liveBlogUpdate`.
import type { Element } from 'domhandler';
import { getElementsByTagName, textContent } from 'domutils';
import { InputError } from '../errors.js';
import type { PageHeader } from '../model.js';
import type { Adapter, DraftCapture as Capture, DraftPost as Post, ParseOptions } from './adapter.js';
import {
  blocksFromMarkup,
  dropSharedIds,
  emptyHeader,
  headlineFromBody,
  isoMinutes,
  LineIndex,
  looksLikeHtml,
  parseDocument,
  textFromMarkup,
  withMarkupLimits,
} from './html.js';
import { foldText, normalizeText } from './normalize.js';

type JsonObject = Record<string, unknown>;

const EXPECTED = 'schema.org LiveBlogPosting JSON-LD with liveBlogUpdate items (bare, or in <script type="application/ld+json">)';

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON.parse error as one short line, and the 1-based line it points at when the message says. */
export function describeJsonError(error: unknown, text: string): { message: string; line: number | null } {
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/\s+/g, ' ').slice(0, 120);
  const position = /at position (\d+)/.exec(raw);
  if (position) return { message, line: new LineIndex(text).lineAt(Number(position[1])) };
  const lineCol = /\(line (\d+) column \d+\)/.exec(raw);
  return { message, line: lineCol ? Number(lineCol[1]) : null };
}

/** Parse JSON or throw an InputError naming what was expected and where the JSON breaks. */
export function parseJsonInput(text: string, source: string, expected: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) {
      throw new InputError(source, expected, `JSON this parser cannot read (${(error as Error).message})`);
    }
    const { message, line } = describeJsonError(error, text);
    throw new InputError(source, expected, `malformed JSON (${message})`, line);
  }
}

/**
 * Hand-written JSON-LD often has raw line breaks or tabs inside strings (an articleBody pasted as is),
 * which JSON forbids: escape control characters found inside strings, leave everything else.
 */
export function escapeControlCharsInStrings(json: string): string {
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      else if (c < 0x20) {
        out += `${json.slice(from, i)}\\u${c.toString(16).padStart(4, '0')}`;
        from = i + 1;
      }
    } else if (c === 0x22) inString = true;
  }
  return from === 0 ? json : out + json.slice(from);
}

/** `LiveBlogPosting` from `LiveBlogPosting`, `schema:LiveBlogPosting`, `https://schema.org/LiveBlogPosting`. */
function typeNames(node: JsonObject): string[] {
  const raw = node['@type'] ?? node.type;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
}

function str(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const text = normalizeText(value);
  return text === '' ? null : text;
}

/** A reference's target: `"@id"` strings and `{"@id": …}` objects resolved through the document's nodes. */
function resolve(value: unknown, byId: Map<string, JsonObject>): JsonObject | null {
  if (typeof value === 'string') return byId.get(value) ?? null;
  if (!isJsonObject(value)) return null;
  const id = value['@id'];
  if (typeof id === 'string' && Object.keys(value).length === 1) return byId.get(id) ?? value;
  return value;
}

interface Found {
  blogs: JsonObject[];
  /** For each blog, the index of the root (script) it was found in. */
  blogRoots: Map<JsonObject, number>;
  byId: Map<string, JsonObject>;
  types: Set<string>;
}

/** Every LiveBlogPosting in the documents, in document order, and every node with an `@id` (for references). */
function collect(roots: unknown[]): Found {
  const found: Found = { blogs: [], blogRoots: new Map(), byId: new Map(), types: new Set() };
  for (let r = 0; r < roots.length; r++) {
    const stack: unknown[] = [roots[r]];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) {
        for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
        continue;
      }
      if (!isJsonObject(node)) continue;
      const types = typeNames(node);
      for (const t of types) found.types.add(t);
      if (types.includes('LiveBlogPosting')) {
        found.blogs.push(node);
        found.blogRoots.set(node, r);
      }
      const id = node['@id'];
      if (typeof id === 'string' && Object.keys(node).length > 1 && !found.byId.has(id)) found.byId.set(id, node);
      const values = Object.values(node);
      for (let i = values.length - 1; i >= 0; i--) if (typeof values[i] === 'object' && values[i] !== null) stack.push(values[i]);
    }
  }
  return found;
}

/**
 * Most posts one capture may yield. A capture is at most 64 MiB; past this many posts it is not a page
 * a person reads, and every later stage would pay for them. Beyond it: exit 2, one line.
 */
export const MAX_POSTS = 250_000;

/**
 * The blog's updates, each node once: a node listed again (by `@id`, or the same object) is the same
 * update. Without this a small document amplifies: one 150 KB update listed 30,000 times by `@id` made
 * 30,000 posts and 4.5 GB of text to parse.
 */
function updatesOf(blog: JsonObject, byId: Map<string, JsonObject>): JsonObject[] {
  const raw = blog.liveBlogUpdate;
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const seen = new Set<JsonObject>();
  const updates: JsonObject[] = [];
  for (const item of list) {
    const u = resolve(item, byId);
    if (u === null || seen.has(u)) continue;
    seen.add(u);
    updates.push(u);
  }
  return updates;
}

/** Refuse a capture of more than MAX_POSTS posts (before any is parsed). */
export function checkPostCount(count: number, source: string, expected: string): void {
  if (count > MAX_POSTS) throw new InputError(source, `${expected}, at most ${MAX_POSTS.toLocaleString('en-US')} posts`, `${count.toLocaleString('en-US')} posts`);
}

/** Author names of `author`: a string, a Person / Organization, or a list of them. */
function authorNames(value: unknown, byId: Map<string, JsonObject>): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const names: string[] = [];
  for (const item of list) {
    const name = typeof item === 'string' && !byId.has(item) ? str(item) : str(resolve(item, byId)?.name);
    if (name !== null) names.push(name);
  }
  return names;
}

/**
 * Searches that found nothing may scan this many times the text in all; past it each search looks only
 * WINDOW characters ahead. A needle that is absent costs a scan of the rest of the text, so without the
 * bound a document whose needles never match (an escaping not foreseen) is quadratic.
 */
const MISS_SCANS = 4;
const WINDOW = 1 << 16;
const NON_ASCII_CHAR = /[^\x00-\x7f]/;

/** Locates posts in the source text for line numbers: the next occurrence of a distinctive string. */
export class Locator {
  private cursor: number;
  private line: number;
  private readonly lines: LineIndex;
  /** Characters scanned by searches that found nothing (see MISS_SCANS); for tests too. */
  missed = 0;
  /** A text of ASCII only (non-ASCII escaped) cannot hold a needle that is not: no need to scan for one. */
  private readonly asciiOnly: boolean;
  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.lines = new LineIndex(text);
    this.cursor = start;
    this.line = this.lines.lineAt(start);
    this.asciiOnly = !NON_ASCII_CHAR.test(text);
  }

  private find(needle: string): number {
    if (this.asciiOnly && NON_ASCII_CHAR.test(needle)) return -1;
    if (this.missed <= MISS_SCANS * this.text.length) {
      const at = this.text.indexOf(needle, this.cursor);
      if (at < 0) this.missed += this.text.length - this.cursor;
      return at;
    }
    const at = this.text.slice(this.cursor, this.cursor + WINDOW + needle.length).indexOf(needle);
    if (at < 0) this.missed += WINDOW;
    return at < 0 ? -1 : this.cursor + at;
  }

  /** The line of the first of `needles` found after the previous post, else the previous post's line. */
  next(needles: (string | null)[]): number {
    for (const needle of needles) {
      if (needle === null || needle.length < 4) continue;
      const at = this.find(needle);
      if (at >= 0) {
        this.cursor = at + needle.length;
        this.line = this.lines.lineAt(at);
        break;
      }
    }
    return this.line;
  }
}

/**
 * How a string value may appear in JSON source: JSON-escaped, with or without `/` escaped too, and with
 * every character beyond ASCII escaped as `\u00e9` (the default of Python's json.dumps and PHP's
 * json_encode).
 */
export function needlesFor(raw: unknown): (string | null)[] {
  if (typeof raw !== 'string' || raw === '') return [];
  const json = JSON.stringify(raw).slice(1, -1);
  const needles = [json, json.replace(/\//g, '\\/')];
  if (NON_ASCII_CHAR.test(json)) {
    const ascii = json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    needles.push(ascii, ascii.replace(/\//g, '\\/'));
  }
  return needles;
}

function parseBlog(blog: JsonObject, byId: Map<string, JsonObject>, locator: Locator, source: string): { page: PageHeader; posts: Post[] } {
  const pageHeadline = str(blog.headline) ?? str(blog.name);
  const pagePublished = str(blog.datePublished);
  const pageAuthors = authorNames(blog.author, byId);
  const mainEntity = blog.mainEntityOfPage;
  const pageIds = new Set(
    [blog['@id'], blog.url, isJsonObject(mainEntity) ? (mainEntity['@id'] ?? mainEntity.url) : mainEntity]
      .map(str)
      .filter((s): s is string => s !== null),
  );
  const posts: Post[] = [];
  const updates = updatesOf(blog, byId);
  checkPostCount(updates.length, source, EXPECTED);
  for (const update of updates) {
    // A blank node (`_:b0`) is the converter's name, not the publisher's; the page's own URL is no post's id.
    const id = [update['@id'], update.url].map(str).find((s) => s !== null && !s.startsWith('_:') && !pageIds.has(s)) ?? null;
    const rawBody = [update.articleBody, update.text].find((b) => typeof b === 'string') as string | undefined;
    const body = rawBody === undefined ? [] : blocksFromMarkup(rawBody);
    const own = textFromMarkup(typeof update.headline === 'string' ? update.headline : typeof update.name === 'string' ? update.name : '');
    const headline = own !== '' && (pageHeadline === null || foldText(own) !== foldText(pageHeadline)) ? own : headlineFromBody(body);
    const published = str(update.datePublished);
    const time = published !== null && published !== pagePublished ? published : '';
    const authors = authorNames(update.author, byId);
    const byline = authors.length > 0 && authors.join('\n') !== pageAuthors.join('\n') ? authors.join(', ') : null;
    const line = locator.next([...needlesFor(update['@id']), ...needlesFor(update.url), ...needlesFor(rawBody?.slice(0, 40))]);
    posts.push({ index: posts.length, line, id, time, minutes: time === '' ? null : isoMinutes(time), headline, byline, captions: [], body });
  }
  dropSharedIds(posts);
  const page = emptyHeader();
  page.title = pageHeadline;
  page.bylines = pageAuthors;
  page.updated = str(blog.dateModified);
  page.updatedMinutes = page.updated === null ? null : isoMinutes(page.updated);
  return { page, posts };
}

/** The LiveBlogPosting with the most updates (a page may repeat it, or list a stub beside the real one). */
function pickBlog(found: Found): { blog: JsonObject; updates: number } | null {
  let best: { blog: JsonObject; updates: number } | null = null;
  for (const blog of found.blogs) {
    const updates = updatesOf(blog, found.byId).length;
    if (best === null || updates > best.updates) best = { blog, updates };
  }
  return best;
}

/** What a document without posts has instead, for the message. */
function noPosts(found: Found): string {
  if (found.blogs.length > 0) return 'a LiveBlogPosting but no liveBlogUpdate item';
  const types = [...found.types].slice(0, 6);
  return `no LiveBlogPosting${types.length > 0 ? ` (types: ${types.join(', ')})` : ''}`;
}

function parseJsonLd(text: string, source: string): Capture {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    const repaired = escapeControlCharsInStrings(text);
    doc = repaired === text ? parseJsonInput(text, source, EXPECTED) : parseJsonInput(repaired, source, EXPECTED);
  }
  const found = collect([doc]);
  const best = pickBlog(found);
  if (best === null || best.updates === 0) throw new InputError(source, EXPECTED, `JSON with ${noPosts(found)}`);
  const { page, posts } = parseBlog(best.blog, found.byId, new Locator(text, 0), source);
  return { source, format: 'jsonld', page, posts };
}

function isLdJsonScript(el: Element): boolean {
  return (el.attribs.type ?? '').split(';')[0]!.trim().toLowerCase() === 'application/ld+json';
}

function parseHtmlJsonLd(text: string, source: string): Capture {
  const doc = parseDocument(text, { withStartIndices: true });
  const scripts = getElementsByTagName('script', doc, true).filter(isLdJsonScript);
  if (scripts.length === 0) throw new InputError(source, EXPECTED, 'an HTML page without <script type="application/ld+json">');
  const roots: unknown[] = [];
  const starts: number[] = [];
  let firstError: string | null = null;
  const lines = new LineIndex(text);
  for (const script of scripts) {
    const json = textContent(script).trim();
    for (const candidate of [json, escapeControlCharsInStrings(json)]) {
      try {
        roots.push(JSON.parse(candidate));
        starts.push(script.startIndex ?? 0);
        firstError = null;
        break;
      } catch (error) {
        const { message } = describeJsonError(error, json);
        firstError ??= `${message} in the script on line ${lines.lineAt(script.startIndex ?? 0)}`;
      }
    }
  }
  const found = collect(roots);
  const best = pickBlog(found);
  if (best === null || best.updates === 0) {
    const scriptsFound = `an HTML page with ${scripts.length} JSON-LD script(s)`;
    throw new InputError(
      source,
      EXPECTED,
      roots.length === 0 ? `${scriptsFound}, all malformed JSON (${firstError ?? 'unreadable'})` : `${scriptsFound} and ${noPosts(found)}`,
    );
  }
  const start = starts[found.blogRoots.get(best.blog) ?? 0] ?? 0;
  const { page, posts } = parseBlog(best.blog, found.byId, new Locator(text, start), source);
  return { source, format: 'jsonld', page, posts };
}

/** Whether text starts as JSON (`{` or `[`, after white space and BOM). */
export function startsAsJson(head: string): boolean {
  const c = head.replace(/^[\ufeff\s]+/, '')[0];
  return c === '{' || c === '[';
}

const DETECT_CHARS = 16384;

/**
 * JSON whose first key is a JSON-LD keyword (`@context`, `@type`, `@graph`, `@id`) or that names a
 * LiveBlogPosting in its first 16 KB; or an HTML page (see looksLikeHtml) with an ld+json script and
 * `liveBlogUpdate` in it (two substring searches, no parse).
 */
export function detectJsonLd(text: string): boolean {
  const head = text.slice(0, DETECT_CHARS).replace(/^[\ufeff\s]+/, '');
  if (startsAsJson(head)) return /^[[{]\s*(?:\{\s*)?"@(?:context|type|graph|id)"/.test(head) || head.includes('LiveBlogPosting');
  return looksLikeHtml(head) && text.includes('application/ld+json') && text.includes('liveBlogUpdate');
}

/** Parse JSON-LD or an HTML page embedding it. Throws InputError when there is no LiveBlogPosting update. */
export function parseJsonLdCapture(text: string, options: ParseOptions): Capture {
  const source = options.source;
  return withMarkupLimits(source, () =>
    startsAsJson(text.slice(0, 1024)) ? parseJsonLd(text.replace(/^\ufeff/, ''), source) : parseHtmlJsonLd(text, source),
  );
}

export const jsonldAdapter: Adapter = {
  name: 'jsonld',
  detect: detectJsonLd,
  parse: parseJsonLdCapture,
};
