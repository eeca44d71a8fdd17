// The one-line verdict shared by every renderer: "2 added, 1 edited (headline), 2 out of view; 5 unchanged".
import type { PageReport, Summary } from '../model.js';
import { pageChanged, pageRows } from './select.js';
import { STATUS_LABEL, SUMMARY_ORDER } from './vocabulary.js';

/**
 * Changes in SUMMARY_ORDER, then `; N unchanged` (one bracket group at most: the edited fields).
 * Each post is counted once, so the numbers add up to the posts shown: an unchanged post that moved is
 * `moved`, an edited one that moved is `edited` with `moved` among its bracket's words.
 * When no post changed but the page did, the parts of the page that changed.
 */
export function summaryLine(s: Summary, page?: PageReport): string {
  const parts: string[] = [];
  const movedEdited = s.moved - s.movedOnly;
  const count = (n: number, of: number, word: string) => (n === of ? word : `${word} ${n}`);
  for (const key of SUMMARY_ORDER) {
    if (key === 'unchanged') continue;
    if (key === 'edited' && s.edited) {
      const words = Object.entries(s.fields).map(([f, n]) => count(n, s.edited, f));
      if (movedEdited > 0) words.push(count(movedEdited, s.edited, STATUS_LABEL.moved));
      parts.push(`${s.edited} ${STATUS_LABEL.edited} (${words.join(', ')})`);
    } else if (key === 'moved' && s.movedOnly) parts.push(`${s.movedOnly} ${STATUS_LABEL.moved}`);
    else if (key !== 'edited' && key !== 'moved' && s[key]) parts.push(`${s[key]} ${STATUS_LABEL[key]}`);
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
  const unchanged = s.unchanged - s.movedOnly;
  return unchanged > 0 ? `${head}; ${unchanged} ${STATUS_LABEL.unchanged}` : head;
}
