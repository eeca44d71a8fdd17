// Dropped or only out of view? Added or only into view? Each case is a small page with a known story.
import { describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture } from '../../src/index.js';
import { makeCapture, stamp, type CaptureSpec, type PostSpec } from '../helpers/capture.js';

/** Post number n of a page: distinct headline and body, timestamp descending with n. */
function post(n: number, minute = 1000 - n * 10): PostSpec {
  const words = ['Kyiv', 'Moscow', 'Beijing', 'Washington', 'Bakhmut', 'Odesa', 'Kremlin', 'Patriot', 'summit', 'tanks'];
  const w = (k: number) => words[(n * 7 + k) % words.length];
  return {
    time: stamp(minute),
    headline: `Story ${n}: ${w(1)} and ${w(2)} update`,
    body: [`Paragraph about ${w(3)} number ${n} with details ${n * 13} and ${w(4)}.`, `Second paragraph ${n} on ${w(5)} ${w(6)} matters.`],
  };
}

function statuses(old: CaptureSpec, neu: CaptureSpec): string[] {
  const r = diffCaptures(parseCapture(makeCapture(old)), parseCapture(makeCapture(neu)));
  return r.posts.map((p) => `${p.status}${p.moved ? '+moved' : ''}:${p.post.headline.split(':')[0]}`);
}

const page = (ns: number[]) => ns.map((n) => post(n));

describe('windows: dropped vs out-of-view, added vs into-view', () => {
  it('a post added on top pushes the last one out of a 5-post window', () => {
    expect(statuses({ count: 7, posts: page([1, 2, 3, 4, 5]) }, { count: 8, posts: [post(0, 1100), ...page([1, 2, 3, 4])] })).toEqual([
      'added:Story 0', 'unchanged:Story 1', 'unchanged:Story 2', 'unchanged:Story 3', 'unchanged:Story 4', 'out-of-view:Story 5',
    ]);
  });

  it('a post deleted between shown posts is dropped; the window reaches one further', () => {
    expect(statuses({ count: 7, posts: page([1, 2, 3, 4, 5]) }, { count: 6, posts: page([1, 2, 4, 5, 6]) })).toEqual([
      'unchanged:Story 1', 'unchanged:Story 2', 'dropped:Story 3', 'unchanged:Story 4', 'unchanged:Story 5', 'into-view:Story 6',
    ]);
  });

  it('the top post deleted: the counter accounts for it, so it is dropped', () => {
    expect(statuses({ count: 7, posts: page([1, 2, 3, 4, 5]) }, { count: 6, posts: page([2, 3, 4, 5, 6]) })).toEqual([
      'dropped:Story 1', 'unchanged:Story 2', 'unchanged:Story 3', 'unchanged:Story 4', 'unchanged:Story 5', 'into-view:Story 6',
    ]);
  });

  it('a post reinserted above the last shown one pushes that one out: out of view, not dropped', () => {
    // Old shows 1, 2, 3, 5 (4 was deleted earlier); 4 comes back below 3 and 5 leaves the window.
    // 5 is older than anything the new capture shows, so its place is below the new window.
    expect(statuses({ count: 6, posts: page([1, 2, 3, 5]) }, { count: 7, posts: page([1, 2, 3, 4]) })).toEqual([
      'unchanged:Story 1', 'unchanged:Story 2', 'unchanged:Story 3', 'out-of-view:Story 5', 'added:Story 4',
    ]);
  });

  it('the window moved down with no deletion (counter unchanged): out of view and into view', () => {
    const r = diffCaptures(
      parseCapture(makeCapture({ count: 9, posts: page([1, 2, 3, 4, 5]) })),
      parseCapture(makeCapture({ count: 9, posts: page([2, 3, 4, 5, 6]) })),
    );
    expect(r.posts.map((p) => p.status)).toEqual(['out-of-view', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'into-view']);
    expect(r.page.deletionsOutsideView).toBe(0);
  });

  it('a capture opened through a deep link shows a window lower down: nothing dropped, nothing added', () => {
    const deep = post(4);
    expect(
      statuses({ count: 9, posts: page([1, 2, 3, 4, 5]) }, { count: 9, deepLink: deep.headline, posts: page([4, 5, 6, 7, 8]) }),
    ).toEqual([
      'out-of-view:Story 1', 'out-of-view:Story 2', 'out-of-view:Story 3', 'unchanged:Story 4', 'unchanged:Story 5',
      'into-view:Story 6', 'into-view:Story 7', 'into-view:Story 8',
    ]);
  });

  it('from a deep-linked window to the top of the page: the posts above were there already', () => {
    expect(
      statuses({ count: 9, deepLink: post(4).headline, posts: page([4, 5, 6]) }, { count: 9, posts: page([1, 2, 3, 4, 5]) }),
    ).toEqual(['into-view:Story 1', 'into-view:Story 2', 'into-view:Story 3', 'unchanged:Story 4', 'unchanged:Story 5', 'out-of-view:Story 6']);
  });

  it('an old pinned post that is unpinned leaves the view, even with new posts above', () => {
    const pinned = post(9, 100);
    expect(statuses({ count: 9, posts: [pinned, ...page([1, 2, 3])] }, { count: 10, posts: [post(0, 1100), ...page([1, 2, 3])] })).toEqual([
      'out-of-view:Story 9', 'added:Story 0', 'unchanged:Story 1', 'unchanged:Story 2', 'unchanged:Story 3',
    ]);
  });

  it('a post deleted and another published in the same minute: one dropped, one added, never an edit', () => {
    const replacement = { ...post(20), time: post(2).time };
    expect(statuses({ posts: page([1, 2, 3]) }, { posts: [post(1), replacement, post(3)] })).toEqual([
      'unchanged:Story 1', 'dropped:Story 2', 'added:Story 20', 'unchanged:Story 3',
    ]);
  });

  it('without counters: missing in the middle is dropped, missing at the end only left the view', () => {
    expect(statuses({ count: null, posts: page([1, 2, 3, 4]) }, { count: null, posts: page([1, 3]) })).toEqual([
      'unchanged:Story 1', 'dropped:Story 2', 'unchanged:Story 3', 'out-of-view:Story 4',
    ]);
  });

  it('a post whose time is later than the old page was updated is new wherever it appears', () => {
    const late = post(30, 1430);
    const updated = '4:40 p.m. ET, March 22, 2023';
    expect(statuses({ count: 20, updated, posts: page([1, 2, 3]) }, { count: 21, posts: [...page([1, 2, 3]), late] })).toEqual([
      'unchanged:Story 1', 'unchanged:Story 2', 'unchanged:Story 3', 'added:Story 30',
    ]);
  });

  it('the counter implies a deletion no capture shows: said on the page', () => {
    const r = diffCaptures(
      parseCapture(makeCapture({ count: 20, posts: page([1, 2, 3]) })),
      parseCapture(makeCapture({ count: 19, posts: page([1, 2, 3]) })),
    );
    expect(r.summary.dropped).toBe(0);
    expect(r.page.deletionsOutsideView).toBe(1);
    expect(r.page.notes).toEqual([{ kind: 'deleted-outside-view', oldCount: 20, newCount: 19, added: 0, posts: 1 }]);
  });

  it('a counter that did not move while posts vanished from between shown posts: said on the page', () => {
    const r = diffCaptures(
      parseCapture(makeCapture({ count: 20, posts: page([1, 2, 3, 4]) })),
      parseCapture(makeCapture({ count: 20, posts: page([1, 3, 4]) })),
    );
    expect(r.summary.dropped).toBe(1);
    expect(r.page.notes).toEqual([{ kind: 'fewer-deletions-than-shown', oldCount: 20, newCount: 20, added: 0, implied: 0, shown: 1 }]);
  });
});
