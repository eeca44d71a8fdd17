// Posts without a partner: deleted or only outside the window a capture shows? New or only newly shown?
import type { Alignment, Capture, NewOnlyChange, OldOnlyChange, PageNote } from '../model.js';

export type OldOnlyStatus = OldOnlyChange['status'];
export type NewOnlyStatus = NewOnlyChange['status'];

export interface WindowVerdict {
  oldOnly: Map<number, OldOnlyStatus>;
  newOnly: Map<number, NewOnlyStatus>;
  /** Deletions the post counters imply beyond those the captures show, or null without both counters. */
  deletionsOutsideView: number | null;
  notes: PageNote[];
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
 * post counter accounts for exactly these deletions. Otherwise it only left the view.
 */
export function classifyUnpaired(old: Capture, neu: Capture, alignment: Alignment): WindowVerdict {
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

  // New-only posts first: the counter check for deletions needs the number of added posts.
  const newOnly = new Map<number, NewOnlyStatus>();
  const oldUpdated = old.page.updatedMinutes;
  for (const n of alignment.unmatchedNew) {
    const post = neu.posts[n]!;
    const before = newN.before[n]!;
    const after = newN.after[n]!;
    const newerThanOldPage = post.minutes !== null && oldUpdated !== null && post.minutes > oldUpdated;
    let status: NewOnlyStatus;
    if (showsWholePage(old) || newerThanOldPage) status = 'added';
    else if (before >= 0 && after >= 0) status = 'added';
    else if (after >= 0) {
      // Above the shared posts: new, unless the old capture's window did not start there (a deep link).
      // The old window covered this place if it showed posts above the first shared one, and this post
      // is not newer than the first of them (then it would sit above the old window).
      const first = old.posts[0]!;
      const coveredByOld = newToOld[after]! > 0 && !isAfter(post.minutes, first.minutes);
      status = coveredByOld || old.page.deepLink === null ? 'added' : 'into-view';
    } else if (before >= 0) {
      // Below the shared posts: the old window covered this place if it showed posts below the last shared
      // one, and this post is not older than the last of them (then it would sit below the old window).
      const last = old.posts[old.posts.length - 1]!;
      const coveredByOld = newToOld[before]! < old.posts.length - 1 && !isAfter(last.minutes, post.minutes);
      status = coveredByOld ? 'added' : 'into-view';
    } else status = 'into-view';
    newOnly.set(n, status);
  }
  const added = [...newOnly.values()].filter((s) => s === 'added').length;

  const oldOnly = new Map<number, OldOnlyStatus>();
  const headCandidates: number[] = [];
  let oldestShown: number | null = null;
  for (const p of neu.posts) if (p.minutes !== null && (oldestShown === null || p.minutes < oldestShown)) oldestShown = p.minutes;
  for (const o of alignment.unmatchedOld) {
    const post = old.posts[o]!;
    const before = oldN.before[o]!;
    const after = oldN.after[o]!;
    let status: OldOnlyStatus = 'out-of-view';
    // Older than anything the new capture shows: the place it would have is below the new window.
    const olderThanView = post.minutes !== null && oldestShown !== null && post.minutes < oldestShown;
    if (showsWholePage(neu)) status = 'dropped';
    else if (before >= 0 && after >= 0) status = 'dropped';
    else if (after >= 0) {
      // At the head: shown if the new capture has posts above the first shared one, unless the post is
      // older than anything the new capture shows (unpinned, it may sit below the window now).
      if (oldToNew[after]! > 0 && !olderThanView) status = 'dropped';
      else if (!olderThanView) headCandidates.push(o);
    } else if (before >= 0) {
      // At the tail: shown if the new capture has posts below the last shared one, unless the post is older
      // than anything it shows (those posts were inserted above its place; the window ends before it).
      if (oldToNew[before]! < neu.posts.length - 1 && !olderThanView) status = 'dropped';
    }
    oldOnly.set(o, status);
  }

  const notes: PageNote[] = [];
  let deletionsOutsideView: number | null = null;
  const oldCount = old.page.postCount;
  const newCount = neu.page.postCount;
  if (oldCount !== null && newCount !== null) {
    const implied = oldCount + added - newCount;
    let shown = [...oldOnly.values()].filter((s) => s === 'dropped').length;
    // The counter says posts were deleted that no capture shows deleted: the posts that vanished from
    // the head of a window that is not a deep link are those, when their number is exactly what is missing.
    if (implied - shown > 0 && implied - shown === headCandidates.length && neu.page.deepLink === null) {
      for (const o of headCandidates) oldOnly.set(o, 'dropped');
      shown += headCandidates.length;
    }
    deletionsOutsideView = Math.max(0, implied - shown);
    // Numbers only: the renderers word them (render/notes.ts).
    const counters = { oldCount, newCount, added };
    if (deletionsOutsideView > 0) notes.push({ kind: 'deleted-outside-view', ...counters, posts: deletionsOutsideView });
    else if (implied >= 0 && implied < shown) notes.push({ kind: 'fewer-deletions-than-shown', ...counters, implied, shown });
    else if (implied < 0) notes.push({ kind: 'added-outside-view', ...counters, posts: -implied });
  }
  return { oldOnly, newOnly, deletionsOutsideView, notes };
}

/** `a` is a later time than `b` (false when either is unknown). */
function isAfter(a: number | null, b: number | null): boolean {
  return a !== null && b !== null && a > b;
}
