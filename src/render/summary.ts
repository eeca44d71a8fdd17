// The one-line verdict shared by every renderer: "2 added, 1 edited (headline), 2 out of view; 5 unchanged".
import type { PageReport, Summary } from '../model.js';
import { pageChanged, pageRows } from './select.js';
import { STATUS_LABEL, SUMMARY_ORDER } from './vocabulary.js';

/**
 * Changes in SUMMARY_ORDER, then `; N unchanged` (one bracket group at most: the edited fields).
 * When no post changed but the page did, the parts of the page that changed.
 */
export function summaryLine(s: Summary, page?: PageReport): string {
  const parts: string[] = [];
  for (const key of SUMMARY_ORDER) {
    if (key === 'unchanged' || !s[key]) continue;
    if (key === 'edited') {
      const fields = Object.entries(s.fields)
        .map(([f, n]) => (n === s.edited ? f : `${f} ${n}`))
        .join(', ');
      parts.push(`${s.edited} ${STATUS_LABEL.edited} (${fields})`);
    } else parts.push(`${s[key]} ${STATUS_LABEL[key]}`);
  }
  let head = parts.join(', ');
  if (parts.length === 0) {
    head =
      page && pageChanged(page)
        ? `no post changes, page changed (${pageRows(page)
            .filter((r) => r.name !== 'deep link')
            .map((r) => r.name)
            .join(', ')})`
        : 'no changes';
  }
  return s.unchanged ? `${head}; ${s.unchanged} ${STATUS_LABEL.unchanged}` : head;
}
