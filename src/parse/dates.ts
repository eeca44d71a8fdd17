// Dates as feeds write them, to minutes: `DD.MM.YYYY HH:MM[:SS]` (and `DD/MM/YYYY`), RFC 2822, epoch
// seconds or milliseconds. ISO 8601 and page timestamps stay with fields.ts timeMinutes, tried first.

/** `22.03.2023 05:50`, `22.03.2023 05:50:07`, `22/03/2023 5:50`: day first, as European tickers write. */
const DAY_MONTH_YEAR = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
/**
 * RFC 2822 and the RFC 822 it follows, as RSS feeds write it: `Wed, 22 Mar 2023 05:50:00 GMT`, `22 Mar 2023
 * 05:50 +0100`; a full weekday name, a two-digit year, `+01:00`, a US zone (`EST`, `PDT`) as feeds also do.
 * A zone Date.parse does not know (`CET`) gives no time.
 */
const RFC_2822 = /^(?:[A-Za-z]{3,9},? )?\d{1,2} [A-Za-z]{3} \d{2}(?:\d{2})? \d{1,2}:\d{2}(?::\d{2})?(?: (?:GMT|UTC|UT|Z|[+-]\d{2}:?\d{2}|[A-Z]{3,4}))?$/;
/** Epoch seconds (9-10 digits) or milliseconds (12-13 digits). */
const EPOCH = /^\d{9,13}$/;

/** Minutes since 1970 of a date a feed wrote, or null when it is none of the formats above. */
export function feedDateMinutes(text: string): number | null {
  const value = text.trim();
  if (EPOCH.test(value)) {
    const n = Number(value);
    return Math.floor((n > 1e11 ? n : n * 1000) / 60000);
  }
  const dmy = DAY_MONTH_YEAR.exec(value);
  if (dmy) {
    const [, d, mo, y, h = '0', mi = '0'] = dmy;
    const day = Number(d);
    const month = Number(mo);
    if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59) return null;
    // No zone: the page's own time, as every other time livediff reads without one.
    return Date.UTC(Number(y), month - 1, day, Number(h), Number(mi)) / 60000;
  }
  if (RFC_2822.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : Math.floor(ms / 60000);
  }
  return null;
}
