// Where `check` delivers its reports (--webhook, --notify URLs) and the outbox it delivers from: each report
// owed to each target is kept in the state until that target acknowledged it, and sent again, unchanged
// and with the same id, on later runs, in order, up to a number of failed runs after which it is dropped.
import { type Notification, type NotificationStep, parseNotifyUrls, send } from '../../notify/index.js';
import { sanitizeInline, sanitizeJson } from '../../render/sanitize.js';
import { safeUrl } from '../../http.js';
import { type OutboxEntry, sha256 } from './state.js';
import { checkWebhookUrl, deliver } from './webhook.js';

/** One place a report goes, with a key that stays the same across runs (never the masked URL: two Slack webhooks mask alike). */
export interface DeliveryTarget {
  key: string;
  /** Printable (masked) name. */
  name: string;
  send(message: Notification, id: string): Promise<void>;
}

export interface DeliveryOptions {
  webhook?: string | undefined;
  notify?: readonly string[] | undefined;
  timeoutMs: number;
  retries: number;
  backoffMs?: number;
}

/** The targets of a run, checked before anything is printed or written (UsageError naming the masked URL). */
export function deliveryTargets(o: DeliveryOptions): DeliveryTarget[] {
  const backoffMs = o.backoffMs ?? 1000;
  const targets: DeliveryTarget[] = [];
  if (o.webhook !== undefined) {
    const url = o.webhook;
    checkWebhookUrl(url);
    targets.push({
      key: 'webhook',
      name: safeUrl(url),
      // Today's body (livediff.check/3) as is, as --webhook always posted it.
      send: (m, id) => deliver(url, sanitizeJson(JSON.stringify(m.json)), { timeoutMs: o.timeoutMs, retries: o.retries, backoffMs, id }),
    });
  }
  const raw = o.notify ?? [];
  parseNotifyUrls(raw).forEach((t, i) => {
    const key = `notify:${sha256(raw[i]!).slice(0, 16)}`;
    if (targets.some((x) => x.key === key)) return; // The same URL twice gets each report once.
    targets.push({ key, name: t.target.masked, send: (m, id) => send(t, m, { timeoutMs: o.timeoutMs, retries: o.retries, backoffMs, idempotencyKey: id }) });
  });
  return targets;
}

/**
 * The message as the outbox keeps it: the Notification with each step's report cut to its summary (what
 * channels read besides the rendered Markdown), so the state stays as small as what changed.
 */
export function storedMessage(m: Notification): unknown {
  return { ...m, steps: m.steps.map((s: NotificationStep) => ({ old: s.old, new: s.new, report: { summary: s.report.summary } })) };
}

export interface DrainResult {
  outbox: OutboxEntry[];
  /** Entries of earlier runs now delivered to every target. */
  delivered: number;
  failed: boolean;
}

/**
 * Deliver every entry to the targets it is still owed to, oldest first. A target that fails is not tried
 * with later entries on this run (they stay behind it, in order). `persist` is called after each entry, so
 * a killed run repeats at most the entry it was delivering (same id). After `maxAttempts` failed runs a
 * target's entry is dropped with a line on standard error.
 *
 * `failedThisRun`: the keys of targets that failed earlier in the same run, for another page (watch holds
 * one for all its pages). Such a target is not tried: a receiver that never answers would hold the run
 * for every page in turn. What is owed to it stays, its failed runs not counted (it was not tried), and
 * the delivery counts as failed. The keys of targets that fail here are added to it.
 */
export async function drainOutbox(
  outbox: readonly OutboxEntry[],
  targets: readonly DeliveryTarget[],
  maxAttempts: number,
  warn: (line: string) => void,
  persist: (outbox: OutboxEntry[]) => void,
  failedThisRun: Set<string> = new Set(),
): Promise<DrainResult> {
  const byKey = new Map(targets.map((t) => [t.key, t]));
  const blocked = new Set<string>();
  let rest = [...outbox];
  let delivered = 0;
  let failed = false;
  for (let i = 0; i < outbox.length; i++) {
    const entry = outbox[i]!;
    const still: OutboxEntry['targets'] = [];
    let changed = false;
    for (const owed of entry.targets) {
      const target = byKey.get(owed.key);
      if (target === undefined) {
        const named = owed.name === undefined ? 'a target' : sanitizeInline(owed.name);
        warn(`livediff: the report up to ${sanitizeInline(entry.capture)} was owed to ${named}, no longer given; dropped for it`);
        changed = true;
        continue;
      }
      if (blocked.has(owed.key)) {
        still.push(owed);
        continue;
      }
      if (failedThisRun.has(owed.key)) {
        failed = true;
        blocked.add(owed.key);
        still.push(owed);
        warn(`livediff: not sent to ${sanitizeInline(target.name)}, which failed for an earlier page of this run; the next run sends it again`);
        continue;
      }
      try {
        await target.send(entry.message as Notification, entry.id);
        changed = true;
      } catch (error) {
        failed = true;
        blocked.add(owed.key);
        failedThisRun.add(owed.key);
        const attempts = owed.attempts + 1;
        const why = sanitizeInline((error as Error).message ?? String(error));
        if (attempts >= maxAttempts) {
          warn(`livediff: ${why}; gave up on the report up to ${sanitizeInline(entry.capture)} after ${attempts} runs (--max-delivery-attempts)`);
          changed = true;
        } else {
          warn(`livediff: ${why}; the next run sends it again (same Idempotency-Key; failed runs: ${attempts} of ${maxAttempts})`);
          still.push({ ...owed, attempts });
          changed = true;
        }
      }
    }
    if (!changed) continue;
    if (still.length === 0) delivered++;
    rest = rest.flatMap((e) => (e.id !== entry.id ? [e] : still.length === 0 ? [] : [{ ...e, targets: still }]));
    persist(rest);
  }
  return { outbox: rest, delivered, failed };
}
