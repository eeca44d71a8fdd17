// What everything that talks HTTP shares (the CLI's check --webhook and capture, the notify channels):
// retries with doubling backoff, which failures are worth retrying, a User-Agent, and URLs safe to print.
// It fetches nothing itself: each caller passes its attempt.

export const USER_AGENT = `livediff/${typeof LIVEDIFF_VERSION === 'string' ? LIVEDIFF_VERSION : 'dev'} (live page capture and diff)`;

/** One attempt's outcome: done with a value, or failed (`what` for the message) and maybe worth retrying. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; retry: boolean; what: string };

export interface RetryOptions {
  /** Attempts after the first. */
  retries: number;
  /** Wait before the first retry; doubled for each next one. */
  backoffMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Run `attempt` until it succeeds, fails for good, or the retries are spent; then the last failure. */
export async function withRetries<T>(
  attempt: () => Promise<Attempt<T>>,
  options: RetryOptions,
): Promise<{ ok: true; value: T } | { ok: false; what: string; attempts: number }> {
  for (let i = 0; ; i++) {
    if (i > 0) await sleep(options.backoffMs * 2 ** (i - 1));
    const result = await attempt();
    if (result.ok) return result;
    if (!result.retry || i >= options.retries) return { ok: false, what: result.what, attempts: i + 1 };
  }
}

/** Server errors, timeouts and rate limits may pass; other 4xx answers will not. */
export function retryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** A fetch failure in a few words: a timeout, the system's error code, or the message. */
export function describeFetchError(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string; name?: string } };
  if (e.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  // The connection closed before the response's end (a chunked body without its last chunk).
  if ((e.cause?.name === 'HTTPParserError' && /EOF/.test(e.cause.message ?? '')) || e.cause?.code === 'UND_ERR_SOCKET') {
    return "the connection closed before the response's end";
  }
  // fetch says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, "bad port"). undici's own
  // messages repeat the whole URL, user name, password and query included: mask every URL in them.
  return maskUrls(e.cause?.code ?? e.cause?.message ?? e.message ?? String(error));
}

/** Anything in a message that looks like a URL (`scheme://…` up to white space or a quote). */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

/** `text` with every URL in it shown as safeUrl shows it: no user name, password or query. */
export function maskUrls(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => safeUrl(url));
}

/** A URL for messages: no user name, password or query (they may hold secrets). */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * A URL given on the command line, checked: http or https only, and no user name or password in it (they
 * would travel in clear to every redirect and end up in logs; livediff takes no credentials in URLs).
 */
export function httpUrl(option: string, url: string, fail: (message: string) => Error): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw fail(`${option}: expected an http or https URL, found text that is not a URL (not shown: it may hold a secret)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw fail(`${option}: ${safeUrl(url)} is not http or https`);
  if (parsed.username !== '' || parsed.password !== '') {
    throw fail(`${option}: ${safeUrl(url)} holds a user name or password; livediff takes no credentials in URLs`);
  }
  return parsed;
}
