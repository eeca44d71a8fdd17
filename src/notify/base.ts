// URL pieces the webhook channels share: the `?base=` override (tests, proxies) and option parsing.
import { NotifyUsageError } from './types.js';

/** Query keys livediff reads itself; they are never forwarded to a service. */
export const OWN_KEYS = new Set(['base']);

/**
 * The origin a service URL is sent to: the service's own, or `?base=http://127.0.0.1:8080` (a local
 * receiver for tests, or a proxy), which replaces scheme, host and port and keeps the path.
 */
export function baseOrigin(url: URL, fallback: string): string {
  const base = url.searchParams.get('base');
  if (base === null) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    throw new NotifyUsageError(`base=${base} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new NotifyUsageError('base= takes an http or https URL');
  return `${parsed.origin}${parsed.pathname.replace(/\/$/, '')}`;
}

/** Path segments without empty ones, decoded. */
export function segments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
}

/** The query without livediff's own keys, as `?a=b` or ''. */
export function forwardedQuery(url: URL, drop: (key: string) => boolean = () => false): string {
  const q = new URLSearchParams([...url.searchParams].filter(([k]) => !OWN_KEYS.has(k) && !drop(k)));
  const s = q.toString();
  return s ? `?${s}` : '';
}
