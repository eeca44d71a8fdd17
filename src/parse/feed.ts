// The feed adapter: JSON feeds of posts as live-ticker and CMS APIs serve them (an array of post objects, or
// an object holding one under `items`, `posts`, `data`…). Field paths come from options.fields or are guessed.
import { InputError } from '../errors.js';
import type { Block, PageHeader } from '../model.js';
import { type Adapter, checkPostCount, type DraftCapture as Capture, type DraftPost as Post, type ParseOptions } from './adapter.js';
import { dropSharedIds, emptyHeader, type FieldOptions, headlineFromBody, timeMinutes } from './fields.js';
import { isJsonObject, type JsonObject, Locator, needlesFor, parseJsonInput, startsAsJson } from './json.js';
import { type CaptureReader, withMarkupLimits } from './markup.js';
import { normalizeText } from './normalize.js';
import { feedDateMinutes } from './dates.js';

const EXPECTED = 'a JSON feed of posts (an array of objects, or an object with one under items, posts, entries, data, results or updates)';

/** Where the posts array usually is, in order of preference. */
export const ITEM_KEYS = ['items', 'posts', 'entries', 'data', 'results', 'updates'];
/** Default field names, each tried in order; `fields.*` dot paths replace them. */
export const DEFAULT_FEED_FIELDS = {
  id: ['id', 'guid', 'uuid', '_id', 'postId', 'post_id'],
  // Publication times first, then update times: docs/input-formats.md lists them (keep it in step).
  time: [
    'published', 'publishedAt', 'published_at', 'date_published', 'datePublished', 'pubDate', 'pub_date',
    'publishDate', 'publish_date', 'date', 'created_at', 'createdAt', 'created', 'timestamp', 'time',
    'updated', 'updatedAt', 'updated_at', 'date_modified', 'dateModified', 'modified', 'lastModified',
  ],
  headline: ['title', 'headline'],
  body: ['body', 'text', 'content', 'content_html', 'content_text', 'articleBody', 'html', 'summary', 'description'],
  byline: ['author', 'authors', 'byline'],
} as const;
/** Where a page-level total of posts may be: the page's `N Posts` counter. */
const TOTAL_KEYS = ['total', 'totalCount', 'total_count', 'totalItems', 'totalResults'];
const UPDATED_KEYS = ['updated', 'updatedAt', 'updated_at', 'dateModified', 'date_modified', 'lastUpdated', 'last_updated', 'modified'];
/** Text inside a wrapper object: WordPress `{rendered}`, `{html}`, `{text}`, `{value}`. */
const WRAPPED_TEXT_KEYS = ['rendered', 'html', 'text', 'value', 'content', 'body', '#text', 'name', 'displayName'];
/** How deep the search for a posts array goes when no known key holds one. */
const MAX_SEARCH_DEPTH = 4;

/** The value at a dot path (`meta.id`, `blocks.0.text`); a key that itself contains dots is found too. */
export function getPath(root: unknown, path: string): unknown {
  if (isJsonObject(root) && path in root) return root[path];
  let node = root;
  for (const key of path.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(key)) node = node[Number(key)];
    else if (isJsonObject(node)) node = node[key];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** The first of the candidate paths with a value that is not null or empty. */
function firstValue(item: unknown, paths: readonly string[]): unknown {
  for (const path of paths) {
    const value = getPath(item, path);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

function isObjectArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.some(isJsonObject);
}

/** The posts array: `fields.post` path, the root array, a known key (also one level down), or the first found. */
function findItems(root: unknown, path: string | undefined, source: string): unknown[] {
  if (path !== undefined) {
    const value = getPath(root, path);
    if (Array.isArray(value)) return value;
    throw new InputError(source, `an array of posts at fields.post ${JSON.stringify(path)}`, describe(value));
  }
  if (Array.isArray(root)) return root;
  if (!isJsonObject(root)) return [];
  for (const container of [root, ...ITEM_KEYS.map((k) => root[k]).filter(isJsonObject)]) {
    for (const key of ITEM_KEYS) if (isObjectArray(container[key])) return container[key];
  }
  // Breadth first, so the shallowest array of objects wins.
  let level: unknown[] = [root];
  for (let depth = 0; depth < MAX_SEARCH_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const node of level) {
      for (const value of isJsonObject(node) ? Object.values(node) : []) {
        if (isObjectArray(value)) return value;
        if (isJsonObject(value)) next.push(value);
      }
    }
    level = next;
  }
  return [];
}

/** A JSON value in a few words, for messages. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing there';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty array';
    const kinds = new Set(value.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)));
    return `an array of ${value.length} ${[...kinds].join('/')} value(s) and no post object`;
  }
  if (isJsonObject(value)) {
    const keys = Object.keys(value);
    const shown = keys.slice(0, 5).map((k) => JSON.stringify(k)).join(', ');
    return keys.length === 0 ? 'an empty JSON object' : `a JSON object with keys ${shown}${keys.length > 5 ? ', …' : ''} and no array of posts`;
  }
  return `a JSON ${value === null ? 'null' : typeof value}`;
}

/** A scalar or a wrapper object (`{rendered: "…"}`) as a string; null for anything else. */
function textValue(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isJsonObject(value)) {
    for (const key of WRAPPED_TEXT_KEYS) if (typeof value[key] === 'string') return value[key];
  }
  return null;
}

/** How deep bodyBlocks looks into nested block structures (rich-text trees of CMS APIs). */
const MAX_BODY_DEPTH = 6;
/** Keys of a block object that hold its children rather than its text. */
const CHILD_KEYS = ['children', 'content', 'blocks', 'elements', 'items', 'parts'];

/**
 * A body: a string (HTML or plain), a list of strings or of block objects (`{type, text}`, `{html}`), or a
 * rich-text tree (`{type: 'paragraph', children: [{text: …}, {text: …}]}`): a block whose children are all
 * text runs is one paragraph; other children are blocks of their own.
 */
function bodyBlocks(reader: CaptureReader, value: unknown, depth = 0): Block[] {
  if (depth > MAX_BODY_DEPTH) return [];
  const parts = Array.isArray(value) ? value : [value];
  return parts.flatMap((part): Block[] => {
    const text = textValue(part);
    if (text !== null) return reader.blocksFromMarkup(text);
    if (!isJsonObject(part)) return [];
    const children = CHILD_KEYS.map((k) => part[k]).find(Array.isArray);
    if (!children) return [];
    const runs = children.map(textValue);
    if (runs.every((r) => r !== null)) return reader.blocksFromMarkup(runs.join(''));
    return bodyBlocks(reader, children, depth + 1);
  });
}

function idValue(value: unknown): string | null {
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) return null;
  const id = normalizeText(String(value));
  return id === '' ? null : id;
}

/** A Unix time (seconds, or milliseconds when that large) or a digits-only string of one. */
const EPOCH_DIGITS = /^\d{9,13}$/;

function timeValue(value: unknown): { time: string; minutes: number | null } {
  let epoch: number | null = null;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) epoch = value;
  else if (typeof value === 'string' && EPOCH_DIGITS.test(value.trim())) epoch = Number(value.trim());
  if (epoch !== null) {
    const ms = epoch > 1e11 ? epoch : epoch * 1000;
    const date = new Date(ms);
    if (!Number.isNaN(date.getTime())) {
      return { time: date.toISOString().replace(/\.000Z$/, 'Z'), minutes: Math.floor(ms / 60000) };
    }
  }
  const text = textValue(value);
  if (text === null) return { time: '', minutes: null };
  const time = normalizeText(text);
  let minutes = timeMinutes(time);
  if (minutes === null) minutes = feedDateMinutes(time); // parse/dates.ts: DD.MM.YYYY, RFC 2822, epoch
  return { time, minutes };
}

/** `author`: a name, a person object (`{name}`), or a list of them. */
function bylineValue(reader: CaptureReader, value: unknown): string | null {
  const names = (Array.isArray(value) ? value : [value])
    .map((v) => textValue(v))
    .filter((v): v is string => v !== null)
    .map((t) => reader.textFromMarkup(t))
    .filter((v) => v !== '');
  return names.length > 0 ? names.join(', ') : null;
}

function paths(field: string | undefined, defaults: readonly string[]): readonly string[] {
  return field !== undefined ? [field] : defaults;
}

function parseItem(reader: CaptureReader, item: JsonObject, index: number, fields: FieldOptions, locator: Locator): Post | null {
  const rawId = firstValue(item, paths(fields.id, DEFAULT_FEED_FIELDS.id));
  const rawHeadline = firstValue(item, paths(fields.headline, DEFAULT_FEED_FIELDS.headline));
  const rawBody = firstValue(item, paths(fields.body, DEFAULT_FEED_FIELDS.body));
  const id = idValue(rawId);
  const { time, minutes } = timeValue(firstValue(item, paths(fields.time, DEFAULT_FEED_FIELDS.time)));
  const body = bodyBlocks(reader, rawBody);
  const headlineText = textValue(rawHeadline);
  const own = headlineText === null ? '' : reader.textFromMarkup(headlineText);
  if (id === null && time === '' && own === '' && body.length === 0) return null;
  const firstText = typeof rawBody === 'string' ? rawBody.slice(0, 40) : null;
  const line = locator.next([...needlesFor(id), ...needlesFor(headlineText), ...needlesFor(firstText)]);
  return {
    index,
    line,
    id,
    time,
    minutes,
    headline: own !== '' ? own : headlineFromBody(body),
    byline: bylineValue(reader, firstValue(item, DEFAULT_FEED_FIELDS.byline)),
    captions: [],
    body,
  };
}

function pageHeader(reader: CaptureReader, root: unknown): PageHeader {
  const header = emptyHeader();
  if (!isJsonObject(root)) return header;
  const scopes = [root, root.meta, root.pagination].filter(isJsonObject);
  const title = firstValue(root, ['title', 'headline', 'name']);
  if (typeof title === 'string') header.title = reader.textFromMarkup(title) || null;
  const updated = scopes.map((s) => firstValue(s, UPDATED_KEYS)).find((v) => v !== undefined);
  if (updated !== undefined) {
    const { time, minutes } = timeValue(updated);
    header.updated = time === '' ? null : time;
    header.updatedMinutes = minutes;
  }
  const total = scopes.map((s) => firstValue(s, TOTAL_KEYS)).find((v) => v !== undefined);
  if (typeof total === 'number' && Number.isInteger(total) && total >= 0) header.postCount = total;
  return header;
}

/** Parse a JSON feed of posts. Throws InputError for malformed JSON or JSON without post objects. */
export function parseFeedCapture(text: string, options: ParseOptions): Capture {
  return withMarkupLimits(options.source, (reader) => parseFeed(reader, text, options));
}

function parseFeed(reader: CaptureReader, text: string, options: ParseOptions): Capture {
  const source = options.source;
  const fields = options.fields ?? {};
  const json = text.replace(/^\ufeff/, '');
  const root = parseJsonInput(json, source, EXPECTED);
  const items = findItems(root, fields.post, source);
  checkPostCount(items.length, source, EXPECTED);
  const locator = new Locator(json, 0);
  const posts: Post[] = [];
  for (const item of items) {
    if (!isJsonObject(item)) continue;
    const post = parseItem(reader, item, posts.length, fields, locator);
    if (post) posts.push(post);
  }
  // An empty posts array (a ticker before kick-off) is a capture with no posts, not bad input.
  if (posts.length === 0 && items.length === 0 && isEmptyPosts(root)) return { source, format: 'feed', page: pageHeader(reader, root), posts };
  if (posts.length === 0) {
    const what = items.length > 0 ? `${items.length} item(s) without id, time, title or body${fieldNote(fields)}` : describe(root);
    throw new InputError(source, EXPECTED, what);
  }
  dropSharedIds(posts);
  return { source, format: 'feed', page: pageHeader(reader, root), posts };
}

/** `[]`, or an object whose posts key (`items`, `posts`…) holds an empty array. */
function isEmptyPosts(root: unknown): boolean {
  if (Array.isArray(root)) return root.length === 0;
  return isJsonObject(root) && ITEM_KEYS.some((k) => Array.isArray(root[k]) && (root[k] as unknown[]).length === 0);
}

function fieldNote(fields: FieldOptions): string {
  const given = Object.entries(fields).filter(([k, v]) => k !== 'post' && v !== undefined);
  return given.length === 0 ? '' : ` (fields ${given.map(([k, v]) => `${k}=${v}`).join(', ')})`;
}

/** JSON whose start is an array of objects (`[{`, `[]`) or an object (`{"`, `{}`). A text capture starts with a headline. */
export function detectFeed(text: string): boolean {
  const head = text.slice(0, 1024).replace(/^[\ufeff\s]+/, '');
  return startsAsJson(head) && /^(?:\[\s*[{\]]|\{\s*["}])/.test(head);
}

export const feedAdapter: Adapter = {
  name: 'feed',
  detect: detectFeed,
  parse: parseFeedCapture,
};
