// One HTTP attempt for the webhook channels: a timeout, the answer's body read up to a cap and thrown
// away, redirects followed only within the same origin (a webhook token must not travel elsewhere), and
// a failure classified as worth retrying (network, 408, 429, 5xx) or not.
import { retryableStatus, USER_AGENT } from '../http.js';
import { scrub } from './mask.js';
import { NotifyError, type SendContext, type Target } from './types.js';

/** Bytes of an answer read at most (then the connection is dropped): no endpoint can make us hold more. */
export const BODY_CAP = 64 * 1024;
const MAX_REDIRECTS = 3;

async function drain(response: Response): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) return;
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > BODY_CAP) break;
    }
    await reader.cancel();
  } catch {
    // The answer's body is not needed; a broken one changes nothing about the status.
  }
}

/** A fetch failure in a few words: a timeout, the system's error code, or the message. */
function describe(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  return e.cause?.code ?? e.cause?.message ?? e.message;
}

/** POST `body` to `url` once; resolves on a 2xx answer, throws NotifyError otherwise. */
export async function post(
  target: Target,
  url: string,
  body: string,
  headers: Record<string, string>,
  ctx: SendContext,
): Promise<void> {
  const doFetch = ctx.fetch ?? fetch;
  const fail = (what: string, retryable: boolean) => new NotifyError(target.scheme, target.masked, scrub(what, target.secrets), retryable);
  let current = new URL(url);
  const signal = AbortSignal.timeout(ctx.timeoutMs);
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await doFetch(current, {
        method: 'POST',
        headers: { 'user-agent': USER_AGENT, ...(ctx.idempotencyKey ? { 'idempotency-key': ctx.idempotencyKey } : {}), ...headers },
        body,
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      throw fail(describe(error, ctx.timeoutMs), true);
    }
    await drain(response);
    if (response.ok) return;
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw fail(`HTTP ${response.status} to an invalid location`, false);
      }
      // Only 307/308 keep the method and body; a redirect elsewhere would hand the payload (and any
      // token in the URL) to another party.
      if (next.origin !== current.origin) throw fail(`HTTP ${response.status} redirect to another origin, not followed`, false);
      if ((response.status !== 307 && response.status !== 308) || hop >= MAX_REDIRECTS) {
        throw fail(`HTTP ${response.status} redirect not followed`, false);
      }
      current = next;
      continue;
    }
    throw fail(`HTTP ${response.status}`, retryableStatus(response.status));
  }
}
