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

  // From a red-team pass: a feed's (or a counterless page's) newest post retracted was `out-of-view`, and
  // `--only dropped` said nothing. A window loses posts at its bottom, never its newest at the top.
  it('without counters: the newest post gone from the top is dropped; an older (pinned) top post is not', () => {
    expect(statuses({ count: null, posts: page([1, 2, 3, 4]) }, { count: null, posts: page([2, 3, 4]) })).toEqual([
      'dropped:Story 1', 'unchanged:Story 2', 'unchanged:Story 3', 'unchanged:Story 4',
    ]);
    expect(statuses({ count: null, posts: [post(9, 500), ...page([2, 3, 4])] }, { count: null, posts: page([2, 3, 4]) })[0]).toBe('out-of-view:Story 9');
    // A deep link opens a window lower down: the top proves nothing there.
    expect(statuses({ count: null, posts: page([1, 2, 3]) }, { count: null, deepLink: 'https://example.org/live#post-2', posts: page([2, 3]) })[0]).toBe('out-of-view:Story 1');
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

// From a red-team pass: each of these said `dropped` of a post that was still on the page.
describe('no deletion without proof', () => {
  const feed = (posts: Array<{ id: number; title: string; time?: string }>, total: number | null = posts.length) =>
    JSON.stringify({
      title: 'Live: City v United',
      ...(total === null ? {} : { total }),
      posts: posts.map((p) => ({ id: p.id, ...(p.time ? { published: p.time } : {}), title: p.title, text: `${p.title}: what happened, in a sentence of its own ${p.id}.` })),
    });
  const read = async (text: string) => {
    const { loadFormats } = await import('../../src/parse/index.js');
    await loadFormats();
    return parseCapture(text);
  };
  const events = [105, 104, 103, 102, 101].map((id) => ({ id, title: `Event ${id}`, time: `2026-11-22T15:${id - 70}:00Z` }));

  it('an empty answer (`posts: []`, `total: 0`) proves no deletion, nor does its counter', async () => {
    const r = diffCaptures(await read(feed(events)), await read(feed([], 0)));
    expect(r.posts.map((p) => p.status)).toEqual(Array(5).fill('out-of-view'));
    expect(r.posts[0]!.evidence).toEqual({ kind: 'empty-after' });
    expect(r.page.deletionsOutsideView).toBeNull();
    expect(r.page.notes).toEqual([]);
  });

  it('a post the old capture showed twice (pinned, and in its place) is not dropped when one copy goes', () => {
    const pinned = post(9, 600);
    const r = diffCaptures(
      parseCapture(makeCapture({ count: 3, posts: [pinned, ...page([1, 2]), pinned] })),
      parseCapture(makeCapture({ count: 4, posts: [pinned, post(0, 1100), ...page([1, 2])] })),
    );
    expect(r.summary.dropped).toBe(0);
    expect(r.posts.find((p) => p.status === 'out-of-view')!.evidence).toEqual({ kind: 'shown-again' });
  });

  // From a red-team pass: a post published twice by mistake, one copy taken down, and the counter one
  // lower: the note said "1 deleted post outside the view". The copy gone accounts for it.
  it('a post published twice, one copy taken down: the counter’s one deletion is that copy, no note', () => {
    const twice = diffCaptures(parseCapture(makeCapture({ count: 12, posts: page([1, 2, 2, 3, 4]) })), parseCapture(makeCapture({ count: 11, posts: page([1, 2, 3, 4]) })));
    expect(twice.posts.filter((p) => p.status !== 'unchanged').map((p) => [p.status, p.evidence?.kind])).toEqual([['out-of-view', 'shown-again']]);
    expect([twice.page.deletionsOutsideView, twice.page.notes]).toEqual([0, []]);
    // A second deletion the counter counts is still said.
    const more = diffCaptures(parseCapture(makeCapture({ count: 12, posts: page([1, 2, 2, 3, 4]) })), parseCapture(makeCapture({ count: 10, posts: page([1, 2, 3, 4]) })));
    expect(more.page.notes).toEqual([{ kind: 'deleted-outside-view', oldCount: 12, newCount: 10, added: 0, posts: 1 }]);
  });

  it('posts of the same minute as the oldest shown, past the window’s end, may sit either side of it', () => {
    const batch = (n: number) => post(n, 700);
    const r = diffCaptures(
      parseCapture(makeCapture({ count: null, posts: [post(1), post(2), batch(3), batch(4), batch(5)] })),
      parseCapture(makeCapture({ count: null, posts: [post(0, 1100), post(1), post(2), batch(3), batch(6)] })),
    );
    expect(r.posts.map((p) => `${p.status}:${p.post.headline.split(':')[0]}`).sort()).toEqual(
      ['added:Story 0', 'into-view:Story 6', 'out-of-view:Story 4', 'out-of-view:Story 5', 'unchanged:Story 1', 'unchanged:Story 2', 'unchanged:Story 3'].sort(),
    );
    expect(r.posts.filter((p) => p.status === 'out-of-view').map((p) => p.evidence)).toEqual([{ kind: 'edge-minute' }, { kind: 'edge-minute' }]);
  });

  it('a top post without a time (pinned, then unpinned) is not dropped by position', async () => {
    const untimed = (ids: number[]) => ids.map((id) => ({ id, title: `Event ${id}` }));
    const r = diffCaptures(await read(feed(untimed([900, 104, 103, 102]), null)), await read(feed(untimed([106, 105, 104, 103]), null)));
    expect(r.posts.find((p) => p.post.headline === 'Event 900')).toMatchObject({ status: 'out-of-view', evidence: { kind: 'outside-window' } });
  });

  it('pinned posts swapped: the unpinned one is out of view, the newly pinned old one into view, not dropped and added', () => {
    const catchUp = post(8, 630); // 10:30, pinned in the old capture
    const explainer = post(9, 362); // 6:02, pinned in the new one
    const r = diffCaptures(
      parseCapture(makeCapture({ count: 14, posts: [catchUp, post(1, 900), post(2, 800), post(3, 705)] })),
      parseCapture(makeCapture({ count: 14, posts: [explainer, post(1, 900), post(2, 800), post(3, 705)] })),
    );
    expect(r.posts.filter((p) => p.status !== 'unchanged').map((p) => [p.status, p.post.headline.split(':')[0], p.evidence?.kind])).toEqual([
      ['out-of-view', 'Story 8', 'older-than-shown'],
      ['into-view', 'Story 9', 'pinned-older'],
    ]);
    expect(r.page.notes).toEqual([]);
  });

  // From a red-team pass: an oldest-first ticker keeps its opening post on top; as the window of the newest
  // posts slides, the posts just below the pin leave it. They sat between shown posts and were `dropped`.
  describe('an oldest-first ticker with its opening post pinned on top', () => {
    const ticker = (ids: number[], total: number | null = null) => feed([{ id: 1, title: 'Welcome', time: '2026-11-22T15:00:00Z' }, ...ids.map((id) => ({ id, title: `Event ${id}`, time: `2026-11-22T15:${id}:00Z` }))], total);

    it('posts that slid out below the pin while as many arrived at the end: out of view, not dropped', async () => {
      const r = diffCaptures(await read(ticker([20, 24, 28, 32, 36, 40], null)), await read(ticker([28, 32, 36, 40, 44, 48], null)));
      expect(r.old.order).toBe('oldest-first');
      expect(r.posts.filter((p) => p.status !== 'unchanged').map((p) => [p.status, p.post.headline, p.evidence?.kind])).toEqual([
        ['out-of-view', 'Event 20', 'pinned-end'],
        ['out-of-view', 'Event 24', 'pinned-end'],
        ['added', 'Event 44', 'top-of-page'],
        ['added', 'Event 48', 'top-of-page'],
      ]);
    });

    it('the same when the counters show the slide; dropped when they say those posts were deleted', async () => {
      const slid = diffCaptures(await read(ticker([20, 24, 28, 32, 36, 40], 30)), await read(ticker([28, 32, 36, 40, 44, 48], 32)));
      expect([slid.summary.dropped, slid.summary['out-of-view'], slid.page.notes]).toEqual([0, 2, []]);
      const deleted = diffCaptures(await read(ticker([20, 24, 28, 32, 36, 40], 30)), await read(ticker([28, 32, 36, 40, 44, 48], 30)));
      expect(deleted.posts.filter((p) => p.status === 'dropped').map((p) => [p.post.headline, p.evidence?.kind])).toEqual([
        ['Event 20', 'counter'],
        ['Event 24', 'counter'],
      ]);
    });

    it('posts gone from above the last one with nothing added are deleted, as anywhere between shown posts', async () => {
      const r = diffCaptures(await read(ticker([20, 24, 28, 32, 36, 40])), await read(ticker([20, 24, 28, 40])));
      expect(r.posts.filter((p) => p.status !== 'unchanged').map((p) => [p.status, p.post.headline])).toEqual([
        ['dropped', 'Event 32'],
        ['dropped', 'Event 36'],
      ]);
      // Three gone below the pin and two added: more went than the slide explains.
      const more = diffCaptures(await read(ticker([20, 24, 28, 32, 36, 40], null)), await read(ticker([32, 36, 40, 44, 48], null)));
      expect(more.summary.dropped).toBe(3);
    });
  });
});
