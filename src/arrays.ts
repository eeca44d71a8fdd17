// Lists of any length. Spreading a list into a call's arguments (`push(...items)`, `Math.max(...values)`)
// overflows the stack past about 120,000 items, and a page, a post or a series can have more.

/** Append `items` to `into`, one by one. */
export function append<T>(into: T[], items: readonly T[]): T[] {
  for (const item of items) into.push(item);
  return into;
}

/** Add `item` to the list `groups` holds under `key`, making the list the first time (no copy per item). */
export function pushTo<K, T>(groups: Map<K, T[]>, key: K, item: T): void {
  const list = groups.get(key);
  if (list === undefined) groups.set(key, [item]);
  else list.push(item);
}

/** The largest of `values`, or `floor` when it is larger (or `values` is empty). */
export function maxOf(values: readonly number[], floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest of `values`, or `ceiling` when it is smaller (or `values` is empty). */
export function minOf(values: readonly number[], ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) if (v < min) min = v;
  return min;
}
