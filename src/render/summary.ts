// The one-line summary shared by every renderer: "2 added, 1 edited (headline), 2 left the view".
import type { PageReport, PostStatus, Summary } from '../model.js';
import { pageChanged, pageRows } from './select.js';

/**
 * How the summary names each count, in the order it lists them (unchanged posts come last, in brackets).
 * A record over the statuses: a new status is a compile error here until it has words.
 */
const PARTS: Record<Exclude<PostStatus, 'unchanged'> | 'moved', (n: number, s: Summary) => string> = {
  added: (n) => `${n} added`,
  dropped: (n) => `${n} dropped`,
  edited: (n, s) => {
    const fields = Object.entries(s.fields)
      .map(([f, k]) => (k === n ? f : `${f} ${k}`))
      .join(', ');
    return `${n} edited (${fields})`;
  },
  moved: (n) => `${n} moved`,
  'out-of-view': (n) => `${n} left the view`,
  'into-view': (n) => `${n} came into view`,
};

/** Posts first; when no post changed but the page did, the parts of the page that changed. */
export function summaryLine(s: Summary, page?: PageReport): string {
  const parts: string[] = [];
  for (const [key, words] of Object.entries(PARTS) as Array<[keyof typeof PARTS, (n: number, s: Summary) => string]>) {
    if (s[key]) parts.push(words(s[key], s));
  }
  let head = parts.join(', ');
  if (parts.length === 0) {
    head =
      page && pageChanged(page)
        ? `no post changes; page changed: ${pageRows(page)
            .map((r) => r.name)
            .join(', ')}`
        : 'no changes';
  }
  return s.unchanged ? `${head} (${s.unchanged} unchanged)` : head;
}
