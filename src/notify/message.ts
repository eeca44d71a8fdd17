// A Notification built from a check's steps: the summary line, the Markdown, the generic JSON, once for
// every channel. Page names and titles are untrusted text: controls are removed before any channel sees them.
import { summarize } from '../classify/report.js';
import { POST_STATUSES, type Summary } from '../model.js';
import { CHECK_SCHEMA } from '../render/check.js';
import { toJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import type { OnlyValue } from '../render/select.js';
import { summaryLine } from '../render/summary.js';
import type { Notification, NotificationStep } from './types.js';

export interface NotificationInput {
  page: string;
  steps: NotificationStep[];
  link?: string | null;
  only?: readonly OnlyValue[];
  /** The generic JSON body; by default `{schema: 'livediff.check/3', page, steps}`. check passes its own. */
  json?: unknown;
  time?: Date;
}

/**
 * Untrusted text (page name, capture title) on one line, with @ followed by a zero-width space so that no
 * service turns `@everyone` or `@here` into a ping; each channel escapes it further for its syntax.
 */
const oneLine = (s: string) =>
  s
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/@(?!\u200b)/g, '@\u200b')
    .trim();

function total(steps: NotificationStep[]): Summary {
  const sum = summarize([]);
  for (const { report } of steps) {
    const s = report.summary;
    for (const k of POST_STATUSES) if (k !== 'unchanged') sum[k] += s[k];
    sum.moved += s.moved;
    sum.movedOnly += s.movedOnly;
    for (const [f, n] of Object.entries(s.fields)) sum.fields[f as keyof Summary['fields']] = (sum.fields[f as keyof Summary['fields']] ?? 0) + (n ?? 0);
  }
  // Unchanged posts are a count of the newest capture, not a sum over steps.
  // The verdict shows `unchanged - movedOnly`: keep that the newest capture's posts that neither changed nor moved.
  const last = steps.at(-1)?.report.summary;
  sum.unchanged = last ? last.unchanged - last.movedOnly + sum.movedOnly : 0;
  return sum;
}

/** Everything the channels need, from the steps a check found worth reporting. */
export function buildNotification(input: NotificationInput): Notification {
  const { steps } = input;
  const newest = steps.at(-1)?.report;
  const page = oneLine(input.page) || '(unnamed page)';
  // A page change (a rollover) says so itself: its report has no posts to count.
  const changes = steps.map((s) => s.summary).filter((x): x is string => x !== undefined);
  const counted = steps.filter((s) => s.summary === undefined);
  const last = counted.at(-1)?.report;
  const counts = [
    ...changes,
    ...(counted.length === 0 && changes.length > 0 ? [] : [counted.length === 1 ? summaryLine(last!.summary, last!.page) : summaryLine(total(counted), last?.page)]),
  ].join('; ');
  // The captures the steps span (a → b, b → c: three), not the number of steps.
  const captures = new Set(steps.flatMap((s) => [s.old, s.new])).size;
  const across = steps.length > 1 ? ` over ${captures} captures` : '';
  const markdown = steps.map((s) => s.markdown ?? renderMarkdown(s.report, { only: input.only, headingLevel: 3 })).join('\n---\n\n');
  return {
    page,
    title: newest?.new.title ? oneLine(newest.new.title) : null,
    steps,
    link: input.link ?? null,
    only: input.only,
    summary: oneLine(`${page}: ${counts}${across}`),
    markdown,
    json: input.json ?? {
      schema: CHECK_SCHEMA,
      page,
      steps: steps.map((s) => ({ old: s.old, new: s.new, report: toJson(s.report, { only: input.only }) })),
    },
    time: (input.time ?? new Date()).toISOString(),
  };
}
