// What a report shows and what sets the exit code: the statuses asked for with --only.
import { UsageError } from '../errors.js';
import { allOf, type PageReport, type PostChange, type PostStatus, type Report } from '../model.js';

/** Values `--only` takes: post statuses, `moved`, and `page` for page-level changes. */
export type OnlyValue = PostStatus | 'moved' | 'page';
/** In the order help texts list them; a post status left out is a compile error. */
export const ONLY_VALUES: readonly OnlyValue[] = allOf<OnlyValue>({
  added: true,
  dropped: true,
  edited: true,
  merged: true,
  moved: true,
  'out-of-view': true,
  'into-view': true,
  unchanged: true,
  page: true,
});

/** Shown and counted when --only is not given: everything but unchanged posts. */
export const DEFAULT_ONLY: readonly OnlyValue[] = ONLY_VALUES.filter((v) => v !== 'unchanged');

/** `--only all`: a word for DEFAULT_ONLY (every change), check's old default, now that check asks for less. */
export const ONLY_ALL = 'all';
/** Every word `--only` accepts, in the order help texts and error messages list them. */
export const ONLY_WORDS: readonly string[] = [ONLY_ALL, ...ONLY_VALUES];
/** check's default: what a person wants mailed; leaving the view and `Updated`-only changes are not news. */
export const CHECK_DEFAULT_ONLY: readonly OnlyValue[] = ['added', 'dropped', 'edited', 'merged'];

/** The values of `--only` words, `all` expanded, each once; or the first word that is not one of ONLY_WORDS. */
export function expandOnly(words: readonly string[]): OnlyValue[] | { unknown: string } {
  const bad = words.find((w) => !ONLY_WORDS.includes(w));
  if (bad !== undefined) return { unknown: bad };
  return [...new Set(words.flatMap((w) => (w === ONLY_ALL ? DEFAULT_ONLY : [w as OnlyValue])))];
}

export function isSelected(post: PostChange, only: readonly OnlyValue[]): boolean {
  return only.includes(post.status) || (post.moved && only.includes('moved'));
}

/** Page-level changes that count as a change of the page (a deep link only says how it was opened). */
export function pageChanged(page: PageReport): boolean {
  return (
    page.title !== null ||
    page.updated !== null ||
    page.postCount !== null ||
    page.bylines !== null ||
    (page.deletionsOutsideView ?? 0) > 0
  );
}

/** The posts to show, in report order. */
export function selectPosts(report: Report, only: readonly OnlyValue[]): PostChange[] {
  return report.posts.filter((p) => isSelected(p, only));
}

/** Whether anything selected changed: the exit code is 1 when it did, 0 when not. */
export function hasChanges(report: Report, only: readonly OnlyValue[]): boolean {
  const posts = selectPosts(report, only).some((p) => p.status !== 'unchanged' || p.moved);
  return posts || (only.includes('page') && pageChanged(report.page));
}

/**
 * Whether a report of `only` shows nothing: no selected post, no page change or note asked for, and the
 * same page. The terminal then prints nothing and so do the CLI's other formats for people (markdown,
 * html), as diff(1) does for equal files; JSON, for programs, is always a document.
 */
export function showsNothing(report: Report, only: readonly OnlyValue[]): boolean {
  const showPage = only.includes('page') && (pageChanged(report.page) || report.page.notes.length > 0);
  return selectPosts(report, only).length === 0 && !showPage && report.samePage;
}

/** A page-level change as renderers list it: the part's name and its old and new values as text. */
export interface PageRow {
  name: 'title' | 'updated' | 'post count' | 'bylines' | 'deep link';
  old: string;
  new: string;
}

/** The page-level changes of a report, in display order (untrusted text: renderers still escape it). */
export function pageRows(page: PageReport): PageRow[] {
  const text = (v: string | number | string[] | null) => (v === null ? '(none)' : Array.isArray(v) ? v.join('; ') : String(v));
  const parts: Array<[PageRow['name'], { old: string | number | string[] | null; new: string | number | string[] | null } | null]> = [
    ['title', page.title],
    ['updated', page.updated],
    ['post count', page.postCount],
    ['bylines', page.bylines],
    ['deep link', page.deepLink],
  ];
  return parts.flatMap(([name, change]) => (change ? [{ name, old: text(change.old), new: text(change.new) }] : []));
}

/** Parse `--only a,b` into checked values; `option` names it in messages (the Action's is an input). */
export function parseOnly(value: string | undefined, option = '--only'): OnlyValue[] | undefined {
  if (value === undefined) return undefined;
  const values = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const only = expandOnly(values);
  if ('unknown' in only) throw new UsageError(`${option} takes ${ONLY_WORDS.join(', ')}; found '${only.unknown}'`);
  if (only.length === 0) throw new UsageError(`${option} needs at least one value`);
  return only;
}
