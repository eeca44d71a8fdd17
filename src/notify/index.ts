// Notification channels configured by URL, as Apprise does (slack://, discord://, ntfy://, teams://,
// json://, mailto://, atom://): parse every URL up front, then deliver one Notification to each.
import { UsageError } from '../errors.js';
import { atom } from './atom.js';
import { discord } from './discord.js';
import { json } from './json.js';
import { mail } from './mail.js';
import { maskUrl, scrub, secretsOf } from './mask.js';
import { ntfy } from './ntfy.js';
import { slack } from './slack.js';
import { teams } from './teams.js';
import { type Channel, type Notification, NotifyError, NotifyUsageError, type SendContext, type Target } from './types.js';

export { buildNotification, type NotificationInput } from './message.js';
export { maskUrl } from './mask.js';
export { type Channel, type Notification, type NotificationStep, NotifyError, type SendContext, type Target } from './types.js';

export const CHANNELS: readonly Channel[] = [slack, discord, ntfy, teams, json, mail, atom] as Channel[];

/** Every scheme a notify URL may have, for messages and docs. */
export const SCHEMES: readonly string[] = CHANNELS.flatMap((c) => c.schemes);

/** A channel URL ready to deliver to. */
export interface NotifyTarget {
  channel: Channel;
  target: Target;
}

/** The channel for an https:// URL, by its host: the URL a service gives can be pasted as is. */
function httpsChannel(u: URL): Channel | null {
  if (u.hostname === 'hooks.slack.com' && u.pathname.startsWith('/services/')) return slack;
  if (/^(\w+\.)?discord(app)?\.com$/.test(u.hostname) && u.pathname.startsWith('/api/webhooks/')) return discord;
  if (/\.(logic\.azure\.com|powerplatform\.com)$/.test(u.hostname)) return teams;
  return null;
}

/** Parse and check every notify URL; the first bad one throws a one-line UsageError naming it masked. */
export function parseNotifyUrls(list: readonly string[]): NotifyTarget[] {
  return list.map((raw) => {
    const masked = maskUrl(raw);
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new UsageError(`notify URL ${masked}: not a URL (known schemes: ${SCHEMES.join(', ')})`);
    }
    const scheme = url.protocol.slice(0, -1).toLowerCase();
    const channel = scheme === 'https' || scheme === 'http' ? httpsChannel(url) : (CHANNELS.find((c) => c.schemes.includes(scheme)) ?? null);
    if (channel === null) {
      const hint = scheme === 'https' || scheme === 'http' ? '; for a generic JSON webhook write json:// or jsons://' : '';
      throw new UsageError(`notify URL ${masked}: unknown scheme '${scheme}:'${hint} (known schemes: ${SCHEMES.join(', ')})`);
    }
    let data: unknown;
    try {
      data = channel.parse(url, raw);
    } catch (error) {
      if (error instanceof NotifyUsageError) throw new UsageError(`notify URL ${masked}: ${error.message}`);
      throw error;
    }
    return { channel, target: { scheme, masked, secrets: secretsOf(raw), data } };
  });
}

/** One attempt to deliver `message` to one target; throws NotifyError (message: channel and masked target). */
export async function sendOnce(t: NotifyTarget, message: Notification, ctx: SendContext): Promise<void> {
  await t.channel.send(t.target, message, ctx);
}

export interface RetryContext extends SendContext {
  /** Attempts after the first, for failures worth retrying. */
  retries: number;
  /** Wait before the first retry; doubled for each next one. */
  backoffMs: number;
}

/** Deliver with retries (network, 408, 429, 5xx, SMTP 4xx); throws the last NotifyError, saying how many attempts. */
export async function send(t: NotifyTarget, message: Notification, ctx: RetryContext): Promise<void> {
  for (let i = 0; ; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, ctx.backoffMs * 2 ** (i - 1)));
    try {
      return await t.channel.send(t.target, message, ctx);
    } catch (error) {
      const e = error instanceof NotifyError ? error : new NotifyError(t.target.scheme, t.target.masked, scrub(String((error as Error)?.message ?? error), t.target.secrets), true);
      if (!e.retryable || i >= ctx.retries) {
        if (i === 0) throw e;
        throw new NotifyError(e.scheme, e.target, `${e.what} after ${i + 1} attempts`, e.retryable);
      }
    }
  }
}

/** The outcome of delivering to every target: which succeeded and which failed (and why, masked). */
export interface DeliveryResult {
  target: string;
  ok: boolean;
  error?: NotifyError;
}

/** Deliver to every target at once; one failing never stops the others. */
export async function sendAll(targets: readonly NotifyTarget[], message: Notification, ctx: RetryContext): Promise<DeliveryResult[]> {
  return Promise.all(
    targets.map(async (t) => {
      try {
        await send(t, message, ctx);
        return { target: t.target.masked, ok: true };
      } catch (error) {
        return { target: t.target.masked, ok: false, error: error as NotifyError };
      }
    }),
  );
}
