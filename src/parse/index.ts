// Entry to the parse stage: pick an adapter (detected or forced) and turn bytes or text into a Capture.
import { isUtf8 } from 'node:buffer';
import { InputError, UsageError } from '../errors.js';
import type { Capture, Post } from '../model.js';
import type { Adapter, DraftCapture, ParseOptions } from './adapter.js';
import { PostMemory } from './chunks.js';
import { bomCharset, checkCaptureText, decodeCapture } from './decode.js';
import { postKey, samePost } from './post.js';
import { parseTextBytes, parseTextCapture, textAdapter } from './text.js';

type Formats = typeof import('./formats.js');

/** Every adapter's name, in detection order: the most specific first, plain text last. */
export const FORMAT_NAMES = ['rss', 'jsonld', 'html', 'feed', 'text'] as const;

/**
 * Adapters in detection order. RSS and Atom feeds first (their root element, after the prolog, is
 * `<rss>`, `<rdf:RDF>` or Atom's `<feed>`: nothing else starts so), then JSON-LD (bare, or an HTML page
 * with LiveBlogPosting updates in it) before HTML; JSON feeds after them. Every detect() but text's needs
 * the input to start with `<`, `{` or `[`, which a text capture (a headline line) does not. Holds only
 * `text` until the formats are registered.
 */
export const ADAPTERS: Adapter[] = [textAdapter];
let formats: Formats | null = null;

/** Make the html, jsonld, rss and feed adapters (and character-set sniffing) available to parseCapture. */
export function registerFormats(module: Formats): void {
  if (formats !== null) return;
  formats = module;
  ADAPTERS.splice(0, ADAPTERS.length, module.rssAdapter, module.jsonldAdapter, module.htmlAdapter, module.feedAdapter, textAdapter);
}

/** Load the adapters beyond text (htmlparser2 and its kin): the command line does this only when needed. */
export async function loadFormats(): Promise<void> {
  registerFormats(await import('./formats.js'));
}

const MARKUP_OR_JSON = new Set([0x3c, 0x7b, 0x5b]); // < { [

/**
 * Whether reading this input needs more than the text adapter: a format other than text is forced, or the
 * input starts (after a BOM and white space) with `<`, `{` or `[`, as HTML and JSON do and a text capture,
 * which starts with a headline, does not.
 */
export function needsFormats(input: string | Uint8Array, format?: string): boolean {
  if (format !== undefined) return format !== 'text';
  if (typeof input === 'string') return /^[\ufeff\s]*[<{[]/.test(input.slice(0, 4096));
  const bom = bomCharset(input);
  // UTF-16 (only with a byte order mark) is decoded before any adapter reads it: a UTF-16 feed or page
  // needs the formats as its UTF-8 twin does, and a UTF-16 text capture still falls to the text adapter.
  if (bom === 'utf-16le' || bom === 'utf-16be') return true;
  let i = bom === 'utf-8' ? 3 : 0;
  const end = Math.min(input.length, 4096);
  while (i < end && (input[i] === 0x20 || (input[i]! >= 0x09 && input[i]! <= 0x0d))) i++;
  return MARKUP_OR_JSON.has(input[i]!);
}

export interface ParseCaptureOptions {
  /** Name for messages; defaults to `capture`. */
  source?: string;
  /** Force an adapter by name instead of detecting one. */
  format?: string;
  /** Refuse inputs larger than this many bytes. */
  maxBytes?: number;
  /** Where the post fields are, for the html (CSS selectors) and feed (dot paths) adapters. */
  fields?: ParseOptions['fields'];
}

export function findAdapter(name: string): Adapter {
  const adapter = ADAPTERS.find((a) => a.name === name);
  if (adapter) return adapter;
  if ((FORMAT_NAMES as readonly string[]).includes(name)) {
    throw new Error(`the ${name} adapter is not loaded: call loadFormats() first`);
  }
  throw new UsageError(`unknown input format '${name}' (known: ${FORMAT_NAMES.join(', ')})`);
}

/** Bytes as text: in the character set an HTML or XML page declares (when the formats are loaded), else UTF-8. */
function decode(bytes: Uint8Array, source: string, maxBytes: number | undefined): string {
  const charset = formats?.sniffCharset(bytes) ?? null;
  // Valid UTF-8 with non-ASCII characters in it is almost never legacy text (`é` alone is invalid UTF-8):
  // such a page was re-encoded when saved and kept its old declaration.
  const legacy = charset !== null && charset !== 'utf-8' && !charset.startsWith('utf-16') && !isUtf8(bytes);
  return decodeCapture(bytes, source, maxBytes, legacy ? charset : 'utf-8');
}

/**
 * An adapter's capture with every post keyed (`postKey`): the key is computed here for every format. Each
 * post is written out field by field: on Node 20, `{ ...post, key }` (a spread, then a property the source
 * lacks) gives every copy a hidden class of its own, and a page of 200,000 posts kept 200,000 of them.
 * A post that `lastPosts` (the capture a reader parsed before) had, the same in every field, takes that post's
 * strings and arrays: a series then holds each post's text once, not once a capture (a `log` over 150 RSS
 * captures of 2,000 items held them all, 2.3 MiB a capture).
 */
function keyed(draft: DraftCapture, lastPosts: readonly Post[] | null): Capture {
  // Made now, after the adapter has read the page: not on top of what reading it costs.
  let last: Map<string, Post> | null = null;
  if (lastPosts !== null) {
    last = new Map();
    for (const p of lastPosts) last.set(p.key, p);
  }
  const posts = draft.posts.map((p): Post => {
    const key = postKey(p);
    const before = last?.get(key);
    const s = before !== undefined && samePost(before, p) ? before : p;
    return { index: p.index, line: p.line, id: p.id, time: s.time, minutes: p.minutes, headline: s.headline, byline: s.byline, captions: s.captions, body: s.body, key: s === before ? before.key : key };
  });
  return { ...draft, posts };
}

/** A library caller's input and options checked where they enter: a wrong type is a UsageError of one line. */
function checkCall(input: unknown, options: unknown): asserts options is ParseCaptureOptions {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    const got = input === null ? 'null' : input instanceof ArrayBuffer ? 'an ArrayBuffer (wrap it: new Uint8Array(buffer))' : typeof input;
    throw new UsageError(`parseCapture: expected the capture as a string or a Uint8Array (a Buffer), got ${got}`);
  }
  if (typeof options !== 'object' || options === null) throw new UsageError(`parseCapture: expected options as an object, got ${options === null ? 'null' : typeof options}`);
  const { source, format, maxBytes } = options as ParseCaptureOptions;
  if (source !== undefined && typeof source !== 'string') throw new UsageError(`parseCapture: option source: expected a string, got ${typeof source}`);
  if (format !== undefined && typeof format !== 'string') throw new UsageError(`parseCapture: option format: expected a string, got ${typeof format}`);
  if (maxBytes !== undefined && (typeof maxBytes !== 'number' || !(maxBytes >= 0))) {
    throw new UsageError(`parseCapture: option maxBytes: expected a number of at least 0, got ${typeof maxBytes === 'number' ? maxBytes : typeof maxBytes}`);
  }
}

/** What a reader keeps between the captures it parses (see createReader). */
interface ReaderState {
  /** The last text capture's posts, by their bytes. */
  text: PostMemory;
  /** The last capture's posts in another format. */
  lastPosts: readonly Post[] | null;
}

function parseWith(input: string | Uint8Array, options: ParseCaptureOptions, state: ReaderState | null): Capture {
  const memory = state?.text ?? null;
  checkCall(input, options);
  const source = options.source ?? 'capture';
  if (typeof input === 'string') checkCaptureText(input, source, options.maxBytes);
  // Bytes that can only be a text capture are read as bytes (see parseTextBytes): no adapter but text
  // detects an input that does not start with `<`, `{` or `[`.
  if (typeof input !== 'string' && (options.format ?? 'text') === 'text' && !needsFormats(input)) {
    return parseTextBytes(input, source, options.maxBytes, memory);
  }
  const text = typeof input === 'string' ? input : decode(input, source, options.maxBytes);
  if (typeof input === 'string' && text.trim() === '') {
    throw new InputError(source, 'a text capture of a live page', 'only white space');
  }
  const adapter = options.format ? findAdapter(options.format) : (ADAPTERS.find((a) => a.detect(text)) ?? textAdapter);
  const parseOptions: ParseOptions = options.fields ? { source, fields: options.fields } : { source };
  if (adapter === textAdapter) return parseTextCapture(text, parseOptions, memory);
  const capture = keyed(adapter.parse(text, parseOptions), state?.lastPosts ?? null);
  if (state) state.lastPosts = capture.posts;
  return capture;
}

/** Parse a capture from its bytes or decoded text. Pure: it keeps nothing (see createReader for series). */
export function parseCapture(input: string | Uint8Array, options: ParseCaptureOptions = {}): Capture {
  return parseWith(input, options, null);
}

/** Parses captures, remembering the last text capture it parsed (see createReader). */
export interface Reader {
  /** Parse a capture like parseCapture, reusing what the reader remembers of the capture it parsed before. */
  parse(input: string | Uint8Array, options?: ParseCaptureOptions): Capture;
}

/**
 * A reader for captures of one page in succession: both sides of a diff, the captures of a series. It
 * remembers the posts of the last text capture it parsed, so that the next one's unchanged posts are
 * found in place and not parsed again (see parse/chunks.ts), and those of the last capture in another
 * format, whose text the next capture's unchanged posts share (see keyed). It holds at most one capture's
 * posts of each kind; drop the reader when the series is read. The captures it returns are the same as
 * parseCapture's.
 */
export function createReader(): Reader {
  const state: ReaderState = { text: new PostMemory(), lastPosts: null };
  return { parse: (input, options = {}) => parseWith(input, options, state) };
}
