// Deliver a report to a webhook: POST the JSON, with a timeout per attempt and a few retries with backoff.
// Only a 2xx answer is a delivery; 4xx answers other than 408 and 429 are not retried (asking again will
// not help). The caller does not advance its state unless delivery succeeded.
import { LivediffError } from '../../errors.js';

export class WebhookError extends LivediffError {
  override name = 'WebhookError';
}

export interface WebhookOptions {
  /** Milliseconds per attempt. */
  timeoutMs: number;
  /** Attempts after the first. */
  retries: number;
  /** Wait before the first retry; doubled for each next one. */
  backoffMs: number;
  userAgent: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A URL for messages: no user name, password or query (they may hold secrets). */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

async function attempt(url: string, body: string, options: WebhookOptions): Promise<{ ok: boolean; retry: boolean; what: string }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': options.userAgent },
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'follow',
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { ok: true, retry: false, what: `HTTP ${response.status}` };
    const retry = response.status >= 500 || response.status === 408 || response.status === 429;
    return { ok: false, retry, what: `HTTP ${response.status}` };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    const what = e.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : (e.cause?.code ?? e.message);
    return { ok: false, retry: true, what };
  }
}

/** POST `body` (JSON text) to `url`; throws WebhookError naming the last failure when no attempt succeeds. */
export async function deliver(url: string, body: string, options: WebhookOptions): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WebhookError(`--webhook: '${url}' is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new WebhookError(`--webhook: ${safeUrl(url)} is not http or https`);
  let last = '';
  for (let i = 0; i <= options.retries; i++) {
    if (i > 0) await sleep(options.backoffMs * 2 ** (i - 1));
    const result = await attempt(url, body, options);
    if (result.ok) return;
    last = result.what;
    if (!result.retry) {
      throw new WebhookError(`webhook ${safeUrl(url)}: ${last}; the report was not delivered and the state was not advanced`);
    }
  }
  throw new WebhookError(
    `webhook ${safeUrl(url)}: ${last} after ${options.retries + 1} attempts; the report was not delivered and the state was not advanced`,
  );
}
