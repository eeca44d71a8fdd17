// Deliver a report to a webhook: POST the JSON with an Idempotency-Key, a timeout per attempt and a few
// retries with backoff.
//
// "Delivered" means: the webhook answered the POST with a 2xx status. The answer's body is never read (it is
// cancelled as soon as the status and headers arrive), so a huge or trickled body costs nothing and cannot
// hold the run past its timeout. 4xx answers other than 408 and 429 are not retried (asking again will not
// help). A 307/308 redirect is followed only within the same origin (scheme, host and port), at most 3
// times: the report is never sent to another origin. Other redirects are failures.
import { LivediffError } from '../../errors.js';
import { type Attempt, describeFetchError, httpUrl, retryableStatus, safeUrl, USER_AGENT, withRetries } from '../../http.js';

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
  /** Sent as the Idempotency-Key header, the same on every attempt (and on the run that resumes it). */
  id: string;
}

const MAX_REDIRECTS = 3;

/** Check a --webhook URL before anything is printed or written: http(s), and no user name or password in it. */
export function checkWebhookUrl(url: string): URL {
  return httpUrl('--webhook', url, (m) => new WebhookError(m));
}

async function attempt(url: string, body: string, options: WebhookOptions): Promise<Attempt<null>> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let target = new URL(url);
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, 'idempotency-key': options.id },
        body,
        redirect: 'manual',
        signal,
      });
      // The status is the answer; the body is discarded unread (see above).
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return { ok: true, value: null };
      if (response.status === 307 || response.status === 308) {
        const location = response.headers.get('location');
        const next = location === null ? null : URL.canParse(location, target) ? new URL(location, target) : null;
        if (next === null || next.origin !== target.origin) {
          const where = next === null ? 'no valid Location' : `another origin (${safeUrl(next.href)})`;
          return { ok: false, retry: false, what: `HTTP ${response.status} redirect to ${where}, refused` };
        }
        if (hop >= MAX_REDIRECTS) return { ok: false, retry: false, what: `more than ${MAX_REDIRECTS} redirects` };
        target = next;
        continue;
      }
      if (response.status >= 300 && response.status < 400) {
        return { ok: false, retry: false, what: `HTTP ${response.status} redirect (only 307/308 within the same origin keep a POST)` };
      }
      return { ok: false, retry: retryableStatus(response.status), what: `HTTP ${response.status}` };
    }
  } catch (error) {
    return { ok: false, retry: true, what: describeFetchError(error, options.timeoutMs) };
  }
}

/** POST `body` (JSON text) to `url`; throws WebhookError naming the last failure when no attempt succeeds. */
export async function deliver(url: string, body: string, options: WebhookOptions): Promise<void> {
  checkWebhookUrl(url);
  const result = await withRetries(() => attempt(url, body, options), options);
  if (result.ok) return;
  const tries = result.attempts > 1 ? ` after ${result.attempts} attempts` : '';
  throw new WebhookError(
    `webhook ${safeUrl(url)}: ${result.what}${tries}; the report was not delivered`,
  );
}
