// Which post is which, on the cases live pages produce.
import { describe, expect, it } from 'vitest';
import { alignPosts, parseCapture, type Post } from '../../src/index.js';
import fc from 'fast-check';
import { findMoved } from '../../src/align/moves.js';
import { inNewOrder } from '../../src/align/state.js';
import { makeCapture, stamp, type PostSpec } from '../helpers/capture.js';

const base: PostSpec[] = [
  { time: stamp(600), headline: 'Xi and Putin sign joint statement in Moscow', body: ['The two leaders signed a statement on Tuesday after long talks.', 'Western officials reacted with scepticism to the document.'] },
  { time: stamp(590), headline: 'Ukraine says Bakhmut defence holds', body: ['Ukrainian commanders said the corridor to Bakhmut remains open despite heavy shelling.'] },
  { time: stamp(580), headline: 'Japan prime minister visits Kyiv', body: ['Fumio Kishida arrived in Kyiv by train in an unannounced visit.', 'He will meet President Zelensky.'] },
];

const posts = (specs: PostSpec[]): readonly Post[] => parseCapture(makeCapture({ posts: specs })).posts;
const pairs = (a: PostSpec[], b: PostSpec[]) =>
  alignPosts(posts(a), posts(b)).pairs.map((p) => `${p.old}->${p.new}:${p.match}`);

describe('alignPosts', () => {
  it('pairs identical posts', () => {
    expect(pairs(base, base)).toEqual(['0->0:identical', '1->1:identical', '2->2:identical']);
  });

  it('pairs posts by key, in page order, and only where the fields agree', () => {
    const old = posts([base[0]!, base[0]!, base[1]!, base[2]!]);
    const neu = posts([base[2]!, base[0]!, base[1]!, base[0]!]);
    const show = (o: readonly Post[], n: readonly Post[]) => alignPosts(o, n).pairs.map((p) => `${p.old}->${p.new}:${p.match}`);
    expect(show(old, neu)).toEqual(['3->0:identical', '0->1:identical', '2->2:identical', '1->3:identical']);
    // Keys are data: a post edited in place with its key left as it was is not taken as unchanged.
    const stale = [{ ...neu[0]!, body: [{ kind: 'paragraph' as const, marker: '', text: 'Rewritten entirely, nothing left of it.' }] }, ...neu.slice(1)];
    expect(stale[0]!.key).toBe(old[3]!.key);
    expect(show(old, stale)[0]).toBe('3->0:time+headline');
    // A post built without a key (a JavaScript caller's) is keyed by the aligner.
    const { key: _key, ...keyless } = neu[2]!;
    expect(show(old, [keyless as Post])).toEqual(['2->0:identical']);
  });

  it('pairs a fixed headline typo by its body', () => {
    const fixed = base.map((p, i) => (i === 1 ? { ...p, headline: 'Ukraine says Bakhmut defense holds' } : p));
    expect(pairs(base, fixed)).toContain('1->1:body');
  });

  it('pairs a post whose time and headline both changed by its body', () => {
    const updated = [{ ...base[2]!, time: stamp(700), headline: 'Kishida meets Zelensky in Kyiv' }, base[0]!, base[1]!];
    expect(pairs(base, updated)).toContain('2->0:body');
  });

  it('pairs a heavily edited body under the same time and headline', () => {
    const edited = base.map((p, i) => (i === 0 ? { ...p, body: ['Completely different reporting now replaces everything.'] } : p));
    expect(pairs(base, edited)).toContain('0->0:time+headline');
  });

  it('pairs a heavily edited body with a new time by similarity', () => {
    const edited = base.map((p, i) =>
      i === 0 ? { ...p, time: stamp(650), body: ['The two leaders signed a statement on Tuesday after long talks in the Kremlin.', 'China called it historic.'] } : p,
    );
    const a = alignPosts(posts(base), posts(edited));
    expect(a.pairs.find((p) => p.old === 0)).toMatchObject({ new: 0, match: 'similar' });
  });

  it('never pairs unrelated posts published in the same minute', () => {
    const replaced = [base[0]!, { time: base[1]!.time, headline: 'Markets fall in Asia', body: ['Stocks in Tokyo and Hong Kong dropped sharply at the open.'] }, base[2]!];
    const a = alignPosts(posts(base), posts(replaced));
    expect(a.unmatchedOld).toEqual([1]);
    expect(a.unmatchedNew).toEqual([1]);
  });

  it('tells apart two posts with the same headline by their bodies', () => {
    const twins: PostSpec[] = [
      { time: stamp(600), headline: 'Catch up on the day', body: ['Morning summary: talks began in Moscow with a formal welcome.'] },
      { time: stamp(300), headline: 'Catch up on the day', body: ['Night summary: shelling continued around Bakhmut overnight.'] },
    ];
    const later: PostSpec[] = [{ ...twins[1]!, time: stamp(320) }, { ...twins[0]!, time: stamp(610) }];
    expect(pairs(twins, later).sort()).toEqual(['0->1:body', '1->0:body']);
  });

  it('pairs two posts in the same minute each with its own', () => {
    const same: PostSpec[] = [
      { ...base[0]!, time: stamp(500) },
      { ...base[1]!, time: stamp(500) },
    ];
    const edited = [same[1]!, { ...same[0]!, body: [...same[0]!.body, 'An added line.'] }];
    expect(pairs(same, edited).sort()).toEqual(['0->1:time+headline', '1->0:identical']);
  });

  it('scales: 5,000 posts align in well under a second of work', () => {
    const many: PostSpec[] = Array.from({ length: 5000 }, (_, i) => ({
      time: stamp(i % 1440),
      headline: `Headline number ${i} about topic ${i % 97}`,
      body: [`Body ${i} text with words ${i * 3} and ${i * 7} and topic ${i % 97}.`],
    }));
    const shuffled = [...many.slice(2500), ...many.slice(0, 2500)].map((p, i) => (i % 50 === 0 ? { ...p, headline: `${p.headline}!` } : p));
    const a = alignPosts(posts(many), posts(shuffled));
    expect(a.pairs).toHaveLength(5000);
  });

  it('pairs 1,500 posts each edited in time, headline and body with their own partners', () => {
    // Only the similarity stage can pair these: its index of word pairs grows many times over.
    const word = (i: number, k: number) => `w${(i * 31 + k * 17) % 9973}x${k}`;
    const many: PostSpec[] = Array.from({ length: 1500 }, (_, i) => ({
      time: stamp(i % 1440),
      headline: `Report ${word(i, 1)} ${word(i, 2)} ${word(i, 3)}`,
      body: [Array.from({ length: 24 }, (_, k) => word(i, k + 4)).join(' ') + '.'],
    }));
    const edited = many.map((p, i) => ({ time: stamp((i + 7) % 1440), headline: `${p.headline} update`, body: [p.body[0]!.replace(word(i, 9), 'changed')] }));
    const a = alignPosts(posts(many), posts(edited));
    expect(a.pairs.map((p) => `${p.old}->${p.new}:${p.match}`)).toEqual(many.map((_, i) => `${i}->${i}:similar`));
  });
});

describe('findMoved', () => {
  const mk = (olds: number[]) => olds.map((o, n) => ({ old: o, new: n, match: 'identical' as const, score: 1 }));
  it('marks the post taken to the top', () => {
    expect([...findMoved(mk([3, 0, 1, 2, 4]))]).toEqual([0]);
  });
  it('marks nothing when the order is kept', () => {
    expect(findMoved(mk([0, 1, 2, 5, 9])).size).toBe(0);
  });
  it('marks one of two swapped posts', () => {
    expect(findMoved(mk([0, 2, 1, 3])).size).toBe(1);
  });
  /** The longest increasing run of `xs`, by the quadratic definition. */
  const longestRun = (xs: number[]) => {
    const best = xs.map(() => 1);
    for (let i = 0; i < xs.length; i++) for (let j = 0; j < i; j++) if (xs[j]! < xs[i]!) best[i] = Math.max(best[i]!, best[j]! + 1);
    return Math.max(0, ...best);
  };
  it('keeps a longest run in order and marks every other pair', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(60), { maxLength: 40 }), (olds) => {
        const moved = findMoved(mk(olds));
        const kept = olds.filter((_, i) => !moved.has(i));
        expect(kept.every((o, i) => i === 0 || kept[i - 1]! < o)).toBe(true);
        expect(kept.length).toBe(longestRun(olds));
        expect([...moved].every((i) => Number.isInteger(i) && i >= 0 && i < olds.length)).toBe(true);
      }),
    );
  });
});

describe('inNewOrder', () => {
  it('gives the pairs sorted by their new post, whatever their order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(50), { maxLength: 30 }), (news) => {
        const pairs = news.map((n, o) => ({ old: o, new: n, match: 'identical' as const, score: 1 }));
        expect(inNewOrder(pairs, 51)).toEqual([...pairs].sort((x, y) => x.new - y.new));
      }),
    );
  });
});
