// The one interface every notification channel implements, and the data a notification carries.
import { LivediffError } from '../errors.js';
import type { OnlyValue } from '../render/select.js';
import type { Report } from '../model.js';

/** One reported step of a check: the capture before, the capture after, and their report. */
export interface NotificationStep {
  old: string;
  new: string;
  report: Report;
  /** The step as Markdown, when the caller rendered it already (check keeps no Report: see check/deliver.ts). */
  markdown?: string;
  /** The step's part of the summary line, when its report has nothing to count (a page change). */
  summary?: string;
}

/** What every channel renders from: built once per delivery by buildNotification (message.ts). */
export interface Notification {
  /** The page's name (watch) or the capture folder (check). */
  page: string;
  /** The newest capture's title, if it has one (untrusted text). */
  title: string | null;
  steps: NotificationStep[];
  /** The page's address, when known (watch pages with a `url`). */
  link: string | null;
  /** What the reports were restricted to (`--only`). */
  only: readonly OnlyValue[] | undefined;
  /** One plain line: "cnn: 2 added, 1 edited (body)". No Markdown, no control characters. */
  summary: string;
  /** The whole report as GitHub-flavoured Markdown (capture text neutralised by escapeMarkdown). */
  markdown: string;
  /** The generic JSON body (`livediff.check/3`), sent as is by json:// and jsons://. */
  json: unknown;
  /** When the check ran (ISO 8601). */
  time: string;
}

/** What a send may use besides the message: a timeout per attempt, and a fetch to test with. */
export interface SendContext {
  /** Milliseconds one attempt may take. */
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Sent as the Idempotency-Key header by the HTTP channels: the same for every attempt of one report. */
  idempotencyKey?: string;
}

/** A parsed channel URL: the channel keeps what it needs in `data`. */
export interface Target<D = unknown> {
  scheme: string;
  /** The URL as configured, masked: the only form that may be printed. */
  masked: string;
  /** Strings that must never appear in a message (tokens, passwords), removed from error texts. */
  secrets: string[];
  data: D;
}

export interface Channel<D = unknown> {
  /** The URL schemes this channel answers to, without the colon (`ntfy`, `ntfys`). */
  schemes: readonly string[];
  /** Check a URL and keep what send needs; throws NotifyUsageError (a message without the URL). */
  parse(url: URL, raw: string): D;
  /** Deliver one attempt; throws NotifyError on failure. */
  send(target: Target<D>, message: Notification, ctx: SendContext): Promise<void>;
}

/** A delivery failed: names the channel and the masked target; `retryable` says whether trying again may help. */
export class NotifyError extends LivediffError {
  override name = 'NotifyError';
  constructor(
    readonly scheme: string,
    readonly target: string,
    readonly what: string,
    readonly retryable: boolean,
  ) {
    super(`notify ${target}: ${what}`);
  }
}

/** A channel URL that cannot work (missing topic, bad option): parseNotifyUrls adds the masked URL. */
export class NotifyUsageError extends Error {
  override name = 'NotifyUsageError';
}
