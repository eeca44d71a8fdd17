// Times given to --since/--until: the labels `log` prints, ISO 8601, or relative (`2.hours.ago`, `90m`).
import { UsageError } from '../errors.js';
import { stampFromName } from '../history/order.js';

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const UNIT_NAMES: Record<string, string> = {
  second: 's', seconds: 's', sec: 's', secs: 's', s: 's',
  minute: 'm', minutes: 'm', min: 'm', mins: 'm', m: 'm',
  hour: 'h', hours: 'h', hr: 'h', hrs: 'h', h: 'h',
  day: 'd', days: 'd', d: 'd',
  week: 'w', weeks: 'w', w: 'w',
};

/** `2.hours.ago`, `2 hours ago`, `1d`, `90m`: a span before `now`, as git's approxidate reads them. */
const RELATIVE = /^(\d+(?:\.\d+)?)[.\s]*([a-z]+?)(?:[.\s]+ago)?$/i;
/** A date with a time and no zone (`2026-11-22T10:00`, `2026-11-22 10:00`) or a date alone. */
const ZONELESS = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
/** The label format `log` prints (from file names): 2023-03-23T05-00-00Z, whole. */
const LABEL = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}(?:-\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * The instant `value` names, in ms since 1970. A time without a zone is UTC (capture stamps are UTC, and
 * a log must not mean different captures on different machines).
 */
export function parseTimeArg(name: string, value: string, now: number): number {
  const v = value.trim();
  const relative = RELATIVE.exec(v);
  if (relative) {
    const unit = UNIT_NAMES[relative[2]!.toLowerCase()];
    if (unit) return now - Number(relative[1]) * UNIT_MS[unit]!;
  }
  if (LABEL.test(v)) {
    const stamp = stampFromName(v);
    if (stamp) return stamp.getTime();
  }
  if (ZONELESS.test(v)) {
    const t = Date.parse(`${v.replace(' ', 'T')}${v.length === 10 ? 'T00:00' : ''}Z`);
    if (!Number.isNaN(t)) return t;
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/i.test(v)) {
    const t = Date.parse(v.replace(' ', 'T'));
    if (!Number.isNaN(t)) return t;
  }
  throw new UsageError(
    `--${name}: expected a time such as 2026-11-22T10:00Z, 2026-11-22T10-00-00Z (as log prints) or 2.hours.ago, found '${value}'`,
  );
}
