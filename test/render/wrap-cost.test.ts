// Wrapping measures each character a bounded number of times: the characters string-width is asked to
// measure are counted. Cutting a long word by measuring the rest of it again for every line was quadratic
// (a 5 MB word took more than five minutes to print at 80 columns; a 400 KB word, 1.4 s).
import { describe, expect, it, vi } from 'vitest';

const measured = vi.hoisted(() => ({ chars: 0 }));
vi.mock('string-width', async (importOriginal) => {
  const original = (await importOriginal()) as { default: (s: string) => number };
  return {
    default: (s: string) => {
      measured.chars += s.length;
      return original.default(s);
    },
  };
});

const { paintLine, truncate, wrapSpans } = await import('../../src/render/wrap.js');

describe('the cost of wrapping long words', () => {
  for (const [name, unit] of [
    ['ASCII', 'x'],
    ['accented, CJK and emoji', 'é中😀'],
  ] as const) {
    it(`a word of 200,000 characters (${name}): each measured a few times at most`, () => {
      const text = unit.repeat(Math.ceil(200_000 / unit.length));
      measured.chars = 0;
      const lines = wrapSpans([{ text }], 80, { text: '    - ' }, { text: '    -   ' });
      expect(lines.map((l) => paintLine(l).replace(/^ {4}- {1,3}/, '')).join('')).toBe(text);
      expect(measured.chars).toBeLessThan(4 * text.length);
    });
  }

  it('truncating a long text measures it once and the kept part', () => {
    const text = 'é'.repeat(200_000);
    measured.chars = 0;
    expect(truncate(text, 40)).toBe(`${'é'.repeat(39)}…`);
    expect(measured.chars).toBeLessThan(2 * text.length);
  });
});
