// ISO and RFC 2822 times (JSON-LD, feed and RSS captures) as people read them, in a zone the caller
// names; other text as it is.
import { ISO_INSTANT } from '../classify/fields.js';

/**
 * RFC 2822 with a zone that names its instant (`Fri, 19 Feb 2021 19:40:03 GMT`, `… +0100`, `… EST`), as
 * RSS writes times; a full weekday name and a two-digit year as well (parse/dates.ts reads the same).
 */
const RFC_2822 = /^(?:[A-Za-z]{3,9},? )?\d{1,2} [A-Za-z]{3} \d{2}(?:\d{2})? \d{1,2}:\d{2}(?::\d{2})? (?:GMT|UTC|UT|Z|[+-]\d{2}:?\d{2}|[ECMP][SD]T)$/;

/**
 * `2026-11-22T15:31:00Z` or `Sun, 22 Nov 2026 15:31:00 GMT` → `Sun 22 Nov 2026, 15:31 UTC` in `timeZone`
 * (default: the local zone). Times a page printed for people (`5:50 a.m. ET, March 22, 2023`) and times
 * without a zone are left alone: only a time that names its instant can be moved to another zone honestly.
 */
export function humanTime(text: string, timeZone?: string): string {
  if (!ISO_INSTANT.test(text.trim()) && !RFC_2822.test(text.trim())) return text;
  const date = new Date(text.trim());
  if (Number.isNaN(date.getTime())) return text;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}
