// The one-line summary shared by every renderer: "2 added, 1 edited (headline), 2 left the view".
import type { Summary } from '../model.js';

export function summaryLine(s: Summary): string {
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
  const head = parts.length > 0 ? parts.join(', ') : 'no changes';
  return s.unchanged ? `${head} (${s.unchanged} unchanged)` : head;
}
