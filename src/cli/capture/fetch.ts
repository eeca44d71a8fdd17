// Fetch a live page for `livediff capture`: a clear User-Agent, redirects followed (fetch's limit of 20), a
// timeout per attempt, retries with backoff for what may pass (network errors, timeouts, 5xx, 408, 429),
// and a size limit checked on the declared length and while the body streams in. The fetch is undici's
// own package, loaded on first use (like nodemailer): the undici inside Node 20 takes a chunked response cut
// off before its last chunk for a whole one (nodejs/undici#5273, fixed in 7.x and 6.x, never in Node 20),
// and a cut page stored as a capture reads as posts edited (`+ Foll`), then edited back.
import { LivediffError } from '../../errors.js';
import { formatSize } from '../../parse/decode.js';
import { type Attempt, describeFetchError, httpUrl, retryableStatus, safeUrl, USER_AGENT, withRetries } from '../../http.js';

export class FetchError extends LivediffError {
  override name = 'FetchError';
}

export interface FetchOptions {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxBytes: number;
}

export interface Page {
  bytes: Uint8Array;
  /** The Content-Type header, or null. */
  contentType: string | null;
  /** Where the page was found, after redirects. */
  url: string;
}

async function readBody(response: Awaited<ReturnType<Fetch>>, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array(0);
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

type Fetch = (typeof import('undici'))['fetch'];

async function attempt(fetch: Fetch, url: string, options: FetchOptions): Promise<Attempt<Page>> {
  const limit = `--max-size ${formatSize(options.maxBytes)}`;
  const tooBig = (size: number | null): Attempt<Page> => ({
    ok: false,
    retry: false,
    what: size === null ? `a page larger than ${limit}` : `a page of ${formatSize(size)}, more than ${limit}`,
  });
  try {
    const response = await fetch(url, {
      headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,application/json;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,*/*;q=0.8' },
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'follow',
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, retry: retryableStatus(response.status), what: `HTTP ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > options.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return tooBig(declared);
    }
    const bytes = await readBody(response, options.maxBytes);
    if (bytes === null) return tooBig(null);
    return { ok: true, value: { bytes, contentType: response.headers.get('content-type'), url: response.url || url } };
  } catch (error) {
    // A redirect loop is the site's answer, not a network error: asking again gets the same loop.
    const loop = /redirect count exceeded/.test(String((error as { cause?: { message?: string } }).cause?.message));
    return { ok: false, retry: !loop, what: loop ? 'a redirect loop (more than 20 redirects)' : describeFetchError(error, options.timeoutMs) };
  }
}

/** Fetch a page, or throw FetchError naming the URL (without secrets) and the last failure. */
export async function fetchPage(url: string, options: FetchOptions): Promise<Page> {
  httpUrl('capture', url, (m) => new FetchError(m));
  const { fetch } = await import('undici');
  const result = await withRetries(() => attempt(fetch, url, options), options);
  if (result.ok) return result.value;
  const tries = result.attempts > 1 ? ` after ${result.attempts} attempts` : '';
  throw new FetchError(`${safeUrl(url)}: expected a live page, found ${result.what}${tries}; nothing was written`);
}
