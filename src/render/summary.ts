// The one-line summary shared by every renderer: "2 added, 1 edited (headline), 2 left the view".
import type { PageReport, Summary } from '../model.js';
import { pageChanged, pageRows } from './select.js';

/** Posts first; when no post changed but the page did, the parts of the page that changed. */
export function summaryLine(s: Summary, page?: PageReport): string {
  const parts: string[] = [];
  if (s.added) parts.push(`${s.added} added`);
  if (s.dropped) parts.push(`${s.dropped} dropped`);
  if (s.edited) {
    const fields = Object.entries(s.fields)
      .map(([f, n]) => (n === s.edited ? f : `${f} ${n}`))
      .join(', ');
    parts.push(`${s.edited} edited (${fields})`);
  }
  if (s.moved) parts.push(`${s.moved} moved`);
  if (s['out-of-view']) parts.push(`${s['out-of-view']} left the view`);
  if (s['into-view']) parts.push(`${s['into-view']} came into view`);
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
