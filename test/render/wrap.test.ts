// Wrapping at a width: word boundaries, the marker kept on every line, CJK and emoji by display width.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusters, displayWidth, paintLine, truncate, wrapSpans } from '../../src/render/wrap.js';

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

describe('long words, cut in one pass', () => {
  // Letters, CJK, emoji (one with a skin tone, a ZWJ family, a flag) and combining accents.
  const piece = fc.constantFrom('a', 'B', '中', '文', '😀', '👍🏽', '👨‍👩‍👧', '🇫🇷', 'e\u0301', '\u0301', 'ß', '한');
  const word = fc.array(piece, { minLength: 1, maxLength: 200 }).map((ps) => ps.join(''));

  it('clusters are what string-width sums, and join back to the text', () => {
    fc.assert(
      fc.property(word, (text) => {
        const cs = [...clusters(text)];
        expect(cs.map(([c]) => c).join('')).toBe(text);
        expect(cs.reduce((sum, [, w]) => sum + w, 0)).toBe(displayWidth(text));
      }),
    );
    expect([...clusters('ab')]).toEqual([['a', 1], ['b', 1]]);
  });

  it('long texts are segmented a chunk at a time, into the clusters of the whole text', () => {
    // Texts of up to a few thousand code units cross the 512-unit chunks anywhere: inside a surrogate
    // pair, a ZWJ family, a run of flags (pairs of regional indicators) or of accents.
    const long = fc.array(fc.oneof(piece, fc.constantFrom('🇫🇷🇩🇪🇮🇹', '\u0301'.repeat(40), 'x'.repeat(30))), { minLength: 100, maxLength: 900 }).map((ps) => ps.join(''));
    const whole = new Intl.Segmenter();
    fc.assert(
      fc.property(long, (text) => {
        expect([...clusters(text)].map(([c]) => c)).toEqual([...whole.segment(text)].map((s) => s.segment));
        expect(displayWidth(text)).toBe([...whole.segment(text)].reduce((sum, s) => sum + displayWidth(s.segment), 0));
      }),
      { numRuns: 200 },
    );
    // One cluster longer than a chunk: a letter under 5,000 accents.
    const zalgo = `a${'\u0301'.repeat(5000)}b`;
    expect([...clusters(zalgo)].map(([c]) => c.length)).toEqual([5001, 1]);
  });

  it('a word wider than a line: every line full up to the width, nothing lost, no cluster split', () => {
    fc.assert(
      fc.property(word, fc.integer({ min: 12, max: 40 }), (text, width) => {
        const lines = wrapSpans([{ text }], width, { text: '' }, { text: '' }).map(paintLine);
        expect(lines.join('')).toBe(text);
        for (let i = 0; i < lines.length; i++) {
          expect(displayWidth(lines[i]!)).toBeLessThanOrEqual(width);
          // Full: the next line's first cluster would not have fitted (no cut inside a cluster either).
          const rest = lines.slice(i + 1).join('');
          if (rest !== '') expect(displayWidth(lines[i]! + [...clusters(rest)][0]![0])).toBeGreaterThan(width);
        }
      }),
    );
  });

});
