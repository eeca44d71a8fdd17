// Posts without a partner: deleted or only outside the window a capture shows? New or only newly shown?
// Reasoned in page order: captures listed oldest first are read from their end (align/order.ts).
import { alignmentNewestFirst, detectOrders, flip, pinnedOnTop } from '../align/order.js';
import { pushTo } from '../arrays.js';
import type { Alignment, Capture, Evidence, NewOnlyChange, OldOnlyChange, PageNote, PageOrder } from '../model.js';
import { findMerged } from './merged.js';

export type OldOnlyStatus = OldOnlyChange['status'];
export type NewOnlyStatus = NewOnlyChange['status'];

export interface WindowVerdict {
  oldOnly: Map<number, OldOnlyStatus>;
  newOnly: Map<number, NewOnlyStatus>;
  /** Why each unpaired post got its status (keyed like oldOnly / newOnly). */
  oldEvidence: Map<number, Evidence>;
  newEvidence: Map<number, Evidence>;
  /** Deletions the post counters imply beyond those the captures show, or null without both counters. */
  deletionsOutsideView: number | null;
  notes: PageNote[];
}

export interface CaptureOrders {
  old: PageOrder;
  new: PageOrder;
}

/**
 * For each index of one side: the nearest partnered index before and after it (among posts that kept their
 * order). `partner[i]` is the index of i's partner on the other side, or -1.
 */
function neighbours(length: number, partner: Int32Array): { before: Int32Array; after: Int32Array } {
  const before = new Int32Array(length).fill(-1);
  const after = new Int32Array(length).fill(-1);
  let last = -1;
  for (let i = 0; i < length; i++) {
    before[i] = last;
    if (partner[i]! >= 0) last = i;
  }
  last = -1;
  for (let i = length - 1; i >= 0; i--) {
    after[i] = last;
    if (partner[i]! >= 0) last = i;
  }
  return { before, after };
}

/** The capture shows every post the page has (its counter says so). */
export function showsWholePage(c: Capture): boolean {
  return c.page.postCount !== null && c.posts.length >= c.page.postCount;
}

/**
 * Classify posts that have no partner. A post is `dropped` only when the captures show it: it sat between
 * posts both captures show, or the newer capture shows the whole page, or (at the head of the window) the
 * post counter accounts for exactly these deletions; such a post whose every paragraph a new post gained
 * is `merged` into it (classify/merged.ts). Otherwise it only left the view. `orders` defaults to
 * the order each capture's times show; an unordered capture (a ranked list) never proves a deletion by
 * position.
 */
export function classifyUnpaired(
  old: Capture,
  neu: Capture,
  alignment: Alignment,
  orders: CaptureOrders = detectOrders(old.posts, neu.posts),
): WindowVerdict {
  const unordered = orders.old === 'unordered' || orders.new === 'unordered';
  const reverseOld = orders.old === 'oldest-first';
  const reverseNew = orders.new === 'oldest-first';
  // Merged posts are found by their text, not their place: in the captures' own order.
  const merged = findMerged(old.posts, neu.posts, alignment);
  if (!reverseOld && !reverseNew) return classifyNewestFirst(old, neu, alignment, unordered, merged, { old: false, new: false }, (i) => i, (i) => i);
  const oldLength = old.posts.length;
  const newLength = neu.posts.length;
  const flipped = alignmentNewestFirst(alignment, oldLength, newLength, reverseOld, reverseNew);
  const view = (c: Capture, reverse: boolean): Capture => (reverse ? { ...c, posts: [...c.posts].reverse() } : c);
  const v = classifyNewestFirst(view(old, reverseOld), view(neu, reverseNew), flipped, unordered, merged, { old: reverseOld, new: reverseNew }, (i) => flip(i, oldLength, reverseOld), (i) => flip(i, newLength, reverseNew));
  const back = <T>(m: Map<number, T>, length: number, reverse: boolean) =>
    new Map([...m].map(([i, x]) => [flip(i, length, reverse), x] as [number, T]));
  return {
    ...v,
    oldOnly: back(v.oldOnly, oldLength, reverseOld),
    newOnly: back(v.newOnly, newLength, reverseNew),
    oldEvidence: back(v.oldEvidence, oldLength, reverseOld),
    newEvidence: back(v.newEvidence, newLength, reverseNew),
  };
}

/**
 * classifyUnpaired for captures both listed newest first (or unordered). Evidence names posts by their place
 * in the capture as given (`oldIndex` / `newIndex` map a place in the captures seen here back to it), as
 * the report's refs do; `merged` is keyed and valued by those places. `reversed`: which captures are
 * listed oldest first (read here from their end): their last post here is the top of the page, where a
 * post may be pinned, and their first is the live end, which a capture of the page's first posts lacks.
 */
function classifyNewestFirst(
  old: Capture,
  neu: Capture,
  alignment: Alignment,
  unordered: boolean,
  merged: ReadonlyMap<number, number>,
  reversed: { old: boolean; new: boolean },
  oldIndex: (i: number) => number,
  newIndex: (i: number) => number,
): WindowVerdict {
  // Partners among the pairs that kept their order (typed arrays: a large page has thousands).
  const oldToNew = new Int32Array(old.posts.length).fill(-1);
  const newToOld = new Int32Array(neu.posts.length).fill(-1);
  alignment.pairs.forEach((p, i) => {
    if (alignment.moved.has(i)) return;
    oldToNew[p.old] = p.new;
    newToOld[p.new] = p.old;
  });
  const oldN = neighbours(old.posts.length, oldToNew);
  const newN = neighbours(neu.posts.length, newToOld);
  let newestOld: number | null = null;
  for (const p of old.posts) if (p.minutes !== null && (newestOld === null || p.minutes > newestOld)) newestOld = p.minutes;
  const oldAllTimed = old.posts.length > 0 && old.posts.every((p) => p.minutes !== null);
  const oldestOld = oldestShownBy(old);

  // New-only posts first: the counter check for deletions needs the number of added posts.
  const newOnly = new Map<number, NewOnlyStatus>();
  const newEvidence = new Map<number, Evidence>();
  const oldUpdated = old.page.updatedMinutes;
  for (const n of alignment.unmatchedNew) {
    const post = neu.posts[n]!;
    const before = newN.before[n]!;
    const after = newN.after[n]!;
    const newerThanOldPage = post.minutes !== null && oldUpdated !== null && post.minutes > oldUpdated;
    // No post in common: a post newer than everything the old capture shows (all of it timed) is new.
    const newerThanOldPosts =
      alignment.pairs.length === 0 && oldAllTimed && old.page.deepLink === null && isAfter(post.minutes, newestOld);
    let status: NewOnlyStatus;
    let evidence: Evidence;
    if (showsWholePage(old)) [status, evidence] = ['added', { kind: 'whole-page', side: 'old', counter: old.page.postCount }];
    // An empty capture (a feed's `[]`: a ticker before kick-off) shows a page with nothing on it yet.
    else if (old.posts.length === 0) [status, evidence] = ['added', { kind: 'empty-before' }];
    else if (newerThanOldPage) [status, evidence] = ['added', { kind: 'newer-than-updated', updated: old.page.updated }];
    else if (newerThanOldPosts) [status, evidence] = ['added', { kind: 'newer-than-shown' }];
    else if (unordered) [status, evidence] = ['into-view', { kind: 'unordered' }];
    else if (before >= 0 && after >= 0) [status, evidence] = ['added', { kind: 'between-shown', before: newIndex(before), after: newIndex(after) }];
    else if (after >= 0) {
      // Above the shared posts: new, unless the old capture's window did not start there (a deep link).
      // The old window covered this place if it showed posts above the first shared one, and this post
      // is not newer than the first of them (then it would sit above the old window).
      const first = old.posts[0]!;
      const coveredByOld = newToOld[after]! > 0 && !isAfter(post.minutes, first.minutes);
      // A post pinned on top that is older than every post the old capture showed is an old post, not a new one.
      if (n === 0 && pinnedOnTop(neu.posts) && isAfter(oldestOld, post.minutes)) [status, evidence] = ['into-view', { kind: 'pinned-older' }];
      else if (coveredByOld) [status, evidence] = ['added', { kind: 'above-shown', covered: true }];
      else if (old.page.deepLink === null) [status, evidence] = ['added', { kind: 'top-of-page' }];
      else [status, evidence] = ['into-view', { kind: 'deep-link-window' }];
    } else if (before >= 0) {
      // Below the shared posts: the old window covered this place if it showed posts below the last shared
      // one, and this post is not older than the last of them (then it would sit below the old window).
      const last = old.posts[old.posts.length - 1]!;
      const coveredByOld = newToOld[before]! < old.posts.length - 1 && !isAfter(last.minutes, post.minutes) && !sameMinute(last.minutes, post.minutes);
      [status, evidence] = coveredByOld ? ['added', { kind: 'below-shown', covered: true }] : ['into-view', { kind: 'below-window' }];
    } else [status, evidence] = ['into-view', { kind: 'nothing-shared' }];
    newOnly.set(n, status);
    newEvidence.set(n, evidence);
  }
  let added = [...newOnly.values()].filter((s) => s === 'added').length;
  // Posts added above every shared post: how far a window of the newest posts slid.
  const firstShared = newToOld.findIndex((o) => o >= 0);
  let addedAbove = 0;
  for (const [n, s] of newOnly) if (s === 'added' && n < firstShared) addedAbove++;
  // Pages listed oldest first: the last post of both captures (the top of the page) is one pair, and the
  // posts just above it here are gone while as many new posts arrived at the live end: the window slid
  // past them and its top post stayed. That is a pinned post (a ticker's opening post kept on top), or a
  // deletion coinciding with the slide; the captures do not tell which. Newest first, the last post is
  // the bottom of the window, where nothing is pinned: posts gone above it are deleted.
  const oldLast = old.posts.length - 1;
  const endHeld = reversed.old && reversed.new && oldLast >= 0 && oldToNew[oldLast] === neu.posts.length - 1;
  const aboveEnd = endHeld ? alignment.unmatchedOld.filter((o) => oldN.after[o] === oldLast).length : 0;
  const slidPastEnd = (o: number) => endHeld && oldN.after[o] === oldLast && aboveEnd <= addedAbove;
  // The posts above the first shared one, when the new capture shows nothing above it either: gone from
  // the top of the page, if each is newer than the post below it, on pages listed newest first whose
  // captures start at the top (no deep link). Where both captures have post counters, they decide (below).
  const topShown =
    !reversed.old && !reversed.new && old.page.deepLink === null && neu.page.deepLink === null && (old.page.postCount === null || neu.page.postCount === null);
  const topGone = (o: number, after: number) =>
    topShown && !unordered && oldToNew[after] === 0 && isAfter(old.posts[o]!.minutes, old.posts[o + 1]?.minutes ?? null);

  const oldOnly = new Map<number, OldOnlyStatus>();
  const oldEvidence = new Map<number, Evidence>();
  const headCandidates: number[] = [];
  const oldestShown = oldestShownBy(neu);
  // A post the old capture showed twice (pinned at the top and in its place) pairs once; its other copy is
  // no deletion while the new capture still shows the post. Looked up by time first: a text post's key is
  // read lazily, and reading every new post's would parse them all (the 5,000-post pair: 1.4 x the time).
  let newByTime: Map<string, number[]> | null = null;
  const shownAgain = (o: number) => {
    if (newByTime === null) {
      newByTime = new Map();
      for (let n = 0; n < neu.posts.length; n++) pushTo(newByTime, neu.posts[n]!.time, n);
    }
    const post = old.posts[o]!;
    return (newByTime.get(post.time) ?? []).some((n) => neu.posts[n]!.key === post.key);
  };
  for (const o of alignment.unmatchedOld) {
    const post = old.posts[o]!;
    const before = oldN.before[o]!;
    const after = oldN.after[o]!;
    let status: OldOnlyStatus = 'out-of-view';
    let evidence: Evidence = { kind: 'outside-window' };
    // Older than anything the new capture shows: the place it would have is below the new window. At the
    // tail, a post of the same minute as the oldest shown may sit on either side of it (posts published
    // together are listed in no stable order).
    const olderThanView = post.minutes !== null && oldestShown !== null && post.minutes < oldestShown;
    const notNewerThanView = post.minutes !== null && oldestShown !== null && post.minutes <= oldestShown;
    // A top post without a time may have been pinned there: unpinned, it went back below the window.
    const maybeUnpinned = o === 0 && post.minutes === null;
    if (olderThanView) evidence = { kind: 'older-than-shown' };
    if (neu.posts.length === 0) evidence = { kind: 'empty-after' };
    else if (shownAgain(o)) evidence = { kind: 'shown-again' };
    else if (showsWholePage(neu)) [status, evidence] = ['dropped', { kind: 'whole-page', side: 'new', counter: neu.page.postCount }];
    else if (unordered) evidence = { kind: 'unordered' };
    else if (slidPastEnd(o)) {
      evidence = { kind: 'pinned-end' };
      headCandidates.push(o);
    } else if (before >= 0 && after >= 0) [status, evidence] = ['dropped', { kind: 'between-shown', before: oldIndex(before), after: oldIndex(after) }];
    else if (after >= 0) {
      // At the head: shown if the new capture has posts above the first shared one, unless the post is
      // older than anything the new capture shows (unpinned, it may sit below the window now).
      if (oldToNew[after]! > 0 && !olderThanView && !maybeUnpinned) [status, evidence] = ['dropped', { kind: 'above-shown', after: oldIndex(after) }];
      // Newer than the post below it, on captures that both show the top of the page: a window loses
      // posts at its bottom, never its newest at the top, and a pinned post is older than the one below.
      else if (topGone(o, after)) [status, evidence] = ['dropped', { kind: 'top-gone' }];
      else if (!olderThanView) headCandidates.push(o);
    } else if (before >= 0) {
      // At the tail: shown if the new capture has posts below the last shared one, unless the post is older
      // than anything it shows (those posts were inserted above its place; the window ends before it).
      if (oldToNew[before]! < neu.posts.length - 1 && !notNewerThanView) [status, evidence] = ['dropped', { kind: 'below-shown', before: oldIndex(before) }];
      else if (notNewerThanView && !olderThanView) evidence = { kind: 'edge-minute' };
    }
    oldOnly.set(o, status);
    oldEvidence.set(o, evidence);
  }

  const notes: PageNote[] = [];
  let deletionsOutsideView: number | null = null;
  const oldCount = old.page.postCount;
  const newCount = neu.page.postCount;
  // The page's order toggled back to newest first: the windows are of the page's two ends.
  const toggledBack = reversed.old && !reversed.new && !unordered;
  let shown = [...oldOnly.values()].filter((s) => s === 'dropped').length;
  added -= beyondOldestFirstWindow(old, neu, newOnly, newEvidence, toggledBack, added, shown);
  // An empty capture (a feed's `[]` or `total: 0` in a backend hiccup) proves no deletion, nor does its counter.
  if (oldCount !== null && newCount !== null && neu.posts.length > 0) {
    const implied = oldCount + added - newCount;
    // Second copies of a post gone while the post is still shown (a post published twice, one copy taken
    // down) account for as many deletions: the innocent reading, where a red-team pass got "1 deleted post
    // outside the view" for the copy of a double-published post. (A pinned copy is not in the counter:
    // then a deletion elsewhere may go unsaid, never one made up.)
    const copies = [...oldEvidence.values()].filter((e) => e.kind === 'shown-again').length;
    let unexplained = implied - shown > 0 ? Math.max(0, implied - shown - copies) : implied - shown;
    // The counter says posts were deleted that no capture shows deleted: the posts that vanished from
    // the head of a window that is not a deep link (or above a held last post) are those, when their
    // number is exactly what is missing.
    if (unexplained > 0 && unexplained === headCandidates.length && neu.page.deepLink === null) {
      for (const o of headCandidates) {
        oldOnly.set(o, 'dropped');
        oldEvidence.set(o, { kind: 'counter', old: oldCount, new: newCount, added });
      }
      shown += headCandidates.length;
      unexplained = 0;
    }
    deletionsOutsideView = Math.max(0, unexplained);
    // Numbers only: the renderers word them (render/notes.ts).
    const counters = { oldCount, newCount, added };
    if (deletionsOutsideView > 0) notes.push({ kind: 'deleted-outside-view', ...counters, posts: deletionsOutsideView });
    else if (implied >= 0 && implied < shown) notes.push({ kind: 'fewer-deletions-than-shown', ...counters, implied, shown });
    else if (implied < 0) notes.push({ kind: 'added-outside-view', ...counters, posts: -implied });
  }
  // A post the captures prove gone whose every paragraph another post gained was merged into it. Only a
  // proven one: a post that may still be below the window, quoted in a recap, stays out of view.
  for (const [o, status] of oldOnly) {
    const into = merged.get(oldIndex(o));
    if (status !== 'dropped' || into === undefined) continue;
    oldOnly.set(o, 'merged');
    oldEvidence.set(o, { kind: 'merged', into });
  }
  return { oldOnly, newOnly, oldEvidence, newEvidence, deletionsOutsideView, notes };
}

/** Evidence kinds of a post `added` at the live end, above the old capture's window or past every post of it. */
const LIVE_END_ADDED = new Set(['top-of-page', 'newer-than-shown']);

/**
 * A page listed oldest first in the old capture and newest first in the new one was toggled back: a
 * capture listed oldest first that shows only part of its page shows the page's first posts, so its live
 * end was cut, and posts newer than its window were there all along. (An oldest-first ticker captured
 * twice that way shows its newest posts both times: its window slides as posts arrive; not this case.)
 * When the post counters would have these posts `added` and as many others deleted outside the view, the
 * oldest of them (as many as that implied deletion count, and no more than the old capture did not show)
 * came into view instead: the counters allow either reading, and only this one accuses no one. A red-team
 * pass: the page toggled back to newest first gave six posts `added` and "6 deleted posts outside the
 * view" on a page where nothing changed. `added` and `dropped`: the counts so far. Mutates `newOnly` and
 * `newEvidence`; returns how many it moved.
 */
function beyondOldestFirstWindow(
  old: Capture,
  neu: Capture,
  newOnly: Map<number, NewOnlyStatus>,
  newEvidence: Map<number, Evidence>,
  toggledBack: boolean,
  added: number,
  dropped: number,
): number {
  const oldCount = old.page.postCount;
  const newCount = neu.page.postCount;
  if (!toggledBack || oldCount === null || newCount === null || neu.posts.length === 0 || showsWholePage(old)) return 0;
  const liveEnd = [...newOnly].filter(([n, s]) => s === 'added' && LIVE_END_ADDED.has(String(newEvidence.get(n)?.kind))).map(([n]) => n);
  const unexplained = oldCount + added - newCount - dropped;
  const moved = Math.min(liveEnd.length, unexplained, oldCount - old.posts.length);
  if (moved <= 0) return 0;
  // Oldest first: the posts just past the old window's end are the likeliest to have been there.
  const byAge = liveEnd.sort((a, b) => (neu.posts[a]!.minutes ?? Infinity) - (neu.posts[b]!.minutes ?? Infinity) || b - a);
  for (const n of byAge.slice(0, moved)) {
    newOnly.set(n, 'into-view');
    newEvidence.set(n, { kind: 'beyond-old-window', shown: old.posts.length, counter: oldCount });
  }
  return moved;
}

/** The oldest time among the posts a capture shows, a pinned top post left out; null for none. */
function oldestShownBy(c: Capture): number | null {
  let oldest: number | null = null;
  const from = pinnedOnTop(c.posts) ? 1 : 0;
  for (let i = from; i < c.posts.length; i++) {
    const m = c.posts[i]!.minutes;
    if (m !== null && (oldest === null || m < oldest)) oldest = m;
  }
  return oldest;
}

/** Two known times of the same minute. */
function sameMinute(a: number | null, b: number | null): boolean {
  return a !== null && a === b;
}

/** `a` is a later time than `b` (false when either is unknown). */
function isAfter(a: number | null, b: number | null): boolean {
  return a !== null && b !== null && a > b;
}
