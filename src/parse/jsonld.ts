// The jsonld adapter: schema.org LiveBlogPosting structured data, bare (an object, an array, an `@graph`)
// or embedded in an HTML page's `<script type="application/ld+json">`. One post per `liveBlogUpdate`.
import type { Element } from 'domhandler';
import { getElementsByTagName, textContent } from 'domutils';
import { InputError } from '../errors.js';
import type { PageHeader } from '../model.js';
import { type Adapter, checkPostCount, type DraftCapture as Capture, type DraftPost as Post, type ParseOptions } from './adapter.js';
import { dropSharedIds, emptyHeader, headlineFromBody, isoMinutes, LineIndex } from './fields.js';
import {
  describeJsonError,
  isJsonObject,
  type JsonObject,
  Locator,
  needlesFor,
  parseJsonInput,
  startsAsJson,
} from './json.js';
import { type CaptureReader, looksLikeHtml, withMarkupLimits } from './markup.js';
import { foldText, normalizeText } from './normalize.js';

const EXPECTED = 'schema.org LiveBlogPosting JSON-LD with liveBlogUpdate items (bare, or in <script type="application/ld+json">)';

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

function parseBlog(reader: CaptureReader, blog: JsonObject, byId: Map<string, JsonObject>, locator: Locator, source: string): { page: PageHeader; posts: Post[] } {
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
    const body = rawBody === undefined ? [] : reader.blocksFromMarkup(rawBody);
    const own = reader.textFromMarkup(typeof update.headline === 'string' ? update.headline : typeof update.name === 'string' ? update.name : '');
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

function parseJsonLd(reader: CaptureReader, text: string, source: string): Capture {
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
  const { page, posts } = parseBlog(reader, best.blog, found.byId, new Locator(text, 0), source);
  return { source, format: 'jsonld', page, posts };
}

function isLdJsonScript(el: Element): boolean {
  return (el.attribs.type ?? '').split(';')[0]!.trim().toLowerCase() === 'application/ld+json';
}

function parseHtmlJsonLd(reader: CaptureReader, text: string, source: string): Capture {
  const doc = reader.parseDocument(text, { withStartIndices: true });
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
  const { page, posts } = parseBlog(reader, best.blog, found.byId, new Locator(text, start), source);
  return { source, format: 'jsonld', page, posts };
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
  return withMarkupLimits(source, (reader) =>
    startsAsJson(text.slice(0, 1024)) ? parseJsonLd(reader, text.replace(/^\ufeff/, ''), source) : parseHtmlJsonLd(reader, text, source),
  );
}

export const jsonldAdapter: Adapter = {
  name: 'jsonld',
  detect: detectJsonLd,
  parse: parseJsonLdCapture,
};
