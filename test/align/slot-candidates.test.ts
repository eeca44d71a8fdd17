// Rewrites in place (align/rewrites.ts) score the old and new posts left in one slot: all pairs of a small
// slot, and past MAX_SLOT_PAIRS only the posts near each old post's rank, so a page that changed almost
// whole cannot make the stage quadratic.
import { describe, expect, it } from 'vitest';
import { rarity } from '../../src/align/rewrites.js';
import { freeBySlot, MAX_SLOT_PAIRS, SLOT_RANK_WINDOW, slotCandidates } from '../../src/align/slots.js';
import { newPair, type State } from '../../src/align/state.js';
import fc from 'fast-check';
import { FUZZ_RUNS } from '../helpers/arbitraries.js';
import { diffCaptures, parseCapture, type Post } from '../../src/index.js';
import { makeCapture, stamp } from '../helpers/capture.js';

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('slotCandidates', () => {
  it('pairs every old post with every new one in a slot of up to MAX_SLOT_PAIRS pairs', () => {
    const olds = range(10, 64);
    const news = range(200, MAX_SLOT_PAIRS / 64);
    const pairs = slotCandidates(olds, news);
    expect(pairs).toHaveLength(MAX_SLOT_PAIRS);
    expect(new Set(pairs.map(([o, n]) => `${o}:${n}`)).size).toBe(MAX_SLOT_PAIRS);
  });

  it('past that, meets only the new posts near each old post rank, from the top and from the bottom', () => {
    const olds = range(0, 3000);
    const news = range(5000, 3000);
    const pairs = slotCandidates(olds, news);
    expect(pairs.length).toBeLessThanOrEqual(olds.length * 2 * (2 * SLOT_RANK_WINDOW + 1));
    const has = (o: number, n: number) => pairs.some(([a, b]) => a === o && b === n);
    expect(has(0, 5000)).toBe(true); // the same rank
    expect(has(1500, 6500 + SLOT_RANK_WINDOW)).toBe(true);
    expect(has(1500, 6500 + SLOT_RANK_WINDOW + 1)).toBe(false);
  });

  it('finds a rewrite at the bottom of a slot that gained many posts above it', () => {
    // One old post, the last of its slot; 5,000 new posts, of which the last is its rewrite.
    const pairs = slotCandidates([7], range(100, 5000));
    expect(pairs.some(([, n]) => n === 5099)).toBe(true);
    expect(pairs.some(([, n]) => n === 100)).toBe(true);
    expect(pairs.length).toBeLessThanOrEqual(2 * (2 * SLOT_RANK_WINDOW + 1));
  });
});

describe('a page that changed almost whole', () => {
  it('one post kept and 1,500 others replaced, all in one minute: the others are added and dropped, none paired', () => {
    // Before the bound, every old post of the slot was scored against every new one: 9.8 s at 2,000.
    const side = (tag: string) =>
      parseCapture(
        makeCapture({
          posts: range(0, 1501).map((i) =>
            i === 750
              ? { time: stamp(600), headline: 'The one post both captures keep', body: ['Its text, the same on both sides.'] }
              : { time: stamp(600), headline: `${tag}h${i} ${tag}k${i}`, body: [`${tag}a${i} ${tag}b${i} ${tag}c${i} ${tag}d${i} ${tag}e${i}.`] },
          ),
        }),
      );
    const report = diffCaptures(side('old'), side('new'));
    expect(report.summary.unchanged).toBe(1);
    expect(report.summary.added).toBe(1500);
    expect(report.summary.dropped + report.summary['out-of-view']).toBe(1500);
    expect(report.summary.edited).toBe(0);
  });
});

describe('rarity', () => {
  // Post i has the words `uniq<i>` (its own), `pairs<i/2>` (two posts') and `common` (every post's).
  const name = (i: number) => `w${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
  const posts = parseCapture(
    makeCapture({
      posts: range(0, 600).map((i) => ({ time: stamp(600), headline: `Post ${i}`, body: [`uniq${name(i)} pairs${name(i >> 1)} common words.`] })),
    }),
  ).posts;
  const asked = [...range(0, 40).map((i) => `uniq${name(i)}`), ...range(0, 40).map((i) => `pairs${name(i)}`), 'common'];

  it('says a word is rare when at most two posts have it, past MAX_WORDS_ASKED words too', () => {
    const wordsOf = (p: Post) => new Set(p.body.flatMap((b) => b.text.toLowerCase().match(/[a-z0-9]+/g) ?? []));
    const rare = rarity(posts, wordsOf);
    expect(asked.map(rare)).toEqual(asked.map((w) => w !== 'common'));
  });

  it('counts every post once past MAX_WORDS_ASKED words without asking the memo for each post', () => {
    // The memo keeps every set it is asked for: asked for every post, it held 520 MB of them for 48,000
    // edited posts a side (the input limit). Only the posts whose bytes hold a word asked go through it.
    const through = new Set<Post>();
    const wordsOf = (p: Post) => {
      through.add(p);
      return new Set(p.body.flatMap((b) => b.text.toLowerCase().match(/[a-z0-9]+/g) ?? []));
    };
    const rare = rarity(posts, wordsOf);
    asked.forEach(rare);
    expect(asked.length).toBeGreaterThan(64);
    expect(through.size).toBeLessThan(posts.length / 2);
  });
});

describe('freeBySlot', () => {
  it('puts each free post between the nearest anchors above and below it, on both sides', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.array(fc.tuple(fc.nat(39), fc.nat(39)), { maxLength: 30 }), (nOld, nNew, raw) => {
        // Pairs with distinct old and distinct new posts, within the sides' lengths.
        const usedOld = new Set<number>();
        const usedNew = new Set<number>();
        const pairs = raw
          .filter(([o, n]) => o < nOld && n < nNew && !usedOld.has(o) && !usedNew.has(n) && usedOld.add(o) && usedNew.add(n))
          .map(([o, n]) => newPair(o, n, 'identical', 1));
        const state: State = { oldPosts: new Array(nOld), newPosts: new Array(nNew), oldTaken: new Uint8Array(nOld), newTaken: new Uint8Array(nNew), pairs };
        const oldFree = range(0, nOld).filter((o) => !usedOld.has(o));
        const newFree = range(0, nNew).filter((n) => !usedNew.has(n));
        const { anchors, oldSlots, oldBySlot, newBySlot } = freeBySlot(state, oldFree, newFree);
        const slotOf = (k: number, side: 'old' | 'new') => {
          const above = anchors.map((p, a) => [p[side], a] as const).filter(([i]) => i < k).map(([, a]) => a);
          const below = anchors.map((p, a) => [p[side], a] as const).filter(([i]) => i > k).map(([, a]) => a);
          return [above.length > 0 ? Math.max(...above) : -1, below.length > 0 ? Math.min(...below) : -1];
        };
        for (const o of oldFree) expect(oldSlots[o]).toEqual(slotOf(o, 'old'));
        const grouped = (free: number[], side: 'old' | 'new') => {
          const m = new Map<string, number[]>();
          for (const k of free) m.set(slotOf(k, side).join(','), [...(m.get(slotOf(k, side).join(',')) ?? []), k]);
          return m;
        };
        expect(oldBySlot).toEqual(grouped(oldFree, 'old'));
        expect(newBySlot).toEqual(grouped(newFree, 'new'));
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
  });
});
