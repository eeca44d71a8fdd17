// Page-level changes (title, Updated time, counter, bylines, deep link), reported apart from posts.
import type { Capture, PageReport, ValueChange } from '../model.js';

function change<T>(old: T, neu: T, same: (a: T, b: T) => boolean = (a, b) => a === b): ValueChange<T> | null {
  return same(old, neu) ? null : { old, new: neu };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function comparePages(old: Capture, neu: Capture): Omit<PageReport, 'deletionsOutsideView' | 'notes'> {
  return {
    title: change(old.page.title, neu.page.title),
    updated: change(old.page.updated, neu.page.updated),
    postCount: change(old.page.postCount, neu.page.postCount),
    bylines: change(old.page.bylines, neu.page.bylines, sameList),
    deepLink: change(old.page.deepLink, neu.page.deepLink),
  };
}

/** Two captures are of different pages when they share no post and carry different titles. */
export function isSamePage(old: Capture, neu: Capture, sharedPosts: number): boolean {
  if (sharedPosts > 0) return true;
  const a = old.page.title?.toLowerCase();
  const b = neu.page.title?.toLowerCase();
  return a === undefined || b === undefined || a === b;
}
