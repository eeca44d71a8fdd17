// In which order captures were taken: the time in their file names, a given order, or what they say.
import type { Capture } from '../model.js';

/** ISO-like stamps in file names: 2026-11-22T10-05-00Z, 2026-11-22T10:05:00Z, 20261122T100500Z, 2026-11-22_10-05. */
const NAME_STAMP = /(\d{4})-?(\d{2})-?(\d{2})[T_ ]?(\d{2})[-:.]?(\d{2})(?:[-:.]?(\d{2}))?(?:[.,](\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?/;

/** The capture time in a file name (to the millisecond), or null. A stamp without a zone is read as UTC. */
export function stampFromName(name: string): Date | null {
  const m = NAME_STAMP.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  let offset = 'Z';
  if (zone && zone !== 'Z') offset = zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}.${(fraction ?? '').padEnd(3, '0').slice(0, 3)}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export type OrderBy = 'name-stamp' | 'name' | 'mtime' | 'content';

export interface Candidate {
  name: string;
  mtimeMs: number;
  capture: Capture;
}

function newestPost(c: Capture): number {
  let newest = -Infinity;
  for (const p of c.posts) if (p.minutes !== null && p.minutes > newest) newest = p.minutes;
  return newest;
}

const byName = (a: Candidate, b: Candidate) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * When a capture says it was taken, as minutes: its `Updated` time, else (a capture without one) its
 * newest post's time, the nearest stand-in on the same clock. -Infinity for neither.
 */
function saysTaken(c: Capture): number {
  return c.page.updatedMinutes ?? newestPost(c);
}

/**
 * Order captures oldest first: by the stamps in their names when every name has one, else by `order`
 * when given, else by what they say: the `Updated` time (the page's own clock), then the newest post;
 * captures those leave tied keep the order they were given in (the command line's, a glob's). The post
 * counter is no key: it goes up when a post is added and down when one is deleted, so it orders a deletion
 * backwards as often as not (it read as a post just added), and it counts another page's posts on another
 * scale (a series of daily pages).
 */
export function orderCaptures<T extends Candidate>(items: T[], order?: 'name' | 'mtime'): { ordered: T[]; by: OrderBy; time: (t: T) => Date | null } {
  const stamps = new Map(items.map((i) => [i, stampFromName(i.name)]));
  if (order === undefined && items.every((i) => stamps.get(i) !== null)) {
    // Two captures in one second (`…18Z.html`, `…18Z-1.html`, as `capture` names them): the later written is newer.
    const ordered = [...items].sort((a, b) => stamps.get(a)!.getTime() - stamps.get(b)!.getTime() || a.mtimeMs - b.mtimeMs || byName(a, b));
    return { ordered, by: 'name-stamp', time: (t) => stamps.get(t) ?? null };
  }
  if (order === 'name') return { ordered: [...items].sort(byName), by: 'name', time: (t) => stamps.get(t) ?? null };
  if (order === 'mtime') {
    return { ordered: [...items].sort((a, b) => a.mtimeMs - b.mtimeMs || byName(a, b)), by: 'mtime', time: (t) => new Date(t.mtimeMs) };
  }
  // Each key once per capture; -Infinity - -Infinity is NaN, so keys are compared, not subtracted. The sort
  // is stable: ties stay in the order given.
  const keyed = items.map((item) => ({ item, keys: [saysTaken(item.capture), newestPost(item.capture)] }));
  keyed.sort((a, b) => {
    for (let k = 0; k < a.keys.length; k++) {
      if (a.keys[k]! !== b.keys[k]!) return a.keys[k]! < b.keys[k]! ? -1 : 1;
    }
    return 0;
  });
  return { ordered: keyed.map((k) => k.item), by: 'content', time: (t) => stamps.get(t) ?? null };
}
