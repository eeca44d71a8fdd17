// Hostile sizes and shapes finish: no catastrophic backtracking, nothing quadratic, no stack overflow.
// The bounds are generous test timeouts (a hang fails), not performance goals: those live in bench/.
import { describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture } from '../../src/index.js';
import { makeCapture, stamp } from '../helpers/capture.js';

const BOUND = { timeout: 30_000 };

/** Near-matches of every pattern the text parser applies to a line. */
const NEAR_MISSES = [
  '1:00 a.m. ET, March 22, 202',
  '12:59 p.m. ETX, Marchx 99, 2023 x',
  'From '.repeat(20),
  'Updated '.repeat(20),
  '1'.repeat(50) + ' Posts x',
  '• '.repeat(50),
  '1. '.repeat(50),
  'a (b) '.repeat(50),
  '\u00a0 '.repeat(50),
];

describe('adversarial input', () => {
  it.each(NEAR_MISSES)('100,000 repetitions of a near-match on one line: %s', BOUND, (line) => {
    const text = `${stamp(600)}\n\nHeadline\n\n${line.repeat(100_000 / Math.max(1, line.length / 10))}`;
    const c = parseCapture(text);
    expect(c.posts).toHaveLength(1);
  });

  it.each(NEAR_MISSES)('100,000 lines of a near-match: %s', BOUND, (line) => {
    const text = `${stamp(600)}\n\nHeadline\n\n${`${line}\n`.repeat(100_000)}`;
    expect(parseCapture(text).posts[0]!.headline).toBe('Headline');
  });

  it('a 1 MB line', BOUND, () => {
    const big = 'word '.repeat(200_000);
    const old = makeCapture({ posts: [{ time: stamp(600), headline: 'H', body: [big] }] });
    const neu = makeCapture({ posts: [{ time: stamp(600), headline: 'H', body: [`${big} end.`] }] });
    const r = diffCaptures(parseCapture(old), parseCapture(neu));
    expect(r.summary.edited).toBe(1);
  });

  it('100,000 tiny posts, all sharing one time and headline', BOUND, () => {
    const posts = Array.from({ length: 100_000 }, (_, i) => ({ time: stamp(600), headline: 'Same', body: [`p${i}`] }));
    const text = makeCapture({ posts });
    const c = parseCapture(text);
    expect(c.posts).toHaveLength(100_000);
    const r = diffCaptures(c, parseCapture(makeCapture({ posts: posts.slice(1) })));
    expect(r.posts).toHaveLength(100_000);
    expect(r.summary.unchanged + r.summary.edited).toBe(99_999);
  });

  it('100,000 tiny distinct posts, one deleted', BOUND, () => {
    const posts = Array.from({ length: 100_000 }, (_, i) => ({ time: stamp(i % 1440), headline: `Post ${i}`, body: [`Text ${i}.`] }));
    const r = diffCaptures(parseCapture(makeCapture({ posts })), parseCapture(makeCapture({ posts: posts.filter((_, i) => i !== 500) })));
    expect(r.summary.dropped).toBe(1);
    expect(r.summary.unchanged).toBe(99_999);
  });
});
