// Page order (align/order.ts) and unspaced words (align/tokens.ts): reversing both captures and declaring
// the order gives the same statuses; a shared prefix of Chinese text is not a shared word.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectOrder, detectOrders, orderPairs } from '../../src/align/order.js';
import type { Post } from '../../src/model.js';
import { words } from '../../src/align/fingerprint.js';
import { diffCaptures, parseCapture } from '../../src/index.js';
import { makeCapture, type PostSpec, stamp } from '../helpers/capture.js';

const TOPICS = ['harbour fire', 'council vote', 'railway strike', 'museum theft', 'bridge closure', 'festival lineup', 'airport delay', 'stadium roof', 'river flood', 'school strike'];
// Distinct words per post: ties between equally similar posts are broken by position, which a property
// about order must not depend on.
const spec = (n: number): PostSpec => ({ time: stamp(200 + n * 7), headline: `${TOPICS[n % 10]} k${n}a`, body: [`Desk k${n}b filed k${n}c about k${n}d and k${n}e.`] });


describe('page order', () => {
  it('orderPairs counts the same pairs as comparing every two posts', () => {
    const minutes = fc.option(fc.integer({ min: -3, max: 12 }), { nil: null });
    const byComparing = (ms: Array<number | null>) => {
      let newerFirst = 0;
      let olderFirst = 0;
      for (let i = 0; i < ms.length; i++)
        for (let j = i + 1; j < ms.length; j++) {
          const a = ms[i]!;
          const b = ms[j]!;
          if (a === null || b === null || a === b) continue;
          if (a > b) newerFirst++;
          else olderFirst++;
        }
      return { newerFirst, olderFirst };
    };
    fc.assert(
      fc.property(fc.array(minutes, { maxLength: 40 }), (ms) => {
        // As generated, and sorted either way (the shortcut for times in order), with the nulls kept in place.
        const known = ms.filter((m): m is number => m !== null);
        const placed = (sorted: number[]) => ms.map((m) => (m === null ? null : sorted.shift()!));
        for (const list of [ms, placed([...known].sort((a, b) => a - b)), placed([...known].sort((a, b) => b - a))]) {
          expect(orderPairs(list.map((m) => ({ minutes: m }) as Post))).toEqual(byComparing(list));
        }
      }),
      { numRuns: 300 },
    );
  });

  // One difference on purpose: oldest first, the last post of both captures is the top of the page, where a
  // post may be pinned (classify/window.ts, `pinned-end`); newest first it is the bottom, where none is.
  it('reversing both captures and declaring oldest first gives the same statuses, but for posts below a pinnable top', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 12 }), fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 12 }), fc.boolean(), (a, b, whole) => {
        // The same posts listed newest first, or (the page's order toggled) oldest first.
        const toCapture = (ns: number[], oldestFirst: boolean) =>
          parseCapture(makeCapture({ count: whole ? ns.length : 50, posts: [...ns].sort((x, y) => (oldestFirst ? x - y : y - x)).map(spec) }));
        const forward = diffCaptures(toCapture(a, false), toCapture(b, false), { force: true, pageOrder: 'newest-first' });
        const backward = diffCaptures(toCapture(a, true), toCapture(b, true), { force: true, pageOrder: 'oldest-first' });
        const pinnable = new Set(backward.posts.filter((p) => p.evidence?.kind === 'pinned-end').map((p) => p.post.headline));
        const key = (r: typeof forward) => r.posts.map((p) => `${pinnable.has(p.post.headline) ? 'gone' : p.status}:${p.post.headline}`).sort();
        expect(key(backward)).toEqual(key(forward));
        for (const p of forward.posts) if (pinnable.has(p.post.headline)) expect(p.status).toBe('dropped');
      }),
      { numRuns: 60 },
    );
  });

  it('detects newest first, oldest first and unordered from the times', () => {
    const at = (ms: number[]) => ms.map((m, index) => ({ minutes: m, index }) as never);
    expect(detectOrder(at([90, 80, 70, 60, 50]))).toBe('newest-first');
    expect(detectOrder(at([50, 60, 70, 80, 90]))).toBe('oldest-first');
    expect(detectOrder(at([70, 110, 50, 100, 60, 120, 80]))).toBe('unordered');
    expect(detectOrder(at([10, 90, 80, 70, 60]))).toBe('newest-first'); // a pinned post on top
  });

  // From a red-team pass: an oldest-first ticker, then a capture that loaded only its first three posts.
  // Three times are too few to leave the default, so it was read newest first against the other: its three
  // posts seemed reversed and the five it did not load were dropped.
  it('a capture whose times say too little is read in the order the other capture shows', () => {
    const ticker = (ns: number[]) => parseCapture(makeCapture({ count: null, posts: ns.map(spec) }));
    const r = diffCaptures(ticker([0, 1, 2, 3, 4, 5, 6, 7]), ticker([0, 1, 2]));
    expect([r.old.order, r.new.order]).toEqual(['oldest-first', 'oldest-first']);
    expect(r.summary).toMatchObject({ dropped: 0, 'out-of-view': 5, unchanged: 3, moved: 0 });
    expect(detectOrders(ticker([0, 1, 2]).posts, ticker([2, 1, 0]).posts)).toEqual({ old: 'newest-first', new: 'newest-first' });
  });
});

describe('unspaced words', () => {
  it('Chinese text becomes character bigrams; ASCII text keeps its words', () => {
    expect(words('央行宣布')).toEqual(['央行', '行宣', '宣布']);
    expect(words('Fed raises rates')).toEqual(['fed', 'raises', 'rates']);
    expect(words('GDP 增长')).toEqual(['gdp', '增长']);
  });
});
