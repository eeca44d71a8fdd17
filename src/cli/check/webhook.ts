// Deliver a report to a webhook: POST the JSON, with a timeout per attempt and a few retries with backoff.
// Only a 2xx answer is a delivery; 4xx answers other than 408 and 429 are not retried (asking again will
// not help). The caller does not advance its state unless delivery succeeded.
import { LivediffError } from '../../errors.js';
import { type Attempt, describeFetchError, httpUrl, retryableStatus, safeUrl, USER_AGENT, withRetries } from '../http.js';

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
}

async function attempt(url: string, body: string, timeoutMs: number): Promise<Attempt<null>> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { ok: true, value: null };
    return { ok: false, retry: retryableStatus(response.status), what: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, retry: true, what: describeFetchError(error, timeoutMs) };
  }
}

/** POST `body` (JSON text) to `url`; throws WebhookError naming the last failure when no attempt succeeds. */
export async function deliver(url: string, body: string, options: WebhookOptions): Promise<void> {
  httpUrl('--webhook', url, (m) => new WebhookError(m));
  const result = await withRetries(() => attempt(url, body, options.timeoutMs), options);
  if (result.ok) return;
  const tries = result.attempts > 1 ? ` after ${result.attempts} attempts` : '';
  throw new WebhookError(`webhook ${safeUrl(url)}: ${result.what}${tries}; the report was not delivered and the state was not advanced`);
}
