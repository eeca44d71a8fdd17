// Lists longer than a call's arguments can hold: spreading one into push(...) or Math.max(...) overflows
// the stack past about 120,000 items, and livediff answered "internal error: Maximum call stack size
// exceeded" on a page that shrank to its first post (240,000 posts out of view) and on the Markdown of a
// post that gained 200,000 paragraphs. src/arrays.ts holds the loops that replace such spreads.
import { describe, expect, it } from 'vitest';
import { append, maxOf, minOf } from '../../src/arrays.js';
import { buildHistory, diffCaptures, parseCapture, renderLogMarkdown, renderLogTable, renderMarkdown } from '../../src/index.js';
import { postGainsBlocks } from './hostile.js';

const MANY = 200_000;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A text capture of `n` posts, one a minute back from the newest. */
function capture(n: number): string {
  const stamp = (i: number) => {
    const d = new Date(Date.UTC(2023, 0, 1) + (n - i) * 60_000);
    const h = d.getUTCHours();
    return `${h % 12 || 12}:${String(d.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'a' : 'p'}.m. ET, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
  };
  return Array.from({ length: n }, (_, i) => `${stamp(i)}\nPost ${i}\n`).join('\n');
}

describe('lists of any length', () => {
  it('append, maxOf and minOf take more items than a call has room for arguments', () => {
    const items = Array.from({ length: 3 * MANY }, (_, i) => (i * 7919) % 1_000_003);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError); // what they replace
    expect(append([-1], items)).toHaveLength(3 * MANY + 1);
    expect(maxOf(items)).toBe(items.reduce((a, b) => Math.max(a, b), -Infinity));
    expect(maxOf(items, 2_000_000)).toBe(2_000_000);
    expect(minOf(items)).toBe(0);
    expect(minOf([], 5)).toBe(5);
  });

  it('a page of 200,000 posts of which the newer capture shows only the first: reported, every other out of view', () => {
    const text = capture(MANY);
    const old = parseCapture(text);
    const neu = parseCapture(text.slice(0, text.indexOf('\n\n') + 1));
    const report = diffCaptures(old, neu);
    expect(report.summary.unchanged).toBe(1);
    expect(report.posts).toHaveLength(MANY);
    // The log of the same two captures: its table is as wide as its longest status.
    const history = buildHistory([
      { label: 'a', time: null, capture: old },
      { label: 'b', time: null, capture: neu },
    ]);
    expect(renderLogTable(history, { color: false }).split('\n').length).toBeGreaterThan(MANY);
  });

  it('the Markdown of a post that gained 200,000 paragraphs, in a diff and in a log', () => {
    const { old, new: neu } = postGainsBlocks(MANY);
    const [a, b] = [parseCapture(old), parseCapture(neu)];
    expect(renderMarkdown(diffCaptures(a, b)).split('\n').length).toBeGreaterThan(MANY);
    const history = buildHistory([
      { label: 'a', time: null, capture: a },
      { label: 'b', time: null, capture: b },
    ]);
    expect(renderLogMarkdown(history, history.posts[0]).split('\n').length).toBeGreaterThan(MANY);
  });
});
