// Timestamps as live pages print them (`5:50 a.m. ET, March 22, 2023`, `5:50 AM ET, …`), to sortable minutes.

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/** The months a timestamp may name, by their first three letters in any case (`March`, `MAR.`, `Sept`). */
const MONTH_PREFIX = Object.keys(MONTHS)
  .map((m) => [...m].map((c) => `[${c.toUpperCase()}${c}]`).join(''))
  .join('|');

/**
 * A whole line that is a timestamp naming a real time: hours 1–12, minutes 00–59, a known month, days
 * 1–31. Ranges are in the expression itself, so that matching alone tells a timestamp (parse/scan.ts
 * tests candidates in place without reading their minutes). Linear: every quantifier is bounded or
 * separated by a literal, so near-misses cannot make it backtrack.
 */
export const TIMESTAMP_LINE = new RegExp(
  `^(1[0-2]|0?[1-9]):([0-5]\\d) ?([apAP])\\.? ?[mM]\\.?(?: ([A-Z]{1,5}))?, ((?:${MONTH_PREFIX})[A-Za-z]{0,6})\\.? (3[01]|[12]\\d|0?[1-9]),? (\\d{4})$`,
);

/**
 * TIMESTAMP_LINE tested in place in a longer text (sticky, `lastIndex`), up to a line end: for finding
 * timestamp lines without cutting the text into lines first (parse/scan.ts).
 */
export const TIMESTAMP_AT = new RegExp(`${TIMESTAMP_LINE.source.slice(1, -1)}(?=\\r?\\n|\\r?$)`, 'y');

/** Minutes since the epoch (UTC) of a TIMESTAMP_LINE or TIMESTAMP_AT match. */
export function matchMinutes(m: RegExpExecArray): number {
  const hour = (Number(m[1]) % 12) + (m[3] === 'p' || m[3] === 'P' ? 12 : 0);
  const month = MONTHS[m[5]!.slice(0, 3).toLowerCase()]!;
  return Date.UTC(Number(m[7]), month, Number(m[6]), hour, Number(m[2])) / 60000;
}

/** Parse a timestamp line (its minutes and its zone's letters, or null without one); null when the line is not one. */
export function parseTimestamp(line: string): { minutes: number; zone: string | null } | null {
  // Most lines are not timestamps: rule them out before running the expression.
  const first = line.charCodeAt(0);
  if (line.length > 60 || first < 48 || first > 57) return null;
  const m = TIMESTAMP_LINE.exec(line);
  return m ? { minutes: matchMinutes(m), zone: m[4] ?? null } : null;
}
