// Totals over a git comparison: post counts summed over the modified and renamed captures, files by
// status, page changes, whether anything selected changed (the exit code), and the one-line commit message.
import { STATUS_LABEL } from '../render/vocabulary.js';
import type { Capture, CaptureInfo, PostStatus } from '../model.js';
import { DEFAULT_ONLY, hasChanges, type OnlyValue } from '../render/select.js';
import type { FileComparison, GitComparison } from './compare.js';

export interface GitTotals {
  /** Captures by status: a renamed one (as git detects renames) is compared with its older version. */
  files: { modified: number; added: number; deleted: number; renamed: number };
  /** Modified captures whose versions are different pages (a rollover): counted in `files` too, no post counted. */
  pageChanges: number;
  /** Posts by status, summed over the modified and renamed captures (new and deleted captures are counted as files). */
  posts: Record<PostStatus | 'moved', number>;
}

export function gitTotals(c: GitComparison): GitTotals {
  const posts: GitTotals['posts'] = { added: 0, dropped: 0, edited: 0, moved: 0, 'out-of-view': 0, 'into-view': 0, merged: 0, unchanged: 0 };
  const files = { modified: 0, added: 0, deleted: 0, renamed: 0 };
  let pageChanges = 0;
  for (const f of c.files) {
    files[f.status]++;
    if (f.pageChange) pageChanges++;
    if (!f.report) continue;
    for (const key of Object.keys(posts) as Array<keyof typeof posts>) posts[key] += f.report.summary[key];
  }
  return { files, pageChanges, posts };
}

/**
 * Whether the comparison shows a change `only` selects: a modified capture with one (as `livediff OLD
 * NEW`), a new capture when `added` is selected, a deleted one when `dropped` is; a page change always
 * (as `livediff check` reports one whatever `--only` says).
 */
export function gitHasChanges(c: GitComparison, only: readonly OnlyValue[] = DEFAULT_ONLY): boolean {
  return c.files.some((f) =>
    f.pageChange ? true : f.report ? hasChanges(f.report, only) : only.includes(f.status === 'added' ? 'added' : 'dropped'),
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * One line for a commit message: "3 posts added, 1 edited; 1 page changed, 1 new capture". Numbers only,
 * no capture text (the Action's `message` names the pages: action/main.ts).
 * `unreadable`: captures that could not be read (an error page committed over one), which changed too:
 * counted, so that the line never says nothing changed for them.
 */
export function commitMessage(t: GitTotals, unreadable = 0): string {
  const unread = `${plural(unreadable, 'capture')} could not be read`;
  const files = t.files.modified + t.files.added + t.files.deleted + t.files.renamed;
  if (unreadable > 0 && files === 0) return unread;
  const message = changesMessage(t);
  return unreadable > 0 ? `${message}; ${unread}` : message;
}

function changesMessage(t: GitTotals): string {
  const counts: Array<[number, string]> = [
    // The order and words of every summary (render/vocabulary.ts).
    [t.posts.added, STATUS_LABEL.added],
    [t.posts.dropped, STATUS_LABEL.dropped],
    [t.posts.edited, STATUS_LABEL.edited],
  ];
  const posts = counts.filter(([n]) => n > 0).map(([n, verb], i) => (i === 0 ? `${plural(n, 'post')} ${verb}` : `${n} ${verb}`));
  const files = [
    ...(t.pageChanges ? [`${plural(t.pageChanges, 'page')} changed`] : []),
    ...(t.files.added ? [`${plural(t.files.added, 'new capture')}`] : []),
    ...(t.files.deleted ? [`${plural(t.files.deleted, 'capture')} deleted`] : []),
    ...(t.files.renamed ? [`${plural(t.files.renamed, 'capture')} renamed`] : []),
  ];
  if (posts.length === 0 && files.length === 0) return t.files.modified > 0 ? 'no post added, edited or dropped' : 'no capture changed';
  return [posts.join(', '), files.join(', ')].filter(Boolean).join('; ');
}

/** What a capture says of itself, as the `old` / `new` of a diff report. */
export function captureInfo(c: Capture): CaptureInfo {
  return { source: c.source, format: c.format, title: c.page.title, updated: c.page.updated, postCount: c.page.postCount, posts: c.posts.length };
}

/** "9 posts shown of 11, updated 12:44 a.m. ET, March 23, 2023" (untrusted text: callers escape it). */
export function describeCapture(i: CaptureInfo): string {
  return `${plural(i.posts, 'post')} shown${i.postCount === null ? '' : ` of ${i.postCount}`}${i.updated ? `, updated ${i.updated}` : ''}`;
}

/** Whether a file's comparison is shown: a modified or renamed capture always, a new or deleted one when `--only` asks. */
export function shown(f: FileComparison, only: readonly OnlyValue[]): boolean {
  return f.status === 'modified' || f.status === 'renamed' || only.includes(f.status === 'added' ? 'added' : 'dropped');
}
