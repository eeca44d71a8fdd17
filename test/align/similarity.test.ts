// The similarity stage takes its pairs best first without scoring every candidate in full (each old post's
// best edge first, the rest only when its partner is taken): the pairs must be those of scoring every
// candidate and taking the edges in order, which is what the stage did before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from '../../src/align/options.js';
import { idsDiffer, leftovers, matchBySimilarity, matchByWords, oldPost, scoreCandidate, topShared } from '../../src/align/similarity.js';
import { newPair, type State, takeBest } from '../../src/align/state.js';
import type { Pair, Post } from '../../src/model.js';
import { diffCaptures, parseCapture } from '../../src/index.js';
import { FUZZ_RUNS } from '../helpers/arbitraries.js';
import { makeCapture, stamp } from '../helpers/capture.js';

/** Score every candidate in full, then take the edges best first: the stage's definition. */
function everyEdge(state: State, opts: AlignOptions): void {
  const left = leftovers(state);
  const edges: Pair[] = [];
  for (let seq = 0; seq < left.oldFree.length; seq++) {
    const post = oldPost(state, opts, left, seq);
    for (const n of post.candidates) {
      if (idsDiffer(state.oldPosts[post.o]!, state.newPosts[n]!)) continue;
      const value = scoreCandidate(state, opts, left, post, n, opts.minSimilarity);
      if (value >= opts.minSimilarity) edges.push(newPair(post.o, n, 'similar', value));
    }
  }
  // A stable sort: equal edges stay in the order found (old posts in page order, candidates by rank).
  takeBest(state, edges, (x, y) => y.score - x.score || Math.abs(x.old - x.new) - Math.abs(y.old - y.new));
}

/** Words from a small vocabulary, so that posts share many and compete for the same partners. */
const WORDS = ['port', 'fire', 'vote', 'rail', 'strike', 'museum', 'bridge', 'flood', 'school', 'roof', 'delay', 'council'];
const text = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((ws) => ws.join(' '));
const postSpec = fc.record({
  time: fc.constantFrom('10:00 a.m. ET, May 9, 2023', '10:05 a.m. ET, May 9, 2023'),
  headline: text(0, 4),
  body: fc.array(text(0, 12), { minLength: 0, maxLength: 3 }),
  id: fc.option(fc.constantFrom('a', 'b'), { freq: 4, nil: null }),
});

function toPosts(specs: Array<{ time: string; headline: string; body: string[]; id: string | null }>): Post[] {
  return specs.map((s, index) => ({
    index,
    line: index + 1,
    id: s.id,
    time: s.time,
    minutes: null,
    headline: s.headline,
    byline: null,
    captions: [],
    body: s.body.map((t) => ({ kind: 'paragraph' as const, marker: '', text: t })),
    key: String(index),
  }));
}

const stateOf = (oldPosts: Post[], newPosts: Post[]): State => ({
  oldPosts,
  newPosts,
  oldTaken: new Uint8Array(oldPosts.length),
  newTaken: new Uint8Array(newPosts.length),
  pairs: [],
});

const shown = (s: State) => s.pairs.map((p) => `${p.old}->${p.new}:${p.score}`).sort();

describe('matchBySimilarity', () => {
  it('by words, takes the pairs that scoring every candidate and taking the best edges first takes', () => {
    fc.assert(
      fc.property(
        // Posts drawn from a few, so that equal scores (ties broken by position, page order and rank) are common.
        fc.array(postSpec, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 14 }),
        fc.array(fc.nat(), { maxLength: 14 }),
        fc.record({ minSimilarity: fc.double({ min: 0.05, max: 0.8, noNaN: true }), maxCandidates: fc.integer({ min: 1, max: 6 }), maxPostingList: fc.integer({ min: 1, max: 20 }) }),
        (pool, a, b, o) => {
          const opts = { ...DEFAULT_ALIGN_OPTIONS, ...o };
          const [oldPosts, newPosts] = [toPosts(a.map((i) => pool[i % pool.length]!)), toPosts(b.map((i) => pool[i % pool.length]!))];
          const lazy = stateOf(oldPosts, newPosts);
          const eager = stateOf(oldPosts, newPosts);
          matchByWords(lazy, opts, leftovers(lazy));
          everyEdge(eager, opts);
          expect(shown(lazy)).toEqual(shown(eager));
        },
      ),
      { numRuns: FUZZ_RUNS * 25 },
    );
  });

  it('gives a post its second choice when its best partner is taken by a better pair', () => {
    // Old 0 and old 1 both match new 0 best; old 0 more so. Old 1 then takes new 1, its second choice.
    const old = toPosts([
      { time: 't', headline: 'port fire vote', body: ['port fire vote rail strike museum bridge'], id: null },
      { time: 't', headline: 'port fire vote', body: ['port fire vote rail strike museum roof'], id: null },
    ]);
    const neu = toPosts([
      { time: 't', headline: 'port fire vote', body: ['port fire vote rail strike museum bridge'], id: null },
      { time: 't', headline: 'port fire vote', body: ['port fire vote rail flood school roof'], id: null },
    ]);
    const state = stateOf(old, neu);
    matchBySimilarity(state, DEFAULT_ALIGN_OPTIONS);
    expect(state.pairs.map((p) => `${p.old}->${p.new}`).sort()).toEqual(['0->0', '1->1']);
  });
});

describe('matchBySimilarity, by place', () => {
  // 120 posts made of four stock paragraphs under one headline: every word pair and headline word is in
  // more than maxPostingList posts but those across paragraphs. Every post is edited (a minute later, the
  // headline and one paragraph changed). Words found the wrong candidates for some: one post dropped and
  // one added each, 2 false deletions here, 54 of 48,000 at the input limit.
  const pool = [
    'Officials met in the capital on Tuesday to discuss the ceasefire proposal and its terms.',
    'Both delegations said the talks were constructive and would continue next week.',
    'Aid convoys are waiting at the border crossing for permission to enter the region.',
    'Residents described a quiet night after days of heavy shelling in the eastern districts.',
  ];
  const body = (i: number) => [pool[i % 4]!, pool[(i >> 2) % 4]!, pool[(i >> 4) % 4]!];
  const side = (edited: boolean) =>
    parseCapture(
      Buffer.from(
        makeCapture({
          posts: Array.from({ length: 120 }, (_, i) => ({
            time: stamp(900 - i + (edited ? 1 : 0)),
            headline: edited ? 'Talks continue in the capital, officials say' : 'Talks continue in the capital',
            body: edited ? body(i).map((p, k) => (k === i % 3 ? p.replace(' the ', ' the reportedly ') : p)) : body(i),
          })),
        }),
      ),
    );

  it('pairs the posts left over with the free posts of their slot: every post edited, none dropped', () => {
    const report = diffCaptures(side(false), side(true));
    expect(report.summary.edited).toBe(120);
    expect(report.summary.dropped + report.summary.added).toBe(0);
    expect(report.posts.every((p) => p.old!.index === p.new!.index)).toBe(true);
  });

  it('leaves words alone to find them, which they do not', () => {
    const [old, neu] = [side(false), side(true)];
    const state = stateOf(old.posts as Post[], neu.posts as Post[]);
    matchByWords(state, DEFAULT_ALIGN_OPTIONS, leftovers(state));
    expect(state.pairs.length).toBeLessThan(120);
  });
});

describe('topShared', () => {
  it('is the first k of a sort by count (most first, ties in order)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(60), { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 61, maxLength: 61 }), fc.integer({ min: 1, max: 25 }), (touched, c, k) => {
        const counts = Int32Array.from(c);
        const sorted = touched.map((n, order) => ({ n, order })).sort((x, y) => counts[y.n]! - counts[x.n]! || x.order - y.order);
        expect(topShared(touched, counts, k)).toEqual(sorted.slice(0, k).map((x) => x.n));
      }),
      { numRuns: FUZZ_RUNS * 25 },
    );
  });
});
