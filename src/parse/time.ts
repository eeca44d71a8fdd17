// Timestamps as live pages print them (`5:50 a.m. ET, March 22, 2023`), to sortable minutes.

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/**
 * A whole line that is a timestamp. Linear: every quantifier is bounded or separated by a literal,
 * so near-misses cannot make it backtrack.
 */
export const TIMESTAMP_LINE =
  /^(\d{1,2}):(\d{2}) ?([ap])\.? ?m\.?(?: ([A-Z]{1,5}))?, ([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;

/**
 * TIMESTAMP_LINE matched in place in a longer text (sticky, `lastIndex`), up to a line end: for finding
 * timestamp lines without cutting the text into lines first (parse/scan.ts).
 */
export const TIMESTAMP_AT = new RegExp(`${TIMESTAMP_LINE.source.slice(1, -1)}(?=\\r?\\n|\\r?$)`, 'y');

/** Minutes of a TIMESTAMP_LINE (or TIMESTAMP_AT) match; null when it names no real time. */
export function matchMinutes(m: RegExpExecArray): number | null {
  const [, hh, mm, ap, , monthName, dd, yyyy] = m;
  const month = MONTHS[monthName!.slice(0, 3).toLowerCase()];
  const hour12 = Number(hh);
  const minute = Number(mm);
  const day = Number(dd);
  if (month === undefined || hour12 < 1 || hour12 > 12 || minute > 59 || day < 1 || day > 31) return null;
  const hour = (hour12 % 12) + (ap === 'p' ? 12 : 0);
  return Date.UTC(Number(yyyy), month, day, hour, minute) / 60000;
}

/** Parse a timestamp line; null when the line is not one. */
export function parseTimestamp(line: string): { minutes: number } | null {
  // Most lines are not timestamps: rule them out before running the expression.
  const first = line.charCodeAt(0);
  if (line.length > 60 || first < 48 || first > 57) return null;
  const m = TIMESTAMP_LINE.exec(line);
  const minutes = m ? matchMinutes(m) : null;
  return minutes === null ? null : { minutes };
}
