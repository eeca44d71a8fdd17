// Wrapping at a width: word boundaries, the marker kept on every line, CJK and emoji by display width.
import { describe, expect, it } from 'vitest';
import { displayWidth, paintLine, truncate, wrapSpans } from '../../src/render/wrap.js';

const wrap = (text: string, width: number | undefined, prefix = '    + ') =>
  wrapSpans([{ text }], width, { text: prefix }, { text: `${prefix}  ` }).map(paintLine);

describe('wrapSpans', () => {
  it('breaks at spaces, keeps the marker and hangs continuation lines', () => {
    expect(wrap('built on mutual interest to challenge US', 30)).toEqual(['    + built on mutual interest', '    +   to challenge US']);
  });

  it('never exceeds the width, and loses no word', () => {
    const text = 'As two autocrats traded tributes over a feast of quail, venison, Siberian white salmon and pomegranate sorbet';
    for (const width of [20, 33, 80]) {
      const lines = wrap(text, width);
      expect(lines.every((l) => displayWidth(l) <= width)).toBe(true);
      expect(lines.map((l) => l.replace(/^ {4}\+ {1,3}/, '')).join(' ')).toBe(text);
    }
  });

  it('counts CJK and emoji as two columns', () => {
    const lines = wrap('習近平 主席 と プーチン 大統領 が 会談 🚀🚀 した', 20);
    expect(lines.every((l) => displayWidth(l) <= 20)).toBe(true);
    expect(lines.length).toBeGreaterThan(2);
  });

  it('cuts a word longer than a line', () => {
    const lines = wrap('x'.repeat(50), 30);
    expect(lines.every((l) => displayWidth(l) <= 30)).toBe(true);
    expect(lines.join('').replace(/[ +]/g, '')).toBe('x'.repeat(50));
  });

  it('without a width: one line', () => {
    expect(wrap('a b c', undefined)).toEqual(['    + a b c']);
  });

  it('colours each piece apart, so codes never split across lines', () => {
    const red = (s: string) => `<red>${s}</red>`;
    const lines = wrapSpans([{ text: 'one two three four', paint: red }], 14, { text: '  - ', paint: red }).map(paintLine);
    expect(lines).toEqual(['<red>  - one two</red>', '<red>  - three four</red>']);
  });
});

describe('truncate', () => {
  it('cuts at a word with an ellipsis, and leaves text that fits', () => {
    expect(truncate('Kremlin says Putin and Xi had a thorough exchange', 24)).toBe('Kremlin says Putin and…');
    expect(truncate('short', 24)).toBe('short');
    expect(displayWidth(truncate('習近平主席とプーチン大統領が会談した', 11))).toBeLessThanOrEqual(11);
  });
});
